/**
 * A located problem in a pack: which file, where in it (1-based line and column, counted in
 * UTF-16 code units as editors do), and for schema or referential problems the JSON path of the
 * offending value. Every problem the validator reports has all of these, so an author can jump
 * straight to it.
 */
export interface PackProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** JSON path such as `$[12].subject`; absent for problems of the file as a whole (syntax, missing). */
  readonly path?: string;
  readonly rule: ProblemRule;
  readonly message: string;
  /** On a `more-problems` entry: how many problems it stands for. */
  readonly unlisted?: number;
}

export const problemRules = [
  'missing-file',
  'unknown-file',
  'file-too-large',
  'json-syntax',
  'duplicate-key',
  'schema',
  'unknown-id',
  'wrong-entity-type',
  'object-kind',
  'duplicate-id',
  'duplicate-name',
  'duplicate-text',
  'unsupported-edge',
  'missing-inference',
  'edge-context',
  'citation',
  'review-reference',
  'self-contest',
  /** A negation or qualifier in a fact's text that its structured fields lost. */
  'text-qualifier',
  'layout',
  /** Only from `pack:check` on bundled packs: layout.json or schema/ not regenerated after a change. */
  'stale-build-output',
  /** A failure of the validator itself; never expected, still reported as a located problem. */
  'internal',
  /** Stands for the problems of a file past `maxProblemsPerFile`, which are counted, not listed. */
  'more-problems',
] as const;
export type ProblemRule = (typeof problemRules)[number];

/** `facts.json:412:7 $[12].subject: unknown entity "il-32-gama" (did you mean "il-32-gamma"?)` */
export function formatProblem(problem: PackProblem, fileLabel: string = problem.file): string {
  return `${fileLabel}:${problem.line}:${problem.column} ${describeProblem(problem)}`;
}

/** The problem without its file position: `$[12].subject: unknown entity …`. */
export function describeProblem(problem: PackProblem): string {
  return problem.path === undefined ? problem.message : `${problem.path}: ${problem.message}`;
}

/** Problems in reading order: by file, then position. */
export function sortProblems(problems: readonly PackProblem[]): PackProblem[] {
  return [...problems].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareText(a.path ?? '', b.path ?? '') ||
      compareText(a.message, b.message),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A file listing more problems than this is broken throughout: the first ones say what is wrong,
 * the rest are counted. Keeps a hostile file (900k bad objects) from costing gigabytes.
 */
export const maxProblemsPerFile = 100;

/**
 * The first `maxProblemsPerFile` problems of each file in reading order, then for each file with
 * more one `more-problems` entry counting the rest: those cut here, those the validator counted
 * without listing (`unlisted`), and the array elements it left unchecked (`unchecked`).
 */
export function capProblemsPerFile(
  problems: readonly PackProblem[],
  counted: {
    readonly unlisted?: ReadonlyMap<string, number>;
    readonly unchecked?: ReadonlyMap<string, number>;
  } = {},
): PackProblem[] {
  const kept: PackProblem[] = [];
  const perFile = new Map<string, number>();
  const rest = new Map(counted.unlisted);
  const firstCut = new Map<string, PackProblem>();
  for (const problem of sortProblems(problems)) {
    const listed = perFile.get(problem.file) ?? 0;
    if (listed < maxProblemsPerFile) {
      kept.push(problem);
      perFile.set(problem.file, listed + 1);
    } else {
      rest.set(problem.file, (rest.get(problem.file) ?? 0) + 1);
      if (!firstCut.has(problem.file)) firstCut.set(problem.file, problem);
    }
  }
  for (const file of new Set([...rest.keys(), ...(counted.unchecked?.keys() ?? [])])) {
    const count = rest.get(file) ?? 0;
    const unchecked = counted.unchecked?.get(file) ?? 0;
    if (count === 0 && unchecked === 0) continue;
    const at = firstCut.get(file) ?? { line: 1, column: 1 };
    const more = `…and ${unchecked > 0 ? 'at least ' : ''}${count} more ${count === 1 ? 'problem' : 'problems'} in this file`;
    const skipped = unchecked > 0 ? ` (its last ${unchecked} elements were not checked)` : '';
    kept.push({
      file,
      line: at.line,
      column: at.column,
      rule: 'more-problems',
      unlisted: count,
      message: `${more}${skipped}, not listed; fix the ones above first`,
    });
  }
  return sortProblems(kept);
}

/** How many problems `problems` stand for, counting those a `more-problems` entry summarises. */
export function problemCount(problems: readonly PackProblem[]): number {
  let count = 0;
  for (const problem of problems) count += problem.unlisted ?? 1;
  return count;
}
