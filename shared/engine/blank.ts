/**
 * The blank of a fill-in sentence, and the rules that make a blanked sentence fair: one answer,
 * and nothing beside the blank that names or describes it.
 */

export const BLANK = '_____';

/**
 * A blank that is one item of a list ("TNF-α, IL-1β and _____", "_____ and activation",
 * "_____ (and Akt)") or a prefix of a name ("_____ β, γ and δ") has no one answer: any item of
 * the list, and any item the world adds to it, fits as well.
 */
export function blankInList(text: string): boolean {
  return (
    // A comma before the blank alone is no list: "According to the review, _____ is…".
    new RegExp(`\\b(?:and|or)\\s+${BLANK}`).test(text) ||
    new RegExp(`${BLANK}(?:,\\s|\\s+(?:and|or|as well as)\\s|\\s*\\((?:and|or|among)\\b)`).test(
      text,
    ) ||
    new RegExp(`${BLANK}\\s*[α-ω](?![\\p{L}])`, 'u').test(text)
  );
}

/**
 * Words that open a bracket which qualifies the finding rather than describing the answer: a
 * comparison, a role or a condition ("(compared with osteoarthritis)", "(as its autoantigen)").
 */
const qualifyingAside =
  /^\((?:and|or|as|compared|vs\.?|versus|relative|via|with|without|in|when|only|not)\b/;

/**
 * A bracket right after the blank describes the answer ("_____ (monocytic cells)", "_____
 * (natural killer cell transcript 4)", "_____ (endotoxin lethality)"): it is a cue, so it goes.
 * A bracket that qualifies the finding stays.
 */
export function withoutCueAfterBlank(text: string): string {
  return text.replace(
    new RegExp(`${BLANK}\\s*(\\([^()]*\\))`, 'g'),
    (match: string, aside: string) => (qualifyingAside.test(aside) ? match : BLANK),
  );
}

/**
 * Measurements in brackets ("(Kd about 1.2 nM …)") are trivia beside the finding; a card asks the
 * finding without them. Other asides stay: "(compared with osteoarthritis)" is the comparison
 * that makes the finding true.
 */
export function withoutMeasurements(text: string): string {
  return text.replace(/\s*\([^()]*\d[^()]*\b(?:nM|µM|pM|kDa|Kd|mg|ng|pg|ml|mL)\b[^()]*\)/g, '');
}

/**
 * Numbers are not the review's content: when something was first reported (1992, 2005), how
 * many isoforms one paper counted (4, 5, 6 or 9), a chromosome band (16p13.3).
 */
export function isNumberAnswer(value: string): boolean {
  return /^\d/.test(value.trim());
}

// Plain searches with a one-character test each side: a pattern per name with Unicode classes
// costs milliseconds to compile, and a large pack has thousands of names.
const letterOrDigit = /[\p{L}\p{N}]/u;
const letter = /\p{L}/u;

/** The character before `at`, as a whole code point ("" at the start). */
function charBefore(text: string, at: number): string {
  const code = text.charCodeAt(at - 1);
  const lowSurrogate = code >= 0xdc00 && code <= 0xdfff;
  return text.slice(Math.max(0, lowSurrogate ? at - 2 : at - 1), at);
}

function occurrences(text: string, part: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + 1)) found.push(at);
  return found;
}

/** A name followed by more of a word ("IL-32" in "IL-32α"). */
function prefixesAWord(text: string, name: string): boolean {
  return occurrences(text, name).some(
    (at) =>
      !letterOrDigit.test(charBefore(text, at)) &&
      letterOrDigit.test(String.fromCodePoint(text.codePointAt(at + name.length) ?? 32)),
  );
}

/** A word written where a word begins, in any case. */
function writtenAtWordStart(text: string, word: string): boolean {
  const lower = text.toLowerCase();
  return occurrences(lower, word.toLowerCase()).some((at) => !letter.test(charBefore(lower, at)));
}

/**
 * Whether the text still gives the answer away: a name that begins with one of the answer's
 * forms ("IL-32α … an isoform of _____" for IL-32), or the head word of the answer as the blank
 * replaced it, written elsewhere in the sentence ("given at the fusion stage" beside
 * "_____" for osteoclast fusion).
 */
export function cueForAnswer(text: string, forms: readonly string[], answer: string): boolean {
  const prefixed = forms.some((form) => {
    const name = form.trim();
    return name !== '' && prefixesAWord(text, name);
  });
  const words = answer.trim().split(/\s+/);
  const head = words[words.length - 1] ?? '';
  const written = (word: string): boolean => writtenAtWordStart(text, word);
  // Any long word of a compound answer counts too: "healthy remodelling" beside the blank of
  // "bone-remodelling disorder" (audit H).
  const parts = answer.trim().split(/[\s-]+/);
  return (
    prefixed ||
    (words.length > 1 && head.length >= 5 && written(head)) ||
    (parts.length > 1 && parts.some((word) => word.length >= 8 && written(word)))
  );
}

/**
 * Whether the text names the answer by what sets it apart from its family's shared name: "isoforms
 * α, β, γ and δ … _____ was the strongest" lists IL-32γ among its siblings by its letter, so the
 * blank is a choice among the listed few (audit 20261230). `familyForms` are the written forms
 * of its parent and siblings.
 */
export function listsTheAnswerMark(
  text: string,
  forms: readonly string[],
  familyForms: readonly string[],
): boolean {
  return forms.some((form) =>
    familyForms.some((stem) => {
      if (stem === '' || form.length <= stem.length || !form.startsWith(stem)) return false;
      const mark = form.slice(stem.length).replace(/^[\s-]+/, '');
      return mark !== '' && standsAlone(text, mark);
    }),
  );
}

/** A part written as a word of its own: "γ" in "α, β, γ and δ", not in "IL-32γ". */
function standsAlone(text: string, part: string): boolean {
  return occurrences(text, part).some(
    (at) =>
      !letterOrDigit.test(charBefore(text, at)) &&
      !letterOrDigit.test(String.fromCodePoint(text.codePointAt(at + part.length) ?? 32)),
  );
}
