import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { loadPackFolder } from '../../services/packs/pack-folder.ts';
import { packJsonSchemaFiles } from '../../shared/pack/json-schema.ts';
import {
  manifestSchema,
  packFileNames,
  packFormatVersion,
  requiredPackFileNames,
} from '../../shared/pack/schema.ts';
import { CliError, freshLayout, problemLine, shown } from './pack-cli.ts';

/**
 * `npm run pack:new`: a new, valid, empty pack folder. Empty but complete: every required file,
 * a manifest and the review's own reference with each field the author must write marked TODO,
 * layout.json (so a pack under assets/packs is not stale) and schema/ for editor completion.
 */

/** The marker of every placeholder the author must replace; `grep -n TODO` finds them all. */
export const placeholder = 'TODO';
const todo = (what: string) => `${placeholder}: ${what}`;

/** The id of the target review's entry in references.json. */
const reviewReferenceId = 'R1';

/** Why `id` cannot name a pack, in the schema's own words; undefined when it can. */
export function packIdProblem(id: string): string | undefined {
  const result = manifestSchema.shape.id.safeParse(id);
  return result.success ? undefined : result.error.issues.map((issue) => issue.message).join('; ');
}

/** The pack's JSON files (before layout.json), as plain values, by file name. */
export function scaffoldValues(id: string, title: string | undefined): Record<string, unknown> {
  const values: Record<string, unknown> = {
    'manifest.json': {
      $schema: './schema/manifest.schema.json',
      id,
      title: title ?? todo("the pack's title as learners see it"),
      version: '0.1.0',
      formatVersion: packFormatVersion,
      description: todo('what the pack teaches and where its facts come from'),
      citation: {
        authors: [todo('Surname AB')],
        title: todo("the review's title"),
        journal: todo('journal abbreviation'),
        // A number cannot carry the marker: the next steps name this field.
        year: new Date().getUTCFullYear(),
        volume: todo('volume'),
        issue: todo('issue'),
        pages: todo('pages'),
        doi: `10.0000/${placeholder}`,
      },
      reviewReference: reviewReferenceId,
      licence: todo('under what terms the review and this pack may be used'),
      attribution: todo('whose work the pack summarises'),
      topics: [
        {
          id: 'overview',
          title: todo('a topic title'),
          description: todo('what the topic covers'),
        },
      ],
      inferences: [],
      limitations: [],
      // The review's parts, which review-tier facts cite and figure pathways reproduce; the
      // author adds its body sections by heading and its figures and tables.
      sections: [
        { id: 'abstract', kind: 'abstract', title: 'Abstract' },
        { id: 'references', kind: 'references', title: 'Reference list' },
      ],
    },
    'references.json': [
      {
        id: reviewReferenceId,
        kind: 'target-review',
        authors: [todo('Surname AB')],
        title: todo("the review's title"),
        citedByReview: 'not-applicable',
      },
    ],
  };
  for (const file of requiredPackFileNames) values[file] ??= [];
  return values;
}

/**
 * Writes a new pack into `dir`, which must not exist, and checks it with the real loader. On any
 * failure the half-made folder is removed, so a retry starts clean. Returns the files written.
 */
export async function writePackScaffold(
  dir: string,
  id: string,
  title: string | undefined,
): Promise<string[]> {
  const idProblem = packIdProblem(id);
  if (idProblem !== undefined) {
    throw new CliError(`"${id}" is not a valid pack id: it ${idProblem}`);
  }
  if (existsSync(dir)) {
    throw new CliError(`${shown(dir)} already exists; choose another id or --dir`);
  }
  mkdirSync(path.dirname(dir), { recursive: true });
  mkdirSync(dir);
  try {
    const written: string[] = [];
    for (const [file, value] of Object.entries(scaffoldValues(id, title))) {
      await writeFormatted(path.join(dir, file), JSON.stringify(value));
      written.push(file);
    }
    for (const [file, text] of Object.entries(packJsonSchemaFiles())) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
      written.push(file);
    }
    const loaded = loadPackFolder(dir);
    if (!loaded.ok) {
      const lines = loaded.problems.map((problem) => problemLine(dir, problem));
      throw new Error(['The new pack does not validate (a bug in pack:new):', ...lines].join('\n'));
    }
    writeFileSync(path.join(dir, 'layout.json'), await freshLayout(loaded.pack));
    written.push('layout.json');
    return written;
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Formatted as the repository formats JSON, so a pack under assets/packs passes `prettier --check`. */
async function writeFormatted(file: string, json: string): Promise<void> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(json, { ...options, parser: 'json' }));
}

/**
 * `file:line:col  "TODO: …"` for each placeholder pack:new left that is still in the pack's
 * files: a pack with them is valid, so pack:check warns rather than fails.
 */
export function placeholderLines(dir: string): string[] {
  const found: string[] = [];
  const marker = new RegExp(`"[^"]*\\b${placeholder}\\b[^"]*"`, 'g');
  for (const file of packFileNames) {
    const target = path.join(dir, file);
    if (!existsSync(target)) continue;
    readFileSync(target, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        for (const match of line.matchAll(marker)) {
          found.push(
            `${shown(target)}:${index + 1}:${match.index + 1}  ${match[0]} is still to write`,
          );
        }
      });
  }
  return found;
}
