import type { Entity } from '../pack/schema.ts';
import { foldText, matchKey, matchKeys } from './normalize.ts';

/**
 * The one text-matching rule of the searches (Source and Browse): a query names entities by their
 * names and aliases, alias-aware and spelling-tolerant (shared/engine/normalize.ts), and matches
 * free text once both are folded; a short query ("AS") matches whole words only.
 */

export interface EntityKeys {
  readonly id: string;
  readonly keys: readonly string[];
}

export function entityKeys(entities: readonly Entity[]): EntityKeys[] {
  return entities.map((entity) => ({
    id: entity.id,
    keys: [...new Set([entity.name, ...entity.aliases, entity.id].flatMap(matchKeys))],
  }));
}

const minPrefix = 3;

/**
 * Entities the query names: exactly, or else as the start of a name or alias once it has three or
 * more characters ("Dickkopf" starts "Dickkopf-1").
 */
export function matchEntities(
  query: string,
  index: readonly EntityKeys[],
): { readonly ids: string[]; readonly exact: boolean } {
  const key = matchKey(query);
  if (key.length === 0) return { ids: [], exact: false };
  const exact = index.filter((entity) => entity.keys.includes(key)).map((entity) => entity.id);
  if (exact.length > 0 || key.length < minPrefix) return { ids: exact, exact: exact.length > 0 };
  const ids = index
    .filter((entity) => entity.keys.some((k) => k.startsWith(key)))
    .map((entity) => entity.id);
  return { ids, exact: false };
}

/** Queries this short (folded) match whole words only: "as" must not find "bASed" or "hAS". */
export const wholeWordsUpTo = 3;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A test of folded text (`foldText`) against a query: the folded query as a substring, or for a
 * short query as a run of whole words.
 */
export function textMatcher(query: string): (foldedText: string) => boolean {
  const folded = foldText(query);
  if (folded.length === 0) return () => true;
  if (folded.length > wholeWordsUpTo) return (text) => text.includes(folded);
  const words = folded
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(escape);
  if (words.length === 0) return (text) => text.includes(folded);
  const edge = '[^\\p{L}\\p{N}]';
  const pattern = new RegExp(`(?:^|${edge})${words.join(`${edge}+`)}(?:$|${edge})`, 'u');
  return (text) => text.includes(words[0] ?? '') && pattern.test(text);
}
