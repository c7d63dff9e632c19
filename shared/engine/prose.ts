import { midSentenceName } from './names.ts';
import type { PackIndex } from './pack-index.ts';

/**
 * Mechanical checks that a generated text reads as prose a person wrote: no brackets inside
 * brackets or bracketed lists of settings ("(septic shock; plasma; in neutrophils; mouse)"), no
 * common noun capitalised inside a sentence ("What is Rheumatic disease?"), no doubled word
 * ("4 isoforms isoforms").
 */

export interface ProseProblem {
  readonly rule: 'stem-brackets' | 'stem-casing' | 'repeated-word';
  readonly message: string;
}

export interface ProseOptions {
  /** A label or option that stands alone: its first word may be capitalised. */
  readonly standalone?: boolean;
}

/** More items than this, separated by semicolons in one bracket, is a dumped list. */
const MAX_BRACKET_ITEMS = 2;

function bracketProblems(text: string): ProseProblem[] {
  const problems: ProseProblem[] = [];
  let depth = 0;
  let start = -1;
  let nested = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[') {
      depth++;
      if (depth === 1) start = i;
      if (depth > 1) nested = true;
    } else if ((ch === ')' || ch === ']') && depth > 0) {
      depth--;
      if (depth === 0) {
        const inside = text.slice(start + 1, i);
        const items = inside.split(';').length;
        if (items > MAX_BRACKET_ITEMS) {
          problems.push({
            rule: 'stem-brackets',
            message: `lists ${items} items in one bracket: “(${inside})”`,
          });
        }
      }
    }
  }
  if (nested) problems.push({ rule: 'stem-brackets', message: 'has a bracket inside a bracket' });
  return problems;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where a new sentence (or a quoted one) may begin: its first word is capitalised by right. */
function startsSentence(text: string, at: number, standalone: boolean): boolean {
  if (at === 0) return true;
  const before = text.slice(0, at);
  if (/(?:[.?!:]|[.?!]["”’)])\s+$/.test(before) || /[“"]$/.test(before)) return true;
  // A list of options or labels joined by "; " starts each one afresh.
  return standalone && /;\s+$/.test(before);
}

/** Common-noun names the pack stores capitalised ("Rheumatic disease"): each, once per pack. */
const commonNames = new WeakMap<PackIndex, readonly RegExp[]>();

function capitalisedCommonNames(index: PackIndex): readonly RegExp[] {
  let found = commonNames.get(index);
  if (!found) {
    found = [...index.entityById.values()]
      .filter((e) => midSentenceName(e) !== e.name)
      .map(
        (e) => new RegExp(`(?<![\\p{L}\\p{N}-])${escapeRegExp(e.name)}(?![\\p{L}\\p{N}])`, 'gu'),
      );
    commonNames.set(index, found);
  }
  return found;
}

const notes = new WeakMap<PackIndex, readonly string[]>();

/** The free-text notes of the pack's facts, as written (capitalised, without a final stop). */
function packNotes(index: PackIndex): readonly string[] {
  let found = notes.get(index);
  if (!found) {
    found = [
      ...new Set(
        index.pack.facts
          .map((f) => f.context.note?.trim().replace(/\.$/, ''))
          .filter((n): n is string => n !== undefined && /^[A-Z]/.test(n)),
      ),
    ];
    notes.set(index, found);
  }
  return found;
}

function casingProblems(index: PackIndex, text: string, standalone: boolean): ProseProblem[] {
  const problems: ProseProblem[] = [];
  for (const pattern of capitalisedCommonNames(index)) {
    for (const match of text.matchAll(pattern)) {
      if (!startsSentence(text, match.index, standalone)) {
        problems.push({
          rule: 'stem-casing',
          message: `“${match[0]}” is a common noun capitalised mid-sentence`,
        });
      }
    }
  }
  // "(Known from the paper's title only)": a note of the pack pasted into a sentence as is.
  for (const match of text.matchAll(/\(([A-Z][^()]*)\)/g)) {
    const inside = (match[1] ?? '').replace(/\.$/, '');
    if (packNotes(index).some((note) => inside.startsWith(note))) {
      problems.push({ rule: 'stem-casing', message: `the note “${inside}” is pasted in brackets` });
    }
  }
  return problems;
}

function repeatedWords(text: string): ProseProblem[] {
  const problems: ProseProblem[] = [];
  for (const match of text.matchAll(/(?<![\p{L}\p{N}-])(\p{L}{3,})\s+\1(?![\p{L}\p{N}-])/giu)) {
    problems.push({ rule: 'repeated-word', message: `“${match[0]}” repeats a word` });
  }
  return problems;
}

export function proseProblems(
  index: PackIndex,
  text: string,
  options: ProseOptions = {},
): ProseProblem[] {
  return [
    ...bracketProblems(text),
    ...casingProblems(index, text, options.standalone === true),
    ...repeatedWords(text),
  ];
}
