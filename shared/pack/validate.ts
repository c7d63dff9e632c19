import type { z } from 'zod';
import type { JsonPath, JsonSource } from './json-source.ts';
import { parseJsonSource } from './json-source.ts';
import type { PackProblem } from './problems.ts';
import { capProblemsPerFile } from './problems.ts';
import {
  backgroundFactSchema,
  entitySchema,
  reviewFactSchema,
  layoutSchema,
  manifestSchema,
  packFileNames,
  pathwayFileSchema,
  referenceSchema,
  requiredPackFileNames,
  teachingPointSchema,
  type Manifest,
  type Pack,
  type PackFileName,
  type Pathway,
  type PathwayFile,
} from './schema.ts';
import { closestMatch } from './suggest.ts';
import type { Item, ParsedPack } from './validate-context.ts';
import { Reporter } from './validate-context.ts';
import { speciesOfFormat1 } from './species.ts';
import { upgradeSources } from './upgrade.ts';
import { knownIds, reportDuplicateIds } from './validate-ids.ts';
import { checkLayout } from './validate-layout.ts';
import { checkReferences } from './validate-references.ts';
import { checkSections } from './validate-sections.ts';
import { sectionById } from './sections.ts';

/**
 * The pack validator: raw file texts in, a typed Pack or every located problem out. Pure (runs in
 * the renderer, in services and in the CLIs), never throws, never stops at the first problem.
 */

/** File name → text; an absent (or undefined) entry is a missing file. */
export type PackFileTexts = Readonly<Record<string, string | undefined>>;

export type PackValidation =
  | { readonly ok: true; readonly pack: Pack }
  | { readonly ok: false; readonly problems: PackProblem[] };

/** Larger files are refused unread: a pack this size is a mistake, and parsing it would stall the UI. */
export const maxPackFileChars = 16 * 1024 * 1024;

export function validatePack(files: PackFileTexts): PackValidation {
  try {
    return validate(files);
  } catch (error) {
    // A bug of ours, not of the pack; still answered as a located problem, never a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [{ file: 'manifest.json', line: 1, column: 1, rule: 'internal', message }],
    };
  }
}

function validate(files: PackFileTexts): PackValidation {
  const problems: PackProblem[] = [];
  const sources = readSources(files, problems);
  upgradeSources(sources);
  const reporter = new Reporter(sources);

  const parsed: ParsedPack = {
    manifest: parseObject(sources, reporter, 'manifest.json', manifestSchema),
    entities: parseArray(sources, reporter, 'entities.json', entitySchema),
    facts: parseArray(sources, reporter, 'facts.json', reviewFactSchema),
    background: parseArray(sources, reporter, 'background.json', backgroundFactSchema),
    pathways: parseArray(sources, reporter, 'pathways.json', pathwayFileSchema),
    references: parseArray(sources, reporter, 'references.json', referenceSchema),
    teachingPoints: parseArray(sources, reporter, 'teaching-points.json', teachingPointSchema),
    layout: parseObject(sources, reporter, 'layout.json', layoutSchema),
  };

  const known = knownIds(sources);
  reportDuplicateIds(sources, reporter);
  checkReferences(parsed, known, reporter);
  checkSections(parsed, reporter);
  checkLayout(parsed, reporter);

  const all = problems.concat(reporter.problems);
  if (all.length > 0)
    return {
      ok: false,
      problems: capProblemsPerFile(all, {
        unlisted: reporter.unlisted,
        unchecked: reporter.unchecked,
      }),
    };
  return { ok: true, pack: assemble(parsed) };
}

function readSources(files: PackFileTexts, problems: PackProblem[]): Map<PackFileName, JsonSource> {
  const sources = new Map<PackFileName, JsonSource>();
  for (const [name, text] of Object.entries(files)) {
    if (text !== undefined && !(packFileNames as string[]).includes(name)) {
      const hint = closestMatch(name, packFileNames);
      problems.push({
        file: name,
        line: 1,
        column: 1,
        rule: 'unknown-file',
        message: `not a pack file${hint ? ` (did you mean "${hint}"?)` : ''}; a pack has ${packFileNames.join(', ')}`,
      });
    }
  }
  for (const name of packFileNames) {
    const text = Object.hasOwn(files, name) ? files[name] : undefined;
    if (text === undefined) {
      if (requiredPackFileNames.includes(name)) {
        problems.push({
          file: name,
          line: 1,
          column: 1,
          rule: 'missing-file',
          message: 'the file is missing',
        });
      }
      continue;
    }
    if (text.length > maxPackFileChars) {
      problems.push({
        file: name,
        line: 1,
        column: 1,
        rule: 'file-too-large',
        message: `the file is larger than ${maxPackFileChars} characters`,
      });
      continue;
    }
    const result = parseJsonSource(name, text);
    for (const problem of result.problems) problems.push(problem);
    if (result.ok) sources.set(name, result.source);
  }
  return sources;
}

function parseObject<T>(
  sources: ReadonlyMap<PackFileName, JsonSource>,
  reporter: Reporter,
  file: PackFileName,
  schema: z.ZodType<T>,
): T | undefined {
  const source = sources.get(file);
  if (!source) return undefined;
  const result = schema.safeParse(source.value);
  if (result.success) return result.data;
  reportIssues(reporter, source, file, [], schema, result.error);
  return undefined;
}

/** Parses element by element, so one bad fact does not hide the other 138 from later checks. */
function parseArray<T>(
  sources: ReadonlyMap<PackFileName, JsonSource>,
  reporter: Reporter,
  file: PackFileName,
  elementSchema: z.ZodType<T>,
): Item<T>[] | undefined {
  const source = sources.get(file);
  if (!source) return undefined;
  if (!Array.isArray(source.value)) {
    reporter.report(file, [], 'schema', `expected an array, found ${describeValue(source.value)}`);
    return undefined;
  }
  const items: Item<T>[] = [];
  const elements: readonly unknown[] = source.value;
  for (let index = 0; index < elements.length; index++) {
    // A file this broken says enough; checking 80,000 more bad elements would take seconds.
    if (reporter.saturated(file)) {
      reporter.skipElements(file, elements.length - index);
      break;
    }
    const result = elementSchema.safeParse(elements[index]);
    if (result.success) items.push({ index, value: result.data });
    else reportIssues(reporter, source, file, [index], elementSchema, result.error);
  }
  return items;
}

function reportIssues(
  reporter: Reporter,
  source: JsonSource,
  file: PackFileName,
  prefix: JsonPath,
  schema: z.ZodType,
  error: z.ZodError,
): void {
  for (const issue of error.issues) {
    const local = issue.path.map((segment) =>
      typeof segment === 'symbol' ? String(segment) : segment,
    );
    const path = [...prefix, ...local];
    if (issue.code === 'unrecognized_keys') {
      const allowed = knownKeysAt(schema, local);
      for (const key of issue.keys) {
        const hint = closestMatch(key, allowed);
        reporter.report(
          file,
          [...path, key],
          'schema',
          `unknown field "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}`,
          'key',
        );
      }
      continue;
    }
    const rule = isCitationIssue(file, local, issue) ? 'citation' : 'schema';
    reporter.report(file, path, rule, describeIssue(issue, source, path));
  }
}

/** A format-1 species word in a format-2 pack: say what to write instead. */
function format1Hint(field: PropertyKey | undefined, value: unknown): string {
  if (field !== 'species' || typeof value !== 'string' || !Object.hasOwn(speciesOfFormat1, value))
    return '';
  const names = speciesOfFormat1[value] ?? [];
  return ` (format 2 names species by NCBI Taxonomy: write ${JSON.stringify(names)})`;
}

function describeIssue(issue: z.core.$ZodIssue, source: JsonSource, path: JsonPath): string {
  const present = source.has(path);
  const value = present ? valueAt(source.value, path) : undefined;
  const field = path.at(-1);
  switch (issue.code) {
    case 'invalid_type':
      if (!present) return `missing required field "${String(field)}"`;
      return `expected ${issue.expected}, found ${describeValue(value)}${format1Hint(field, value)}`;
    case 'invalid_value': {
      const options = issue.values.map((option) => JSON.stringify(option));
      const hint =
        typeof value === 'string'
          ? closestMatch(
              value,
              issue.values.filter((v) => typeof v === 'string'),
            )
          : undefined;
      const listed = options.length <= 16 ? `; expected one of ${options.join(', ')}` : '';
      const what = typeof field === 'string' ? ` ${field}` : ' value';
      return `${describeValue(value)} is not an allowed${what}${hint ? ` (did you mean "${hint}"?)` : listed}`;
    }
    case 'invalid_format':
      return `${describeValue(value)} ${issue.message}`;
    case 'invalid_key':
      return `key ${JSON.stringify(field)}: ${issue.issues[0]?.message ?? issue.message}`;
    case 'too_small':
    case 'too_big':
    case 'invalid_union':
    case 'invalid_element':
    case 'not_multiple_of':
    case 'custom':
      return issue.message;
    default:
      return (issue as { message: string }).message;
  }
}

function isCitationIssue(file: PackFileName, path: JsonPath, issue: z.core.$ZodIssue): boolean {
  return (
    (file === 'facts.json' || file === 'background.json') &&
    path.length === 1 &&
    path[0] === 'references' &&
    (issue.code === 'too_small' || issue.code === 'invalid_type')
  );
}

/** The fields an object schema allows at `path`, to suggest "subject" for "subjet". */
function knownKeysAt(schema: z.core.$ZodType, path: JsonPath): string[] {
  let current: z.core.$ZodType | undefined = schema;
  const steps = [...path];
  while (current) {
    const def: z.core.$ZodTypeDef = current._zod.def;
    switch (def.type) {
      case 'optional':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'nullable':
      case 'nonoptional':
      case 'catch':
        current = (def as z.core.$ZodOptionalDef).innerType;
        continue;
      case 'pipe':
        current = (def as z.core.$ZodPipeDef).in;
        continue;
      default:
        break;
    }
    const step = steps.shift();
    if (step === undefined) {
      return def.type === 'object' ? Object.keys((def as z.core.$ZodObjectDef).shape) : [];
    }
    if (def.type === 'object') current = (def as z.core.$ZodObjectDef).shape[String(step)];
    else if (def.type === 'array') current = (def as z.core.$ZodArrayDef).element;
    else if (def.type === 'record') current = (def as z.core.$ZodRecordDef).valueType;
    else return [];
  }
  return [];
}

function valueAt(root: unknown, path: JsonPath): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = Object.hasOwn(value, segment) ? (value as Record<string, unknown>)[segment] : undefined;
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…"` : text;
}

function assemble(parsed: ParsedPack): Pack {
  const values = <T>(items: Item<T>[] | undefined): T[] => (items ?? []).map((item) => item.value);
  if (!parsed.manifest) throw new Error('assemble() needs a parsed manifest');
  return {
    manifest: parsed.manifest,
    entities: values(parsed.entities),
    facts: values(parsed.facts),
    background: values(parsed.background),
    pathways: values(parsed.pathways).map((pathway) => withTitle(parsed.manifest, pathway)),
    references: values(parsed.references),
    teachingPoints: values(parsed.teachingPoints),
    ...(parsed.layout ? { layout: parsed.layout } : {}),
  };
}

/** A figure pathway's title is its figure section's (checked above: the section exists). */
function withTitle(manifest: Manifest | undefined, pathway: PathwayFile): Pathway {
  const title = pathway.title ?? (manifest && sectionById(manifest, pathway.figure)?.title);
  if (title === undefined) throw new Error(`pathway ${pathway.id} has no title`);
  return { ...pathway, title };
}
