import type { QuizItem, QuizResponse } from '../types.ts';

/** A response that does not fit its item: a programming error in the caller, not a wrong answer. */
export class ResponseShapeError extends Error {
  override readonly name = 'ResponseShapeError';
}

export function wrongShape(
  item: QuizItem,
  expected: QuizResponse['kind'],
  got: QuizResponse['kind'],
): never {
  throw new ResponseShapeError(
    `item ${item.id} (${item.kind}) takes a "${expected}" response, not "${got}"`,
  );
}

export function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000;
}
