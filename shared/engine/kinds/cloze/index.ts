import { checkCloze as verifyCloze } from '../../../verify/source-keys.ts';
import { wrongShape } from '../../items/grading.ts';
import { matchesAnswer } from '../../normalize.ts';
import type { KindDef } from '../kind-def.ts';
import { checkCloze } from './check.ts';
import { clozeItems } from './generate.ts';

/** A sentence with its object blanked; typed answer, alias-aware. */
export const clozeKind = {
  kind: 'cloze',
  label: 'Fill in the blank',
  description:
    'Type the missing term; synonyms and other spellings (a Greek letter spelled out) count.',
  response: 'text',
  selectionStage: 0,
  framed: true,
  asksContested: false,
  claimable: true,
  generate: clozeItems,
  check: checkCloze,
  verifyKey: (_base, item, cited) => verifyCloze(item, cited),
  answerTexts: () => [],
  grade: (item, response) => {
    if (response.kind !== 'text') return wrongShape(item, 'text', response.kind);
    const correct = matchesAnswer(response.text, item.answer.accepted);
    return {
      correct,
      score: correct ? 1 : 0,
      expected: item.answer.text,
      feedback: correct
        ? `Correct. ${item.explanation}`
        : `Expected ${item.answer.text}. ${item.explanation}`,
    };
  },
  neutralResponse: () => ({ kind: 'text', text: '' }),
  dumpAnswer: (item) => ({ text: item.answer.text, accepted: item.answer.accepted }),
  publicParts: () => ({}),
  solution: () => ({}),
} satisfies KindDef<'cloze'>;
