import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

export type Seed = string | number;

/** 32-bit FNV-1a: turns a seed and a key into a generator seed. Not the generator itself. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/**
 * A generator for one decision, keyed by what is being decided (an item id), so that adding or
 * removing one item never reshuffles any other: a pack update changes only what it touches.
 */
export function rngFor(seed: Seed, key: string): RandomGenerator {
  return xoroshiro128plus(hash32(`${String(seed)}\u0000${key}`));
}

/** Fisher–Yates on a copy. */
export function shuffled<T>(items: readonly T[], rng: RandomGenerator): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = uniformInt(rng, 0, i);
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

/** A stable random order key per element, for sorting candidates whose rank ties. */
export function tieBreaker(seed: Seed, key: string): number {
  return hash32(`${String(seed)}\u0001${key}`) >>> 0;
}
