import { abbreviationRules, genericEndings, spellingRules, synonymSets } from './spelling.ts';

/**
 * The one home of text matching: typed answers (quiz cloze, Pathways "name the nodes"), Source
 * search and "is the answer in the stem?". Learners write Greek letters many ways (γ, gamma, g),
 * with or without hyphens and spaces, in any case, in British or American spelling.
 */

const greekNames: Readonly<Record<string, string>> = {
  α: 'alpha',
  β: 'beta',
  ß: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  ι: 'iota',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  µ: 'mu',
  ξ: 'xi',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  τ: 'tau',
  φ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
};
const greekLatin: Readonly<Record<string, string>> = {
  alpha: 'a',
  beta: 'b',
  gamma: 'g',
  delta: 'd',
  epsilon: 'e',
  zeta: 'z',
  eta: 'h',
  theta: 'q',
  kappa: 'k',
  lambda: 'l',
  mu: 'm',
};

const numberWords = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
] as const;
const articles = new Set(['the', 'a', 'an']);

/**
 * Lower-case tokens, split at anything that is not a letter or digit and at letter↔digit
 * boundaries, Greek letters spelled out: "IL-32γ", "il32 gamma" and "IL 32-Gamma" all give
 * ["il", "32", "gamma"].
 */
export function tokens(text: string): string[] {
  // Most names and sentences are printable ASCII, which NFKC and the Greek letters leave as it is.
  const spelled = !/[^ -~]/.test(text)
    ? text.toLowerCase()
    : text
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[\u03b1-\u03c9\u00df\u00b5]/gu, (ch) => {
          const name = greekNames[ch];
          return name === undefined ? ch : ` ${name} `;
        });
  return spelled
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0);
}

/**
 * Exact canonical key of a written form, for the engine's own lookups (which entity a form names).
 * Typed answers are compared with the more lenient matchKeys.
 */
export function answerKey(text: string): string {
  return answerTokens(text).join('');
}

function numberKey(token: string): string {
  const index = numberWords.indexOf(token as (typeof numberWords)[number]);
  return index >= 0 ? String(index) : token;
}

/** "t cells" and "t cell" are one answer; "loss" and "AS" keep their final s. */
function singular(key: string): string {
  return key.length > 4 && /[^s]s$/.test(key) ? key.slice(0, -1) : key;
}

function applyRules(key: string, rules: readonly (readonly [RegExp, string])[]): string {
  return rules.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), key);
}

const synonymOf = new Map(synonymSets.flatMap((set) => set.map((key) => [key, set[0] ?? key])));

function withoutGenericEnding(key: string): string {
  const ending = genericEndings.find((end) => key.endsWith(end) && key.length - end.length >= 2);
  return ending === undefined ? key : key.slice(0, -ending.length);
}

/** Tokens as a typed answer is read: no leading article, numbers as digits. */
function answerTokens(text: string): string[] {
  const parts = tokens(text);
  while (parts.length > 1 && articles.has(parts[0] ?? '')) parts.shift();
  return parts.map(numberKey);
}

function lenientKey(joined: string): string {
  const key = applyRules(applyRules(joined, spellingRules), abbreviationRules);
  return synonymOf.get(key) ?? key;
}

/**
 * The lenient key of a name or typed answer: answerKey with the shared spelling rules (British or
 * American), standard abbreviations ("interleukin" → IL) and synonyms (spelling.ts) applied, so
 * "Interleukin 6" and "IL-6", "tumor" and "tumour" give one key.
 */
export function matchKey(text: string): string {
  return lenientKey(answerTokens(text).join(''));
}

/**
 * Every lenient key a name answers to: its matchKey, with Greek letters as one Latin letter
 * ("IL-32g", "NF-kB"), without a generic ending ("Wnt" for "Wnt signalling"), and in the singular.
 * Greek letters are never dropped, so IL-32 and IL-32γ, or IL-1 and IL-1β, stay apart.
 */
export function matchKeys(text: string): string[] {
  const parts = answerTokens(text);
  const latin = parts.map((part) => greekLatin[part] ?? part);
  const keys = new Set<string>();
  for (const joined of new Set([parts.join(''), latin.join('')])) {
    const key = lenientKey(joined);
    for (const variant of [key, withoutGenericEnding(key)]) {
      for (const form of [variant, singular(variant)]) {
        const canonical = synonymOf.get(form) ?? form;
        if (canonical.length > 0) keys.add(canonical);
      }
    }
  }
  return [...keys];
}

/** Whether a typed response names what any accepted form names (the rules in spelling.ts). */
export function matchesAnswer(response: string, accepted: readonly string[]): boolean {
  const typed = matchKeys(response);
  if (typed.length === 0) return false;
  const keys = new Set(accepted.flatMap(matchKeys));
  return typed.some((key) => keys.has(key));
}

/**
 * Free text folded for searching: lower case, Greek letters spelled out as words ("IL-32γ" →
 * "il-32 gamma"), the shared spelling rules applied; spaces and punctuation are kept.
 */
export function foldText(raw: string): string {
  const spelled = raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u03b1-\u03c9\u00df\u00b5]/gu, (letter: string, at: number, text: string) => {
      const name = greekNames[letter] ?? letter;
      return at > 0 && /[\p{L}\p{N}]/u.test(text[at - 1] ?? '') ? ` ${name}` : name;
    });
  return applyRules(spelled, spellingRules).replace(/\s+/g, ' ').trim();
}

/** Short upper-case acronyms ("AS", "OB") are matched by case, or "as" in any sentence would hit. */
function isShortAcronym(form: string): boolean {
  return /^[A-Z]{1,3}$/.test(form.trim());
}

function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) {
      if (haystack[i + j] !== needle[j]) continue outer;
    }
    return true;
  }
  return false;
}

/** Precomputed token views of a text, for checking many forms against it. */
export interface TextView {
  readonly tokens: readonly string[];
  readonly rawTokens: readonly string[];
}

/** Tokens for finding mentions: "cells" names the same thing as "cell". */
function mentionTokens(text: string): string[] {
  return tokens(text).map(singular);
}

// Generators ask about the same stems and sentences many times over; a bounded cache of views,
// large enough for every sentence of a pack a hundred times the bundled one.
const views = new Map<string, TextView>();
const MAX_VIEWS = 1 << 17;

export function viewOf(text: string): TextView {
  let view = views.get(text);
  if (!view) {
    view = { tokens: mentionTokens(text), rawTokens: text.split(/[^A-Za-z0-9]+/).filter(Boolean) };
    if (views.size >= MAX_VIEWS) views.clear();
    views.set(text, view);
  }
  return view;
}

// Entity names and aliases are a small, fixed set per pack: their tokens are worth keeping.
const formTokens = new Map<string, readonly string[]>();
function tokensOfForm(form: string): readonly string[] {
  let found = formTokens.get(form);
  if (!found) {
    found = mentionTokens(form);
    formTokens.set(form, found);
  }
  return found;
}

const formAcronyms = new Map<string, string | null>();
/** The form as written when it is a short acronym (matched by case), else null; kept like tokens. */
function acronymOf(form: string): string | null {
  let found = formAcronyms.get(form);
  if (found === undefined) {
    found = isShortAcronym(form) ? form.trim() : null;
    formAcronyms.set(form, found);
  }
  return found;
}

/** Whether a text names a thing under any of its written forms (whole tokens only). */
export function mentionsAny(text: string | TextView, forms: readonly string[]): boolean {
  const view = typeof text === 'string' ? viewOf(text) : text;
  for (const form of forms) {
    const acronym = acronymOf(form);
    if (
      acronym === null
        ? containsSequence(view.tokens, tokensOfForm(form))
        : view.rawTokens.includes(acronym)
    ) {
      return true;
    }
  }
  return false;
}

/**
 * A token every mention of a form contains; short acronyms are matched as written. The last
 * token, because names share their first ("IL-1β", "IL-6") far more often than their last.
 */
function keyToken(form: string): string | undefined {
  return isShortAcronym(form) ? `=${form.trim()}` : tokensOfForm(form).at(-1);
}

/**
 * Which of many things a text names, without trying every one: things are filed under a token of
 * each form, and only those whose token the text contains are checked in full.
 * Returns them in the order given.
 */
export function mentionFinder<T>(
  things: readonly T[],
  formsOfThing: (thing: T) => readonly string[],
): (text: string | TextView) => T[] {
  const byKey = new Map<string, number[]>();
  things.forEach((thing, position) => {
    for (const form of formsOfThing(thing)) {
      const key = keyToken(form);
      if (key === undefined) continue;
      const filed = byKey.get(key);
      if (!filed) byKey.set(key, [position]);
      else if (filed[filed.length - 1] !== position) filed.push(position);
    }
  });
  return (text) => {
    const view = typeof text === 'string' ? viewOf(text) : text;
    const positions = new Set<number>();
    const keys = [...view.tokens, ...view.rawTokens.map((raw) => `=${raw}`)];
    for (const key of keys) for (const position of byKey.get(key) ?? []) positions.add(position);
    return [...positions]
      .sort((a, b) => a - b)
      .map((position) => things[position] as T)
      .filter((thing) => mentionsAny(view, formsOfThing(thing)));
  };
}
