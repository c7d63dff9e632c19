import type { Entity } from '../pack/schema.ts';
import { classOf } from './pack-index.ts';

/**
 * How names read inside sentences. Entity names are stored as headings ("Rheumatic disease",
 * "Proteinase 3"); inside a sentence a common noun loses its capital while proper names, gene
 * symbols and acronyms keep theirs ("Wnt", "Akt", "Toll-like receptors", "Crohn's disease",
 * "IL-32γ", "NF-κB").
 */

/** Short capitalised molecule names are symbols (Akt, Wnt, Toll), not common words. */
const SYMBOL_MAX_LETTERS = 4;

/**
 * An entity's name as it reads mid-sentence: "osteoblast differentiation", "rheumatoid
 * arthritis", "proteinase 3", "cathepsin K"; but "IL-32γ", "Wnt signalling", "Crohn's disease".
 */
export function midSentenceName(entity: Pick<Entity, 'name' | 'type'>): string {
  const name = entity.name;
  const first = /^([A-Z][a-z]+)(?![a-z'’])/.exec(name)?.[1];
  if (first === undefined) return name;
  if (classOf(entity.type) === 'molecule' && first.length <= SYMBOL_MAX_LETTERS) return name;
  return first.toLowerCase() + name.slice(first.length);
}

/** A name without a trailing explanation in brackets: "systemic circulation (plasma/serum)" → "systemic circulation". */
export function withoutParenthetical(name: string): string {
  return name.replace(/\s*\([^()]*\)\s*$/, '').trim() || name;
}

/** Upper-cases a leading common word; leaves names that start in lower case ("miR-29a", "p38"). */
export function capitalise(text: string): string {
  return /^[a-z]/.test(text) && !/^(?:mi[Rr]-|p\d)/.test(text)
    ? text.charAt(0).toUpperCase() + text.slice(1)
    : text;
}

const irregularPlurals: Readonly<Record<string, string>> = {
  mouse: 'mice',
  Mouse: 'Mice',
  child: 'children',
  criterion: 'criteria',
  datum: 'data',
};

function pluralWord(word: string): string {
  const irregular = irregularPlurals[word];
  if (irregular) return irregular;
  if (/(?:s|sh|ch|x|z)$/i.test(word)) return `${word}es`;
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** Whether a name is already plural ("Toll-like receptors", "mice", "immune tissues"). */
export function isPluralName(name: string): boolean {
  const head = headNoun(name);
  if (Object.values(irregularPlurals).includes(head)) return true;
  // "receptors", "cells", "antagonists"; not "osteoporosis", "sepsis", "mass", "AS", "lupus".
  return /[a-z]{2}[^siu]s$/.test(head);
}

/** The word a phrase's number hangs on: "regulator of bone metabolism" → "regulator". */
function headNoun(name: string): string {
  const beforeOf = name.split(/\s+of\s+/)[0] ?? name;
  return beforeOf.split(/\s+/).pop() ?? beforeOf;
}

/**
 * "T cell" → "T cells", "mouse" → "mice", "fibroblast-like synoviocyte" → "…synoviocytes",
 * "regulator of bone metabolism" → "regulators of bone metabolism"; plural names stay as they are.
 */
export function plural(name: string): string {
  if (isPluralName(name)) return name;
  const ofAt = name.search(/\s+of\s+/);
  const head = ofAt >= 0 ? name.slice(0, ofAt) : name;
  const rest = ofAt >= 0 ? name.slice(ofAt) : '';
  const words = head.split(' ');
  const last = words.pop() ?? '';
  return [...words, pluralWord(last)].join(' ') + rest;
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

/** Letters whose spoken name starts with a vowel sound: "an NK cell", "an IL-6 level", "an RA patient". */
const vowelSoundLetters = new Set('AEFHILMNORSX');

/** "a" or "an" for the phrase that follows, by how it is spoken. */
export function indefiniteArticle(phrase: string): 'a' | 'an' {
  const spelled = /^([A-Z])(?=[A-Z0-9+/\s-]|$)/.exec(phrase);
  if (spelled?.[1] !== undefined) return vowelSoundLetters.has(spelled[1]) ? 'an' : 'a';
  if (/^(?:uni|use|usu|eu|one\b|once)/i.test(phrase)) return 'a';
  if (/^(?:hour|honest|honou?r)/i.test(phrase)) return 'an';
  return /^[aeiou]/i.test(phrase) ? 'an' : 'a';
}

/** "a T cell", "an osteoblast", "an IL-32γ transgenic mouse". */
export function withArticle(phrase: string): string {
  return `${indefiniteArticle(phrase)} ${phrase}`;
}

/** "the IL32 gene", "the RANKL/OPG ratio": names that read with "the". */
export function takesDefiniteArticle(name: string): boolean {
  return /\b(?:gene|ratio)$/.test(name);
}

/** "A", "A and B", "A, B and C". */
export function listText(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1] ?? ''}`;
}
