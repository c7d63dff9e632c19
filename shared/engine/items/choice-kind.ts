import type { Grade, OptionItem, QuizResponse } from '../types.ts';
import { ResponseShapeError, wrongShape } from './grading.ts';

/** One option chosen: right or wrong, with the chosen wrong option's rationale. */
export function gradeChoice(item: OptionItem, response: QuizResponse): Grade {
  if (response.kind !== 'choice') return wrongShape(item, 'choice', response.kind);
  const chosen = item.options.find((o) => o.id === response.optionId);
  if (!chosen) {
    throw new ResponseShapeError(`item ${item.id} has no option "${response.optionId}"`);
  }
  const expected = keyText(item);
  return chosen.correct
    ? { correct: true, score: 1, expected, feedback: `Correct. ${item.explanation}` }
    : {
        correct: false,
        score: 0,
        expected,
        feedback: `${chosen.rationale ?? 'Not this one.'} ${item.explanation}`,
      };
}

/** The text of the correct option: the expected answer of every option kind. */
function keyText(item: OptionItem): string {
  return item.options.find((o) => o.correct)?.text ?? '';
}

/** The parts every option kind shares: answered by choosing one option, which is the key. */
export const choiceParts = {
  response: 'choice',
  claimable: false,
  answerTexts: (item: OptionItem): string[] => item.options.map((o) => o.text),
  grade: gradeChoice,
  neutralResponse: (item: OptionItem): QuizResponse => ({
    kind: 'choice',
    optionId: item.options[0]?.id ?? '',
  }),
  dumpAnswer: keyText,
  publicParts: (item: OptionItem) => ({
    options: item.options.map(({ id, text }) => ({ id, text })),
  }),
  solution: () => ({}),
} as const;
