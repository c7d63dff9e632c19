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
