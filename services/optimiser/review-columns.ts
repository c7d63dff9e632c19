import type { ReviewColumns } from './protocol.ts';
import { reviewsPage } from './parameter-rows.ts';
import type { Storage } from '../storage/storage.ts';

const pageSize = 5_000;

/**
 * Reads every review into columns, a page at a time, giving way to other calls between pages:
 * 100,000 reviews never hold up the thread that answers the learner for more than one page.
 */
export async function readReviewColumns(storage: Storage): Promise<ReviewColumns> {
  const cardNumbers = new Map<string, number>();
  const card: number[] = [];
  const rating: number[] = [];
  const day: number[] = [];
  const occurredAt: number[] = [];
  let after = 0;
  for (;;) {
    const page = reviewsPage(storage, after, pageSize);
    for (const review of page) {
      let number = cardNumbers.get(review.cardId);
      if (number === undefined) {
        number = cardNumbers.size;
        cardNumbers.set(review.cardId, number);
      }
      card.push(number);
      rating.push(review.rating);
      day.push(review.day);
      occurredAt.push(review.occurredAt);
    }
    const last = page.at(-1);
    if (!last || page.length < pageSize) break;
    after = last.row;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return {
    card: Int32Array.from(card),
    rating: Uint8Array.from(rating),
    day: Int32Array.from(day),
    occurredAt: Float64Array.from(occurredAt),
  };
}
