import type { MemoryState, Rating } from './scheduler.ts';

/**
 * How a quiz answer informs the flashcard schedule of the facts it tests.
 *
 * The rule, applied when the answer is recorded and stored as ordinary rating events (source
 * "quiz"), so replaying the log reproduces it:
 * 1. Only cards that test one of the item's facts AND were already introduced are touched. A quiz
 *    never introduces a new card: meeting a fact in a quiz is not learning its card.
 * 2. A wrong answer counts as a lapse ("again") on each such card, at most once per card per study
 *    day (a card already rated "again" today, by review or quiz, is left alone), and only when the
 *    item tests at most `maxFactsBlamedForWrongAnswer` facts: a wrong answer to a question spanning
 *    a whole cascade does not say which fact was missing.
 * 3. A right answer counts as "good" on each such card that is due: it is a successful retrieval
 *    at the moment the schedule asked for one. On a card not yet due it changes nothing, since an
 *    early success would stretch the interval on little evidence.
 */
export const maxFactsBlamedForWrongAnswer = 3;

export interface QuizOutcome {
  readonly factIds: readonly string[];
  readonly correct: boolean;
  readonly answeredAt: number;
}

export interface QuizCandidateCard {
  readonly cardId: string;
  readonly factIds: readonly string[];
  /** Undefined for a card never rated. */
  readonly state: MemoryState | undefined;
  /** Whether it has an effective "again" rating today already. */
  readonly lapsedToday: boolean;
}

export interface QuizInformedRating {
  readonly cardId: string;
  readonly rating: Rating;
}

export function quizInformedRatings(
  outcome: QuizOutcome,
  candidates: readonly QuizCandidateCard[],
): QuizInformedRating[] {
  const tested = new Set(outcome.factIds);
  if (tested.size === 0) return [];
  const result: QuizInformedRating[] = [];
  for (const card of candidates) {
    const { state } = card;
    if (!state || state.phase === 'new') continue;
    if (!card.factIds.some((factId) => tested.has(factId))) continue;
    if (!outcome.correct) {
      if (tested.size <= maxFactsBlamedForWrongAnswer && !card.lapsedToday) {
        result.push({ cardId: card.cardId, rating: 'again' });
      }
    } else if (state.due <= outcome.answeredAt) {
      result.push({ cardId: card.cardId, rating: 'good' });
    }
  }
  return result;
}
