import { checkMatching as verifyMatching } from '../../../verify/source-keys.ts';
import { roundScore, wrongShape } from '../../items/grading.ts';
import type { Grade, MatchingItem, QuizResponse } from '../../types.ts';
import type { KindDef } from '../kind-def.ts';
import { checkMatching } from './check.ts';
import { matchingItems } from './generate.ts';

/** Scores each pair; unpaired lefts score zero. */
function gradeMatching(item: MatchingItem, response: QuizResponse): Grade {
  if (response.kind !== 'matching') return wrongShape(item, 'matching', response.kind);
  const right = item.answer.filter((a) => response.pairs[a.leftId] === a.rightId).length;
  const score = item.answer.length === 0 ? 0 : right / item.answer.length;
  const textOf = (id: string): string => item.right.find((r) => r.id === id)?.text ?? id;
  const expected = item.answer
    .map(
      (a) => `${item.left.find((l) => l.id === a.leftId)?.text ?? a.leftId} — ${textOf(a.rightId)}`,
    )
    .join('; ');
  return {
    correct: score === 1,
    score: roundScore(score),
    expected,
    feedback: `${right} of ${item.answer.length} pairs right. ${item.explanation}`,
  };
}

/** Pair each left entry with one right entry (e.g. disease ↔ IL-32γ finding). */
export const matchingKind = {
  kind: 'matching',
  label: 'Matching',
  description: 'Pair each item on the left with one on the right.',
  response: 'matching',
  selectionStage: 0,
  framed: false,
  asksContested: false,
  claimable: false,
  switchedOff:
    'Blind audit C and a review of every item: a right-hand entry often fits a second left entry ' +
    '(a second disease with the same change in the same fluid, a second inducer of the same ' +
    'cytokine, a cell type that belongs to a broader one), and in an open world no fact proves ' +
    'the other pairings false.',
  generate: matchingItems,
  check: checkMatching,
  verifyKey: verifyMatching,
  answerTexts: (item) => [...item.left.map((l) => l.text), ...item.right.map((r) => r.text)],
  grade: gradeMatching,
  neutralResponse: () => ({ kind: 'matching', pairs: {} }),
  dumpAnswer: (item) =>
    item.answer.map((a) => ({
      left: item.left.find((l) => l.id === a.leftId)?.text ?? a.leftId,
      right: item.right.find((r) => r.id === a.rightId)?.text ?? a.rightId,
    })),
  publicParts: (item) => ({
    matching: {
      left: item.left.map(({ id, text }) => ({ id, text })),
      right: item.right.map(({ id, text }) => ({ id, text })),
    },
  }),
  solution: (item) => ({
    correctPairs: Object.fromEntries(item.answer.map((pair) => [pair.leftId, pair.rightId])),
  }),
} satisfies KindDef<'matching'>;
