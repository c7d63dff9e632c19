import { asRelation, effectivePolarity, negatedSigns, pairedRelation } from '../claims.ts';
import type { ChoiceOption, Statement, TrueFalseItem } from '../types.ts';
import { MAX_KEY_SHARE } from './key-balance.ts';

/**
 * Selection, not padding, so that a test-wise student cannot beat the bank: no guessing rule
 * ("always true", "no negation word means true", "the longer statement is true", "always
 * 'raised'", "the only positive statement") may score above LIMIT.
 */
export const LIMIT = MAX_KEY_SHARE;
/** The selection aims a little inside the limit, so the median shifting with it cannot cross it. */
export const CUE_TARGET = 0.58;

const negation =
  /\b(not|no|never|none|without|cannot|fail(s|ed)?|lack(s|ed)?|absent|decrease[sd]?|lower(s|ed)?|reduce[sd]?|inhibit(s|ed)?|suppress(es|ed)?|block(s|ed)?|disrupt(s|ed)?|prevent(s|ed)?|fall(s)?)\b/i;

/** A word a student reads as negative: "not", "lowers", "inhibits", "reduced"… */
export function hasNegationWord(text: string): boolean {
  return negation.test(text);
}

/** A statement's tone: negative when it lowers, denies, or reports no difference. */
export function isNegativeStatement(statement: Statement): boolean {
  const relation = asRelation(statement.relation);
  return (
    effectivePolarity(relation, statement.subject.modifier) === -1 ||
    negatedSigns(relation).length > 0
  );
}

/**
 * The verb a statement is said with ("increases" for "induces expression of"): a key whose verb no
 * wrong option uses is found by its verb alone, "promotes" among "suppresses" (audit R).
 */
export function saidVerb(statement: Statement): string {
  return pairedRelation(asRelation(statement.relation));
}

/** Two statements read alike: said with one verb, and of one tone ("silencing X lowers Y" is not). */
export function readsAlike(a: Statement, b: Statement): boolean {
  return saidVerb(a) === saidVerb(b) && isNegativeStatement(a) === isNegativeStatement(b);
}

/** The key shares its tone with at least one wrong option: tone alone does not find it. */
export function toneShared(options: readonly ChoiceOption[]): boolean {
  const key = options.find((o) => o.correct)?.statement;
  if (!key) return true;
  const tone = isNegativeStatement(key);
  return options.some(
    (o) => !o.correct && o.statement && isNegativeStatement(o.statement) === tone,
  );
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 === 1
    ? (sorted[Math.floor(middle)] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The true/false guessing rules that read a statement's words: "no negation word → true", "a positive claim → true". */
export const wordRules = [
  (i: TrueFalseItem): boolean => !hasNegationWord(i.prompt),
  (i: TrueFalseItem): boolean => !isNegativeStatement(i.statement),
] as const;

/** How well the true/false guessing rules score on a set (the better of rule and reverse). */
export function trueFalseCues(items: readonly TrueFalseItem[]): {
  readonly alwaysTrue: number;
  readonly noNegationTrue: number;
  readonly positiveClaimTrue: number;
  readonly longerTrue: number;
  readonly verbTrue: number;
} {
  const n = items.length;
  const cut = median(items.map((i) => i.prompt.length));
  const score = (predict: (i: TrueFalseItem) => boolean): number => {
    if (n === 0) return 0;
    const hits = items.filter((i) => predict(i) === i.answer).length / n;
    return Math.max(hits, 1 - hits);
  };
  const [noNegation, positiveClaim] = wordRules;
  return {
    alwaysTrue: score(() => true),
    noNegationTrue: score(noNegation),
    positiveClaimTrue: score(positiveClaim),
    longerTrue: score((i) => i.prompt.length > cut),
    verbTrue: n === 0 ? 0 : verbHits(verbCounts(items), countTrue(items), n) / n,
  };
}

/** The verb a true/false statement is read by, as written ("inhibits", "is elevated in"). */
export function statementVerb(item: TrueFalseItem): string {
  return item.statement.relation;
}

/** True and false statements per verb. */
export function verbCounts(items: readonly TrueFalseItem[]): Map<string, [number, number]> {
  const counts = new Map<string, [number, number]>();
  for (const item of items) {
    const verb = statementVerb(item);
    const entry = counts.get(verb) ?? [0, 0];
    entry[item.answer ? 0 : 1] += 1;
    counts.set(verb, entry);
  }
  return counts;
}

function countTrue(items: readonly TrueFalseItem[]): number {
  return items.filter((i) => i.answer).length;
}

/** Below this many statements a verb has no "usual answer" a student would trust. */
export const minStatementsPerVerb = 3;

/**
 * "The verb's usual answer": a student who has met a verb often answers each statement with it as
 * most were answered, and any other statement as most statements are. In the second pack every
 * "inhibits" was true and every "activates" false (audit 20261230).
 */
export function verbHits(
  counts: Iterable<readonly [number, number]> | Map<string, readonly [number, number]>,
  allTrue: number,
  n: number,
): number {
  const mostlyTrue = 2 * allTrue >= n;
  let hits = 0;
  for (const [t, f] of counts instanceof Map ? counts.values() : counts) {
    hits += t + f >= minStatementsPerVerb ? Math.max(t, f) : mostlyTrue ? t : f;
  }
  return hits;
}
