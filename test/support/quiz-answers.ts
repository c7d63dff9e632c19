import type { QuizItem, QuizResponse } from '../../shared/engine/types.ts';

/** The right response for an item, read from the full item main keeps (never from the screen). */
export function rightAnswer(item: QuizItem): QuizResponse {
  switch (item.kind) {
    case 'true-false':
      return { kind: 'true-false', value: item.answer };
    case 'cloze':
      return { kind: 'text', text: item.answer.text };
    case 'matching':
      return {
        kind: 'matching',
        pairs: Object.fromEntries(item.answer.map((a) => [a.leftId, a.rightId])),
      };
    case 'ordering':
      return { kind: 'ordering', order: [...item.answer] };
    default:
      return { kind: 'choice', optionId: item.options.find((o) => o.correct)?.id ?? '' };
  }
}

/** A response that is wrong for the item (ordering: reversed; matching: nothing paired). */
export function wrongAnswer(item: QuizItem): QuizResponse {
  switch (item.kind) {
    case 'true-false':
      return { kind: 'true-false', value: !item.answer };
    case 'cloze':
      return { kind: 'text', text: 'certainly not the answer' };
    case 'matching':
      return { kind: 'matching', pairs: {} };
    case 'ordering':
      return { kind: 'ordering', order: [...item.answer].reverse() };
    default:
      return { kind: 'choice', optionId: item.options.find((o) => !o.correct)?.id ?? '' };
  }
}
