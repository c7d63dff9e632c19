import { quizInformedRatings, type QuizOutcome } from '../../shared/engine/quiz-schedule.ts';
import type { Rating } from '../../shared/engine/scheduler.ts';
import { studyDayOf } from '../../shared/engine/study-day.ts';
import { getCardState } from '../storage/card-states.ts';
import { eventSql, fromDbReviewEvent } from '../storage/review-events.ts';
import type { Storage } from '../storage/storage.ts';
import type { Catalog } from './catalog.ts';
import type { RatingWriter } from './rating-writer.ts';

export interface QuizRatingResult {
  readonly cardId: string;
  readonly rating: Rating;
  readonly eventId: string;
}

export type RecordedQuizOutcome = QuizOutcome & {
  readonly answerId: string;
  /** Cards this answer already rated and then took back (an "I was right" claim). */
  readonly skipCardIds?: readonly string[];
};

/**
 * Applies the quiz → schedule rule (shared/engine/quiz-schedule.ts) for one recorded answer.
 * Call inside a transaction, so the answer and its rating events commit together.
 */
export function applyQuizOutcome(
  storage: Storage,
  catalog: Catalog,
  writer: RatingWriter,
  outcome: RecordedQuizOutcome,
): QuizRatingResult[] {
  const today = studyDayOf(outcome.answeredAt);
  const lapsed = new Set(
    storage
      .statement(eventSql.lapsedOnDay)
      .all(today)
      .map((row) => String(row.card_id)),
  );
  const skip = new Set(outcome.skipCardIds ?? []);
  const cards = catalog.cardsForFacts(outcome.factIds).filter((card) => !skip.has(card.id));
  const records = new Map(cards.map((card) => [card.id, getCardState(storage, card.id)]));
  const ratings = quizInformedRatings(
    outcome,
    cards.map((card) => ({
      cardId: card.id,
      factIds: card.factIds,
      state: records.get(card.id)?.state,
      lapsedToday: lapsed.has(card.id),
    })),
  );
  return ratings.map(({ cardId, rating }) => {
    const { event } = writer.rate(records.get(cardId), cardId, rating, {
      source: 'quiz',
      durationMs: 0,
      quizAnswerId: outcome.answerId,
    });
    return { cardId, rating, eventId: event.id };
  });
}

/**
 * Takes back the ratings one quiz answer added: each is undone by an undo event in the log, so
 * replaying reproduces it. Call inside a transaction, then apply the answer's new outcome.
 */
export function revokeQuizOutcome(
  storage: Storage,
  writer: RatingWriter,
  answerId: string,
): string[] {
  const events = storage
    .statement(eventSql.inEffectForQuizAnswer)
    .all(answerId)
    .map(fromDbReviewEvent);
  return events.map((event) => {
    const current = getCardState(storage, event.cardId);
    if (!current) throw new Error(`Card ${event.cardId} has a quiz rating but no state.`);
    writer.writeUndo(event, current, 'quiz');
    return event.cardId;
  });
}
