import { checkOrdering as verifyOrdering } from '../../../verify/pathway-keys.ts';
import { ResponseShapeError, roundScore, wrongShape } from '../../items/grading.ts';
import type { Grade, OrderingItem, QuizResponse } from '../../types.ts';
import type { KindDef } from '../kind-def.ts';
import { checkOrdering } from './check.ts';
import { orderingItems } from './generate.ts';

/** Scores the share of step pairs in the right relative order (1 = fully right). */
function gradeOrdering(item: OrderingItem, response: QuizResponse): Grade {
  if (response.kind !== 'ordering') return wrongShape(item, 'ordering', response.kind);
  const ids = new Set(item.answer);
  if (
    response.order.length !== item.answer.length ||
    new Set(response.order).size !== response.order.length ||
    !response.order.every((id) => ids.has(id))
  ) {
    throw new ResponseShapeError(`item ${item.id} needs every step id exactly once`);
  }
  const position = new Map(response.order.map((id, i) => [id, i]));
  let pairs = 0;
  let inOrder = 0;
  for (let i = 0; i < item.answer.length; i++) {
    for (let j = i + 1; j < item.answer.length; j++) {
      pairs++;
      if ((position.get(item.answer[i] ?? '') ?? 0) < (position.get(item.answer[j] ?? '') ?? 0)) {
        inOrder++;
      }
    }
  }
  const score = pairs === 0 ? 1 : inOrder / pairs;
  const textOf = (id: string): string => item.steps.find((s) => s.id === id)?.text ?? id;
  return {
    correct: score === 1,
    score: roundScore(score),
    expected: item.answer.map(textOf).join(' → '),
    feedback: `${inOrder} of ${pairs} step pairs in the right order. ${item.explanation}`,
  };
}

/** Put the steps of a pathway cascade in order, upstream first. */
export const orderingKind = {
  kind: 'ordering',
  label: 'Put in order',
  description: 'Order the steps of a cascade, upstream first.',
  response: 'ordering',
  selectionStage: 0,
  framed: true,
  asksContested: false,
  claimable: false,
  switchedOff:
    "Blind audit H (seed 20261207): all 5 items guessable without the content (the review's " +
    'cytokine always comes first and an outcome last, and the middle step is textbook), and a ' +
    'chain drawn without its signs drops the inhibitions that are the point.',
  generate: orderingItems,
  check: checkOrdering,
  verifyKey: verifyOrdering,
  answerTexts: (item) => item.steps.map((step) => step.text),
  grade: gradeOrdering,
  neutralResponse: (item) => ({ kind: 'ordering', order: item.steps.map((step) => step.id) }),
  dumpAnswer: (item) => item.answer.map((id) => item.steps.find((s) => s.id === id)?.text ?? id),
  publicParts: (item) => ({ steps: item.steps.map(({ id, text }) => ({ id, text })) }),
  solution: (item) => ({ correctOrder: [...item.answer] }),
} satisfies KindDef<'ordering'>;
