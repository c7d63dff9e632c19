import { expect } from 'vitest';
import { formatProblem, type PackProblem, type ProblemRule } from '../../shared/pack/problems.ts';
import { validatePack } from '../../shared/pack/validate.ts';
import { positionOf, type PackTexts } from './packs.ts';

/**
 * What validatePack says about a broken pack, and where: the checks the pack-validate-*.test.ts
 * files share.
 */
export function problemsOf(files: PackTexts): PackProblem[] {
  const result = validatePack(files);
  if (result.ok) throw new Error('expected the pack to be invalid');
  return result.problems;
}

export interface Expected {
  readonly file: string;
  readonly rule: ProblemRule;
  readonly path?: string;
  /** The text whose first character the problem must point at (after the edit). */
  readonly at: string;
  readonly occurrence?: number;
  /** Characters between the start of `at` and the expected position. */
  readonly shift?: number;
  readonly message?: RegExp;
}

/** The broken pack yields exactly this one problem, at exactly this place. */
export function expectSingleProblem(files: PackTexts, expected: Expected): PackProblem {
  const problems = problemsOf(files);
  expect(problems.map((p) => formatProblem(p))).toHaveLength(1);
  return expectProblemIn(problems, files, expected);
}

export function expectProblemIn(
  problems: readonly PackProblem[],
  files: PackTexts,
  expected: Expected,
): PackProblem {
  const position = positionOf(files[expected.file], expected.at, {
    occurrence: expected.occurrence ?? 1,
    shift: expected.shift ?? 0,
  });
  const match = problems.find(
    (p) =>
      p.file === expected.file &&
      p.rule === expected.rule &&
      (expected.path === undefined || p.path === expected.path),
  );
  expect(
    match,
    `${expected.rule} in ${problems.map((p) => formatProblem(p)).join('\n')}`,
  ).toBeDefined();
  expect({ line: match?.line, column: match?.column }).toEqual(position);
  if (expected.message) expect(match?.message).toMatch(expected.message);
  return match as PackProblem;
}
