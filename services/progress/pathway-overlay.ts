import { computePathwayMastery, type PathwayMastery } from '../../shared/engine/pathway-mastery.ts';
import { retrievability } from '../../shared/engine/scheduler.ts';
import type { StudyCard } from '../../shared/engine/types.ts';
import type { Pathway } from '../../shared/pack/schema.ts';
import { namingKind, parseNamingItemId } from '../pathway-quiz/naming-rows.ts';
import type { CardStateRecord } from '../storage/card-states.ts';
import type { QuizAnswerRecord } from '../storage/quiz-rows.ts';

/**
 * The Pathways overlay's mastery of each node and link at `now`, from the cards' recall, the quiz
 * answers (`answers`: every folded answer; Quiz me namings are told apart by their kind) and the
 * Quiz me naming attempts.
 */
export function pathwayOverlay(
  pathways: readonly Pathway[],
  cards: readonly StudyCard[],
  states: ReadonlyMap<string, CardStateRecord>,
  answers: readonly QuizAnswerRecord[],
  now: number,
): PathwayMastery {
  const recall = cards.map((card) => {
    const state = states.get(card.id)?.state;
    return { factIds: card.factIds, recall: state ? retrievability(state, now) : 0 };
  });
  return computePathwayMastery(
    pathways,
    recall,
    answers.filter((answer) => answer.kind !== namingKind),
    answers.flatMap((answer) => {
      const named = answer.kind === namingKind ? parseNamingItemId(answer.itemId) : undefined;
      return named ? [{ ...named, correct: answer.correct, answeredAt: answer.answeredAt }] : [];
    }),
    now,
  );
}
