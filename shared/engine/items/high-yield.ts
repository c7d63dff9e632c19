import type { PackIndex } from '../pack-index.ts';
import { tieBreaker } from '../rng.ts';
import { SELECTION_SEED } from './common.ts';

/** The most of a bank's items the high-yield mark may go to. */
export const MAX_HIGH_YIELD_SHARE = 1 / 3;

/**
 * High-yield marks on at most a third of the items: a mark on everything is no mark. Where more
 * items rest only on high-yield facts, the mark stays on those that rest only on the review's own
 * words (its abstract and figures), then on a seeded few of the rest; the items themselves stay.
 */
export function capHighYield<
  T extends {
    readonly id: string;
    readonly highYield: boolean;
    readonly factIds: readonly string[];
  },
>(index: PackIndex, items: readonly T[]): T[] {
  const limit = Math.floor(items.length * MAX_HIGH_YIELD_SHARE);
  const marked = items.filter((item) => item.highYield);
  if (marked.length <= limit) return [...items];
  const fromReview = (item: T): boolean =>
    item.factIds.every((id) => index.evidence.factById.get(id)?.tier === 'review');
  const kept = new Set(
    marked
      .map((item) => ({
        item,
        review: fromReview(item) ? 0 : 1,
        tie: tieBreaker(SELECTION_SEED, item.id),
      }))
      .sort((a, b) => a.review - b.review || a.tie - b.tie)
      .slice(0, limit)
      .map((entry) => entry.item),
  );
  return items.map((item) =>
    item.highYield && !kept.has(item) ? { ...item, highYield: false } : item,
  );
}
