/**
 * Training items for the FSRS optimiser, built from a learner's reviews. Pure: the service reads
 * the reviews (every rating no undo took back, `isReview`), this turns them into what the
 * optimiser trains on and drops what would make its native code abort.
 */

/** One review as the optimiser reads the log. */
export interface LoggedReview {
  /** The card, as a number the reader gave it. */
  readonly card: number;
  /** 1 Again, 2 Hard, 3 Good, 4 Easy. */
  readonly rating: 1 | 2 | 3 | 4;
  /** The study day, counted in days since 1970-01-01. */
  readonly day: number;
  readonly occurredAt: number;
}

/** A review as FSRS trains on it: 1 Again … 4 Easy, and whole days since the card's last one. */
export interface TrainingReview {
  readonly rating: 1 | 2 | 3 | 4;
  readonly deltaT: number;
}

/**
 * One training item: a card's reviews up to one made at a positive interval (days after the one
 * before), which FSRS predicts from those before it.
 */
export interface TrainingItem {
  readonly reviews: readonly TrainingReview[];
  /** When the item's last review was made: items go to the optimiser oldest first. */
  readonly at: number;
}

export interface TrainingSet {
  readonly items: readonly TrainingItem[];
  /** Reviews the optimiser predicts: one per item, each at a positive interval. */
  readonly reviewsUsed: number;
  readonly cardsUsed: number;
  /** Cards left out: none of their reviews came a day or more after the one before. */
  readonly cardsDropped: number;
}

/** Fewer reviews at a positive interval than this and no fit is tried: it would fit noise. */
export const minimumReviewsToOptimise = 400;

/** Groups reviews (in any order) by card and builds every card's items; see TrainingItem. */
export function buildTrainingSet(reviews: Iterable<LoggedReview>): TrainingSet {
  const byCard = new Map<number, LoggedReview[]>();
  for (const review of reviews) {
    const list = byCard.get(review.card);
    if (list) list.push(review);
    else byCard.set(review.card, [review]);
  }
  const items: TrainingItem[] = [];
  let cardsUsed = 0;
  let cardsDropped = 0;
  for (const history of byCard.values()) {
    const cardItems = itemsOfCard(history);
    if (cardItems.length === 0) cardsDropped += 1;
    else cardsUsed += 1;
    for (const item of cardItems) items.push(item);
  }
  items.sort((a, b) => a.at - b.at);
  return { items, reviewsUsed: items.length, cardsUsed, cardsDropped };
}

/**
 * A card's items. Days count study days, so a review late in the evening and one next morning are
 * a day apart, as the learner's own days are. A clock set back can put a review on an earlier
 * day than the one before: it counts as the same day, never as a negative interval.
 */
export function itemsOfCard(history: readonly LoggedReview[]): TrainingItem[] {
  const sorted = [...history].sort((a, b) => a.occurredAt - b.occurredAt);
  const reviews: TrainingReview[] = [];
  const items: TrainingItem[] = [];
  let previousDay: number | undefined;
  for (const review of sorted) {
    const deltaT = previousDay === undefined ? 0 : Math.max(0, review.day - previousDay);
    reviews.push({ rating: review.rating, deltaT });
    previousDay = review.day;
    if (deltaT > 0) items.push({ reviews: [...reviews], at: review.occurredAt });
  }
  return items;
}
