import { matchesAnswer } from './normalize.ts';

/**
 * "Name the node" answers are matched by the shared text-matching rules, as quiz answers are:
 * "IL-32 gamma", "il32g" and "Interleukin-32γ" all name IL-32γ; case, spaces, hyphens, British or
 * American spelling and standard abbreviations do not matter.
 */

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
  return [...new Set(names.filter((name) => name.trim().length > 0))];
}

export function namesMatch(answer: string, source: NameSource): boolean {
  return matchesAnswer(answer, acceptedNames(source));
}
