import { kinds } from './kinds/index.ts';
import type { Grade, QuizItem, QuizResponse } from './types.ts';

export { ResponseShapeError } from './items/grading.ts';

/**
 * Marks a response, as the item's kind grades it (kinds/<kind>/index.ts): matching scores each
 * pair; ordering scores the share of step pairs in the right relative order (1 = fully right).
 * Throws ResponseShapeError when the response does not fit the item (a programming error in the
 * caller, not a wrong answer).
 */
export function gradeAnswer(item: QuizItem, response: QuizResponse): Grade {
  return kinds[item.kind].grade(item, response);
}
