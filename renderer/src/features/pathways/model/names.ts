/**
 * Alias-aware name matching for "name the node": "IL-32 gamma", "il32γ" and "Interleukin-32γ"
 * all name IL-32γ. Greek letters and their spelled-out names compare equal; case, spaces,
 * hyphens and punctuation are ignored.
 */

const greek: readonly [string, string][] = [
  ['α', 'alpha'],
  ['β', 'beta'],
  ['γ', 'gamma'],
  ['δ', 'delta'],
  ['ε', 'epsilon'],
  ['ζ', 'zeta'],
  ['η', 'eta'],
  ['θ', 'theta'],
  ['κ', 'kappa'],
];

export function normalizeName(raw: string): string {
  let text = raw.normalize('NFKC').toLowerCase();
  for (const [letter, word] of greek) text = text.replaceAll(letter, word);
  text = text.replaceAll('signaling', 'signalling').replaceAll('tumor', 'tumour');
  return text.replace(/[^a-z0-9]+/g, '');
}

/** A label without its trailing parenthetical: "RANKL (producing cell not stated)" → "RANKL". */
export function withoutParenthetical(label: string): string {
  return label.replace(/\s*\([^)]*\)\s*$/, '').trim();
}

export interface NameSource {
  readonly name: string;
  readonly aliases: readonly string[];
  /** The node's own label on this diagram, if it differs from the entity name. */
  readonly label?: string;
}

export function acceptedNames(source: NameSource): string[] {
  const names = [source.name, ...source.aliases];
  if (source.label) names.push(source.label, withoutParenthetical(source.label));
  return [...new Set(names.map(normalizeName).filter((name) => name.length > 0))];
}

export function namesMatch(answer: string, source: NameSource): boolean {
  const given = normalizeName(answer);
  return given.length > 0 && acceptedNames(source).includes(given);
}
