import type { Entity } from '../pack/schema.ts';

const lowerInSentence: ReadonlySet<Entity['type']> = new Set([
  'cell',
  'process',
  'measure',
  'disease',
  'compartment',
  'category',
  'animal-model',
  'drug',
  'species',
  'microbial-product',
]);

/**
 * An entity's name as it reads mid-sentence: common nouns lose their capital ("osteoblast
 * differentiation", "rheumatoid arthritis"), names keep theirs ("IL-32γ", "Wnt", "Crohn's disease").
 */
export function midSentenceName(entity: Pick<Entity, 'name' | 'type'>): string {
  const name = entity.name;
  if (lowerInSentence.has(entity.type) && /^[A-Z][a-z]+(?![a-z'’])/.test(name)) {
    return name.charAt(0).toLowerCase() + name.slice(1);
  }
  return name;
}

/** Upper-cases a leading common word; leaves names that start in lower case ("miR-29a", "p38"). */
export function capitalise(text: string): string {
  return /^[a-z]/.test(text) && !/^(?:mi[Rr]|p\d)/.test(text)
    ? text.charAt(0).toUpperCase() + text.slice(1)
    : text;
}

/** "T cell" → "T cells"; leaves plurals and mass nouns ending in s alone. */
export function plural(name: string): string {
  return /s$/.test(name) ? name : `${name}s`;
}

/** Verb agreement for a plural subject: "is" → "are", "promotes" → "promote". */
export function pluralVerb(verb: string): string {
  const [first = '', ...rest] = verb.split(' ');
  const swapped: Record<string, string> = { is: 'are', has: 'have', was: 'were', does: 'do' };
  const head =
    swapped[first] ??
    (/(?:ss|sh|ch|x|z)es$/.test(first)
      ? first.slice(0, -2)
      : /[^s]s$/.test(first)
        ? first.slice(0, -1)
        : first);
  return [head, ...rest].join(' ');
}
