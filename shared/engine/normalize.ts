/**
 * Text matching for typed answers and for "is the answer in the stem?". Learners write Greek
 * letters many ways (γ, gamma, g), with or without hyphens and spaces, in any case.
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
const greekNamePattern = new RegExp(`(${Object.keys(greekLatin).join('|')})`, 'g');

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
  const spelled = text
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

/** Canonical key for comparing a typed answer with an accepted form. */
export function answerKey(text: string): string {
  const parts = tokens(text);
  while (parts.length > 1 && articles.has(parts[0] ?? '')) parts.shift();
  return parts.map((t) => numberKey(t)).join('');
}

function numberKey(token: string): string {
  const index = numberWords.indexOf(token as (typeof numberWords)[number]);
  return index >= 0 ? String(index) : token;
}

/**
 * Every key a written form should be accepted under: the canonical key, and the one with Greek
 * letters written as a single Latin letter ("IL-32g", "NF-kB", "TNFa").
 */
export function answerKeys(form: string): string[] {
  const key = answerKey(form);
  const latin = key.replace(greekNamePattern, (name) => greekLatin[name] ?? name);
  return latin === key ? [key] : [key, latin];
}

/** "t cells" and "t cell" are one answer; "loss" and "AS" keep their final s. */
function singular(key: string): string {
  return key.length > 4 && /[^s]s$/.test(key) ? key.slice(0, -1) : key;
}

/** Whether a typed response matches any accepted form. */
export function matchesAnswer(response: string, accepted: readonly string[]): boolean {
  const key = answerKey(response);
  if (key.length === 0) return false;
  const keys = new Set([key, singular(key)]);
  return accepted.some((form) =>
    answerKeys(form).some((k) => keys.has(k) || keys.has(singular(k))),
  );
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

// Generators ask about the same stems and sentences many times over; a bounded cache of views.
const views = new Map<string, TextView>();
const MAX_VIEWS = 4096;

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

/** Whether a text names a thing under any of its written forms (whole tokens only). */
export function mentionsAny(text: string | TextView, forms: readonly string[]): boolean {
  const view = typeof text === 'string' ? viewOf(text) : text;
  return forms.some((form) =>
    isShortAcronym(form)
      ? view.rawTokens.includes(form.trim())
      : containsSequence(view.tokens, tokensOfForm(form)),
  );
}
