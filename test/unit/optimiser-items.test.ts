import { describe, expect, it } from 'vitest';
import {
  buildTrainingSet,
  itemsOfCard,
  type LoggedReview,
} from '../../shared/engine/optimiser-items.ts';

const hour = 3_600_000;
const review = (
  card: number,
  day: number,
  rating: LoggedReview['rating'] = 3,
  hourOfDay = 9,
): LoggedReview => ({ card, rating, day, occurredAt: (day * 24 + hourOfDay) * hour });

describe('optimiser training items', () => {
  it('makes one item per review at a positive interval, with the history before it', () => {
    const items = itemsOfCard([
      review(1, 100),
      review(1, 100, 1, 10),
      review(1, 101),
      review(1, 104, 4),
    ]);
    expect(items.map((item) => item.reviews)).toEqual([
      [
        { rating: 3, deltaT: 0 },
        { rating: 1, deltaT: 0 },
        { rating: 3, deltaT: 1 },
      ],
      [
        { rating: 3, deltaT: 0 },
        { rating: 1, deltaT: 0 },
        { rating: 3, deltaT: 1 },
        { rating: 4, deltaT: 3 },
      ],
    ]);
  });

  it('drops a card whose reviews all fell on one day, and counts it', () => {
    const set = buildTrainingSet([
      review(1, 100),
      review(1, 100, 2, 11),
      review(2, 100),
      review(2, 102, 1),
      review(3, 50),
    ]);
    expect(set).toMatchObject({ reviewsUsed: 1, cardsUsed: 1, cardsDropped: 2 });
    // Every item keeps a review at a positive interval: what fsrs-rs needs not to abort.
    for (const item of set.items) expect(item.reviews.some((r) => r.deltaT > 0)).toBe(true);
    for (const item of set.items) expect(item.reviews[0]?.deltaT).toBe(0);
  });

  it('orders items by the time of their last review, whatever order the log came in', () => {
    const set = buildTrainingSet([review(2, 20), review(1, 12), review(2, 10), review(1, 10)]);
    expect(set.items.map((item) => item.at)).toEqual(
      [...set.items.map((item) => item.at)].sort((a, b) => a - b),
    );
    expect(set.items).toHaveLength(2);
    expect(set.items[0]?.reviews.at(-1)?.deltaT).toBe(2);
    expect(set.items[1]?.reviews.at(-1)?.deltaT).toBe(10);
  });

  it('counts a review on an earlier study day than the one before (a clock set back) as the same day', () => {
    const items = itemsOfCard([
      { card: 1, rating: 3, day: 10, occurredAt: 1_000 },
      { card: 1, rating: 3, day: 9, occurredAt: 2_000 },
      { card: 1, rating: 3, day: 12, occurredAt: 3_000 },
    ]);
    expect(items.map((item) => item.reviews.map((r) => r.deltaT))).toEqual([[0, 0, 3]]);
  });
});
