import { ContractError } from '../../shared/contract/errors.ts';
import type { Rating } from '../../shared/engine/scheduler.ts';
import type { openTestServices } from './test-services.ts';

/** Steps the review-service-*.test.ts files share. */

type Services = ReturnType<typeof openTestServices>;

/** Answers the card review.next offers: what was offered, and the answer. */
export function answerNext(services: Services, rating: Rating = 'good') {
  const next = services.review.next();
  if (!next.item) throw new Error('nothing to study');
  const answer = services.review.answer({
    cardId: next.item.card.id,
    rating,
    durationMs: 2500,
    expectedVersion: next.item.stateVersion,
  });
  return { next, answer };
}

/** The code of the ContractError `fn` throws, or 'no error'. */
export function code(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ContractError) return error.code;
    throw error;
  }
  return 'no error';
}
