import { tieBreaker } from '../rng.ts';
import type { ChoiceOption } from '../types.ts';
import { SELECTION_SEED, type GenContext } from './common.ts';

/** No option value may be the key of more than this share of a kind's items. */
export const MAX_KEY_SHARE = 0.6;

/**
 * Drops the least instructive items of the most frequent key value until it keys at most
 * `maxShare` of the items: a test-wise "always +" or "always rises" must not pay. Selection, never
 * padding; which items go is fixed by the pack (worth, then a seeded tie-break), not by the seed.
 */
export function capKeyShare<T extends { readonly id: string }>(
  items: readonly T[],
  keyOf: (item: T) => string,
  worth: (item: T) => number,
  maxShare = MAX_KEY_SHARE,
): T[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  let majority: string | undefined;
  let most = 0;
  for (const [key, count] of counts) {
    if (count > most || (count === most && majority !== undefined && key < majority)) {
      majority = key;
      most = count;
    }
  }
  const total = items.length;
  if (majority === undefined || most <= maxShare * total) return [...items];
  // Keep k of the majority with k ≤ maxShare · (total − most + k).
  const others = total - most;
  const keep = Math.max(0, Math.floor((maxShare * others) / (1 - maxShare) + 1e-9));
  const ranked = items
    .filter((item) => keyOf(item) === majority)
    .map((item) => ({ item, worth: worth(item), tie: tieBreaker(SELECTION_SEED, item.id) }))
    .sort((a, b) => b.worth - a.worth || a.tie - b.tie);
  const kept = new Set(ranked.slice(0, keep).map((r) => r.item));
  return items.filter((item) => keyOf(item) !== majority || kept.has(item));
}

/**
 * Puts each item's key at an evenly rotated position (distractors keep their seeded order), so
 * across a kind the key sits equally often in every place: position is no cue. The rotation
 * follows a seeded order of the items.
 */
export function spreadKeyPositions<
  T extends { readonly id: string; readonly options: readonly ChoiceOption[] },
>(ctx: GenContext, items: readonly T[]): T[] {
  const order = items
    .map((item, i) => ({ i, tie: tieBreaker(ctx.seed, `key-position:${item.id}`) }))
    .sort((a, b) => a.tie - b.tie);
  const slot = new Map<number, number>();
  const seenBySize = new Map<number, number>();
  for (const { i } of order) {
    const size = items[i]?.options.length ?? 0;
    const n = seenBySize.get(size) ?? 0;
    seenBySize.set(size, n + 1);
    slot.set(i, size === 0 ? 0 : n % size);
  }
  return items.map((item, i) => {
    const key = item.options.find((o) => o.correct);
    if (!key) return item;
    const rest = item.options.filter((o) => o !== key);
    const at = slot.get(i) ?? 0;
    return { ...item, options: [...rest.slice(0, at), key, ...rest.slice(at)] };
  });
}
