import type { EdgeSign } from './schema.ts';

/**
 * The direction a pathway link shows, as a learner names it, defined once: the quiz's edge-sign
 * options and the diagram legends read their words from here. A link raises or activates (+),
 * lowers or inhibits (−), or shows no difference (0); the five drawn signs fold into these three.
 */
export const signValues = ['+', '-', '0'] as const;
export type SignValue = (typeof signValues)[number];

const valueOfSign: Record<EdgeSign, SignValue> = {
  stimulates: '+',
  'increases-level': '+',
  inhibits: '-',
  'decreases-level': '-',
  'no-difference': '0',
};

export function signValueOf(sign: EdgeSign): SignValue {
  return valueOfSign[sign];
}

export function isSignValue(value: string | undefined): value is SignValue {
  return (signValues as readonly (string | undefined)[]).includes(value);
}

/** How each direction reads in a legend: "raises or activates". */
export const signWords: Record<SignValue, string> = {
  '+': 'raises or activates',
  '-': 'lowers or inhibits',
  '0': 'no difference',
};

/** The symbol shown with it (a true minus sign). */
export const signSymbols: Record<SignValue, string> = { '+': '+', '-': '−', '0': '0' };

/** As a choice: "Raises or activates (+)". */
export function signChoice(value: SignValue): string {
  const words = signWords[value];
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} (${signSymbols[value]})`;
}

/** The sign a diagram draws for a direction (its arrow or bar). */
export const drawnSign: Record<SignValue, EdgeSign> = {
  '+': 'stimulates',
  '-': 'inhibits',
  '0': 'no-difference',
};

/** How a drawn link reads as a verb in a sentence: "IL-32γ raises RANKL". */
export const signVerbs: Record<EdgeSign, string> = {
  stimulates: 'stimulates',
  inhibits: 'inhibits',
  'increases-level': 'raises',
  'decreases-level': 'lowers',
  'no-difference': 'shows no difference with',
};

/**
 * A title that names a direction ("amplification loop", "brakes on…", "how X drives Y") tells the
 * signs an item hides: items show such a pathway by its source instead (audit L, issue 15).
 */
const signWordsInTitles =
  /\b(?:amplif\w*|brakes?|driv(?:e|es|ing)|boost\w*|suppress\w*|inhibit\w*|activat\w*|protect\w*|block\w*|promot\w*|rais(?:e|es|ing)|lower(?:s|ing)?)\b/i;

export function titleTellsSigns(title: string): boolean {
  return signWordsInTitles.test(title);
}

/** The first word of a title that names a direction ("brakes"), if it has one. */
export function signWordIn(title: string): string | undefined {
  return signWordsInTitles.exec(title)?.[0];
}
