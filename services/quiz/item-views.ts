import type { PublicQuizItem, QuizFeedback } from '../../shared/contract/quiz.ts';
import { gradeAnswer } from '../../shared/engine/grade.ts';
import { kinds } from '../../shared/engine/kinds/index.ts';
import type { Grade, QuizItem } from '../../shared/engine/types.ts';
import type { Pack } from '../../shared/pack/schema.ts';
import { publicItemId } from './public-id.ts';
import { publicQuizItem } from './public-view.ts';

/** The expected answer in words, as feedback states it. */
export function expectedAnswer(item: QuizItem): string {
  return gradeAnswer(item, kinds[item.kind].neutralResponse(item)).expected;
}

/** What the learner sees of an item after answering: verdict, key, explanation and sources. */
export function itemFeedback(
  item: QuizItem,
  grade: Grade,
  answered: boolean,
  claimed = false,
): QuizFeedback {
  const options =
    'options' in item
      ? item.options.map((option) => ({
          id: option.id,
          text: option.text,
          correct: option.correct,
          rationale: option.rationale ?? null,
        }))
      : null;
  return {
    itemId: publicItemId(item.id),
    correct: answered && grade.correct,
    score: answered ? grade.score : 0,
    expected: grade.expected,
    feedback: grade.feedback,
    claimedRight: claimed,
    claimable: answered && !grade.correct && kinds[item.kind].claimable,
    explanation: item.explanation,
    options,
    correctPairs: null,
    correctOrder: null,
    ...kinds[item.kind].solution(item),
    citations: [...item.citations],
    factIds: [...item.factIds],
    teachingPointIds: [...item.teachingPointIds],
  };
}

/** The renderer's view of the pack's items before an answer (see public-view.ts). */
export function publicItems(pack: Pack): (item: QuizItem) => PublicQuizItem {
  const pathways = new Map(pack.pathways.map((p) => [p.id, p]));
  const entityNames = new Map(pack.entities.map((e) => [e.id, e.name]));
  return (item) => publicQuizItem(item, publicItemId(item.id), pathways, entityNames);
}
