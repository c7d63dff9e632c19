import { checkTrueFalse as verifyTrueFalse } from '../../../verify/statement-keys.ts';
import type { Report } from '../../items/check-helpers.ts';
import { wrongShape } from '../../items/grading.ts';
import { selectTrueFalse } from '../../items/true-false-selection.ts';
import type { PackIndex } from '../../pack-index.ts';
import { exactSupport, refutationOf, supportOf } from '../../semantics.ts';
import type { TrueFalseItem } from '../../types.ts';
import type { KindDef } from '../kind-def.ts';
import { trueFalseItems } from './generate.ts';

/** A true statement needs an uncontested fact; a false one is supported by nothing and refuted. */
function checkTrueFalse(index: PackIndex, item: TrueFalseItem, report: Report): void {
  const statement = item.statement;
  if (item.answer) {
    if (exactSupport(index, statement).length === 0) {
      report('true-statement-unsupported', 'no uncontested fact states this');
    }
    return;
  }
  const support = supportOf(index, statement);
  if (support) {
    report('false-statement-is-fact', `the pack supports it (${support.factIds.join(', ')})`);
  } else if (!refutationOf(index, statement)) {
    report('false-statement-unproven', 'nothing in the pack shows it is false');
  }
}

/**
 * A statement from a fact, or a fact corrupted (polarity flipped or entity swapped) and proved
 * false. Selected last, balanced on truth, negation words and length (items/test-wise.ts),
 * keeping first the statements whose fact no other item teaches.
 */
export const trueFalseKind = {
  kind: 'true-false',
  label: 'True or false',
  description: 'A statement from the sources, or one corrupted so the pack proves it false.',
  response: 'true-false',
  selectionStage: 2,
  framed: true,
  asksContested: false,
  claimable: false,
  generate: (ctx, taught) => selectTrueFalse(trueFalseItems(ctx, taught), taught),
  check: checkTrueFalse,
  verifyKey: verifyTrueFalse,
  answerTexts: () => [],
  grade: (item, response) => {
    if (response.kind !== 'true-false') return wrongShape(item, 'true-false', response.kind);
    const correct = response.value === item.answer;
    return {
      correct,
      score: correct ? 1 : 0,
      expected: item.answer ? 'True' : 'False',
      feedback: correct ? `Correct. ${item.explanation}` : item.explanation,
    };
  },
  neutralResponse: () => ({ kind: 'true-false', value: false }),
  dumpAnswer: (item) => item.answer,
  publicParts: () => ({}),
  solution: () => ({}),
} satisfies KindDef<'true-false'>;
