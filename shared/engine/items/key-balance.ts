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
  coverOf?: (item: T) => readonly string[],
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
  if (majority === undefined || most <= MAX_KEY_SHARE * total) return [...items];
  // Keep k of the majority with k ≤ MAX_KEY_SHARE · (total − most + k).
  const others = total - most;
  const keep = Math.max(0, Math.floor((MAX_KEY_SHARE * others) / (1 - MAX_KEY_SHARE) + 1e-9));
  const ranked = items
    .filter((item) => keyOf(item) === majority)
    .map((item) => ({ item, worth: worth(item), tie: tieBreaker(SELECTION_SEED, item.id) }))
    .sort((a, b) => b.worth - a.worth || a.tie - b.tie)
    .map((r) => r.item);
  const kept = new Set(keptCovering(ranked, keep, items, keyOf, majority, coverOf));
  return items.filter((item) => keyOf(item) !== majority || kept.has(item));
}

/**
 * The `keep` best of the majority; with `coverOf`, first those that cover something (a pathway
 * link) that neither the other keys' items nor those already kept cover, so a cap never leaves a
 * link unasked that the whole set asked.
 */
function keptCovering<T>(
  ranked: readonly T[],
  keep: number,
  items: readonly T[],
  keyOf: (item: T) => string,
  majority: string,
  coverOf: ((item: T) => readonly string[]) | undefined,
): T[] {
  if (!coverOf) return ranked.slice(0, keep);
  const covered = new Set(items.filter((i) => keyOf(i) !== majority).flatMap(coverOf));
  const chosen = mostCovering(ranked, keep, covered, coverOf);
  const picked = new Set(chosen);
  for (const item of ranked) {
    if (chosen.length >= keep) break;
    if (!picked.has(item)) chosen.push(item);
  }
  return chosen;
}

/**
 * Greedy cover: the item that adds the most uncovered links first (ties in rank order), so the
 * few items a cap allows ask as many links as they can. Lazy: an item's gain only falls as links
 * are covered, so it is re-bucketed when found stale, never rescanned in full.
 */
function mostCovering<T>(
  ranked: readonly T[],
  keep: number,
  covered: Set<string>,
  coverOf: (item: T) => readonly string[],
): T[] {
  const rank = new Map(ranked.map((item, i) => [item, i] as const));
  const gainOf = (item: T): number => new Set(coverOf(item).filter((c) => !covered.has(c))).size;
  const buckets: T[][] = [];
  for (const item of ranked) {
    const gain = gainOf(item);
    if (gain > 0) (buckets[gain] ??= []).push(item);
  }
  const chosen: T[] = [];
  for (let gain = buckets.length - 1; gain >= 1 && chosen.length < keep; gain--) {
    const bucket = (buckets[gain] ?? []).sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
    for (let i = 0; i < bucket.length && chosen.length < keep; i++) {
      const item = bucket[i] as T;
      const now = gainOf(item);
      if (now === gain) {
        chosen.push(item);
        for (const c of coverOf(item)) covered.add(c);
      } else if (now > 0) {
        (buckets[now] ??= []).push(item);
      }
    }
  }
  return chosen;
}

/**
 * Drops every option value that no item of the kind keys ("It does not change" where no study
 * found no difference, "No difference" where the kind never asks such a link): a value that is
 * never right is struck out by a test-wise student on every item, which turns three options into
 * two. Items keep at least two options.
 */
export function withoutUnkeyedValues<T extends { readonly options: readonly ChoiceOption[] }>(
  items: readonly T[],
): T[] {
  const keyed = new Set(
    items.flatMap((item) => item.options.filter((o) => o.correct).map((o) => o.id)),
  );
  return items.map((item) => {
    const options = item.options.filter((o) => o.correct || keyed.has(o.id));
    return options.length >= 2 && options.length < item.options.length
      ? { ...item, options }
      : item;
  });
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
