import type { JsonPath, JsonSource } from './json-source.ts';
import { formatJsonPath } from './json-source.ts';
import { maxProblemsPerFile, type PackProblem, type ProblemRule } from './problems.ts';
import type {
  Entity,
  Fact,
  Manifest,
  PackFileName,
  PackLayout,
  PathwayFile,
  Reference,
  TeachingPoint,
} from './schema.ts';
import { closestMatch } from './suggest.ts';

/** The two files whose rows are facts. */
export type FactFile = 'facts.json' | 'background.json';

/** An array element that passed its schema, with its index in the file (for locating it). */
export interface Item<T> {
  readonly index: number;
  readonly value: T;
}

/** What passed the schema; a file that is missing or unreadable is absent. */
export interface ParsedPack {
  manifest?: Manifest;
  entities?: Item<Entity>[];
  facts?: Item<Fact>[];
  background?: Item<Fact>[];
  pathways?: Item<PathwayFile>[];
  references?: Item<Reference>[];
  teachingPoints?: Item<TeachingPoint>[];
  layout?: PackLayout;
}

/**
 * Ids declared anywhere in a readable file, taken from the raw JSON so that an item failing its
 * schema still counts as declared: one typo must not turn every reference to it into a second
 * error. A set is absent when its file could not be read at all; checks against it are skipped.
 */
export interface KnownIds {
  entities?: ReadonlyMap<string, { readonly type: unknown }>;
  /** Lower-cased entity names and aliases → entity id, to suggest "il-32-gamma" for "IL-32γ". */
  entityNames?: ReadonlyMap<string, string>;
  facts?: ReadonlySet<string>;
  /** Background fact ids (background.json); absent when the file is absent or unreadable. */
  backgroundFacts?: ReadonlySet<string>;
  references?: ReadonlyMap<string, { readonly kind: unknown }>;
  pathways?: ReadonlySet<string>;
  teachingPoints?: ReadonlySet<string>;
  topics?: ReadonlySet<string>;
  inferences?: ReadonlySet<string>;
}

export class Reporter {
  readonly problems: PackProblem[] = [];
  /** Problems past the per-file cap, counted without being located (locating costs). */
  readonly unlisted = new Map<string, number>();
  /** Array elements left unchecked once their file had problems enough (see `saturated`). */
  readonly unchecked = new Map<string, number>();
  readonly #listed = new Map<string, number>();
  readonly #sources: ReadonlyMap<PackFileName, JsonSource>;

  constructor(sources: ReadonlyMap<PackFileName, JsonSource>) {
    this.#sources = sources;
  }

  report(
    file: PackFileName,
    path: JsonPath,
    rule: ProblemRule,
    message: string,
    target: 'value' | 'key' = 'value',
    /** Characters to move right of the value's start, to point inside a one-line string. */
    shift = 0,
  ): void {
    const listed = this.#listed.get(file) ?? 0;
    if (this.saturated(file)) {
      this.unlisted.set(file, (this.unlisted.get(file) ?? 0) + 1);
      return;
    }
    this.#listed.set(file, listed + 1);
    const position = this.#sources.get(file)?.locate(path, target) ?? { line: 1, column: 1 };
    const column = position.column + shift;
    this.problems.push({
      file,
      line: position.line,
      column,
      path: formatJsonPath(path),
      rule,
      message,
    });
  }

  /**
   * Whether `file` has problems enough to show (twice the cap: the final cut keeps the first in
   * reading order, which is not report order); checking more of its elements would only cost.
   */
  saturated(file: PackFileName): boolean {
    return (this.#listed.get(file) ?? 0) >= 2 * maxProblemsPerFile;
  }

  skipElements(file: PackFileName, count: number): void {
    this.unchecked.set(file, (this.unchecked.get(file) ?? 0) + count);
  }

  /** "facts.json:30:11", for messages that point at a second place (the first duplicate). */
  where(file: PackFileName, path: JsonPath): string {
    const position = this.#sources.get(file)?.locate(path) ?? { line: 1, column: 1 };
    return `${file}:${position.line}:${position.column}`;
  }

  /**
   * Reports `id` at `path` when `known` lacks it, with the closest known id as a hint. Skipped
   * when the file declaring such ids could not be read (`known` absent).
   */
  requireId(
    file: PackFileName,
    path: JsonPath,
    id: string,
    known: ReadonlySet<string> | ReadonlyMap<string, unknown> | undefined,
    what: string,
    options: { readonly hint?: string; readonly scope?: string } = {},
  ): boolean {
    if (!known || known.has(id)) return true;
    const hint = options.hint ?? closestMatch(id, known.keys());
    const scope = options.scope === undefined ? '' : ` in ${options.scope}`;
    this.report(
      file,
      path,
      'unknown-id',
      `unknown ${what} "${id}"${scope}${hint ? ` (did you mean "${hint}"?)` : ''}`,
    );
    return false;
  }
}

/** Case- and space-insensitive form used for names, aliases and fact texts. */
export function normalise(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}
