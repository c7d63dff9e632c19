import type { QuizScheduleEffect } from '../../shared/contract/quiz.ts';
import type { Rating } from '../../shared/engine/scheduler.ts';

/**
 * What a quiz answer's ratings did to the flashcard schedule, for the feedback to say so: an
 * Again sends a card back to (re)learning, a Good on a due card counts as its review.
 */
export function scheduleEffectOf(
  ratings: readonly { readonly rating: Rating }[],
  restored = 0,
): QuizScheduleEffect {
  return {
    relearning: ratings.filter((r) => r.rating === 'again').length,
    reviewed: ratings.filter((r) => r.rating === 'good').length,
    restored,
  };
}
