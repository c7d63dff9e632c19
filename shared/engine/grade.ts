import { matchesAnswer } from './normalize.ts';
import type { Grade, QuizItem, QuizResponse } from './types.ts';

export class ResponseShapeError extends Error {
  override readonly name = 'ResponseShapeError';
}

function wrongShape(
  item: QuizItem,
  expected: QuizResponse['kind'],
  got: QuizResponse['kind'],
): never {
  throw new ResponseShapeError(
    `item ${item.id} (${item.kind}) takes a "${expected}" response, not "${got}"`,
  );
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/**
 * Marks a response. Matching scores each pair; ordering scores the share of step pairs in the
 * right relative order (1 = fully right). Throws ResponseShapeError when the response does not
 * fit the item (a programming error in the caller, not a wrong answer).
 */
export function gradeAnswer(item: QuizItem, response: QuizResponse): Grade {
  switch (item.kind) {
    case 'mcq':
    case 'perturbation':
    case 'context':
    case 'diagram-node':
    case 'diagram-edge':
    case 'which-study': {
      if (response.kind !== 'choice') return wrongShape(item, 'choice', response.kind);
      const chosen = item.options.find((o) => o.id === response.optionId);
      if (!chosen) {
        throw new ResponseShapeError(`item ${item.id} has no option "${response.optionId}"`);
      }
      const expected = item.options.find((o) => o.correct)?.text ?? '';
      return chosen.correct
        ? { correct: true, score: 1, expected, feedback: `Correct. ${item.explanation}` }
        : {
            correct: false,
            score: 0,
            expected,
            feedback: `${chosen.rationale ?? 'Not this one.'} ${item.explanation}`,
          };
    }
    case 'true-false': {
      if (response.kind !== 'true-false') return wrongShape(item, 'true-false', response.kind);
      const correct = response.value === item.answer;
      return {
        correct,
        score: correct ? 1 : 0,
        expected: item.answer ? 'True' : 'False',
        feedback: correct ? `Correct. ${item.explanation}` : item.explanation,
      };
    }
    case 'cloze': {
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
    }
    case 'matching': {
      if (response.kind !== 'matching') return wrongShape(item, 'matching', response.kind);
      const right = item.answer.filter((a) => response.pairs[a.leftId] === a.rightId).length;
      const score = item.answer.length === 0 ? 0 : right / item.answer.length;
      const textOf = (id: string): string => item.right.find((r) => r.id === id)?.text ?? id;
      const expected = item.answer
        .map(
          (a) =>
            `${item.left.find((l) => l.id === a.leftId)?.text ?? a.leftId} — ${textOf(a.rightId)}`,
        )
        .join('; ');
      return {
        correct: score === 1,
        score: round(score),
        expected,
        feedback: `${right} of ${item.answer.length} pairs right. ${item.explanation}`,
      };
    }
    case 'ordering': {
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
          if (
            (position.get(item.answer[i] ?? '') ?? 0) < (position.get(item.answer[j] ?? '') ?? 0)
          ) {
            inOrder++;
          }
        }
      }
      const score = pairs === 0 ? 1 : inOrder / pairs;
      const textOf = (id: string): string => item.steps.find((s) => s.id === id)?.text ?? id;
      return {
        correct: score === 1,
        score: round(score),
        expected: item.answer.map(textOf).join(' → '),
        feedback: `${inOrder} of ${pairs} step pairs in the right order. ${item.explanation}`,
      };
    }
  }
}
