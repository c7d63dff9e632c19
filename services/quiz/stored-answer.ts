import { z } from 'zod';
import type { Grade, QuizItem, QuizResponse } from '../../shared/engine/types.ts';

/**
 * The JSON saved with each quiz answer: the response as given, the score it got, and — if the
 * learner said "I was right" after it was marked wrong — when they said so. The original verdict
 * stays readable: the stored score is the one main gave.
 */
const storedResponseSchema = z.object({
  response: z.unknown(),
  score: z.number(),
  claimedRightAt: z.number().optional(),
});

export interface StoredAnswer {
  readonly response: QuizResponse;
  readonly score: number;
  readonly claimedRightAt?: number;
}

/** The response and score saved with an answer (JSON text), or undefined if unreadable. */
export function storedAnswer(json: string): StoredAnswer | undefined {
  try {
    const stored = storedResponseSchema.safeParse(JSON.parse(json));
    if (!stored.success) return undefined;
    const { response, score, claimedRightAt } = stored.data;
    return {
      response: response as QuizResponse,
      score,
      ...(claimedRightAt === undefined ? {} : { claimedRightAt }),
    };
  } catch {
    return undefined;
  }
}

/** The grade of an answer the learner claimed right: counted right, the claim said. */
export function claimedGrade(grade: Grade): Grade {
  return {
    ...grade,
    correct: true,
    score: 1,
    feedback: `Counted as right: you said your answer was right (expected ${grade.expected}).`,
  };
}

/** A grade for a question never answered: nothing scored, the expected answer still shown. */
export function unanswered(item: QuizItem, expected: string): Grade {
  return {
    correct: false,
    score: 0,
    expected,
    feedback: `Not answered. ${item.explanation}`,
  };
}
