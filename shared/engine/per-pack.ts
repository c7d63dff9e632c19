import type { PackIndex } from './pack-index.ts';

/**
 * An index of a pack, built once per pack on first use: what a generator looks up many times
 * (facts by subject, links by entity) without scanning the pack each time.
 */
export function perPack<V>(build: (index: PackIndex) => V): (index: PackIndex) => V {
  const built = new WeakMap<PackIndex, V>();
  return (index) => {
    if (built.has(index)) return built.get(index) as V;
    const value = build(index);
    built.set(index, value);
    return value;
  };
}

/**
 * A function of a pack and a question about it, worked out once per pack: the generators and the
 * checker ask the same question about the same fact or statement many times while building one
 * bank. `keyOf` must name everything `compute` reads from its arguments: a string, or one of the
 * pack's own objects (a fact), which stands for itself.
 */
export function oncePerPack<A extends readonly unknown[], V>(
  keyOf: (...args: A) => unknown,
  compute: (index: PackIndex, ...args: A) => V,
): (index: PackIndex, ...args: A) => V {
  const answers = new WeakMap<PackIndex, Map<unknown, V>>();
  return (index, ...args) => {
    let known = answers.get(index);
    if (!known) {
      known = new Map();
      answers.set(index, known);
    }
    const key = keyOf(...args);
    const found = known.get(key);
    if (found !== undefined || known.has(key)) return found as V;
    const answer = compute(index, ...args);
    known.set(key, answer);
    return answer;
  };
}
