import { asRelation, effectivePolarity, negatedSigns, pairedRelation } from '../claims.ts';
import { tieBreaker } from '../rng.ts';
import type { ChoiceOption, Statement, TrueFalseItem } from '../types.ts';
import { SELECTION_SEED } from './common.ts';
import { MAX_KEY_SHARE } from './key-balance.ts';

/**
 * Selection, not padding, so that a test-wise student cannot beat the bank: no guessing rule
 * ("always true", "no negation word means true", "the longer statement is true", "always
 * 'raised'", "the only positive statement") may score above LIMIT.
 */
export const LIMIT = MAX_KEY_SHARE;
/** The selection aims a little inside the limit, so the median shifting with it cannot cross it. */
const TARGET = 0.58;

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

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 === 1
    ? (sorted[Math.floor(middle)] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The true/false guessing rules that read a statement's words: "no negation word → true", "a positive claim → true". */
const wordRules = [
  (i: TrueFalseItem): boolean => !hasNegationWord(i.prompt),
  (i: TrueFalseItem): boolean => !isNegativeStatement(i.statement),
] as const;

/** How well the true/false guessing rules score on a set (the better of rule and reverse). */
export function trueFalseCues(items: readonly TrueFalseItem[]): {
  readonly alwaysTrue: number;
  readonly noNegationTrue: number;
  readonly positiveClaimTrue: number;
  readonly longerTrue: number;
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
  };
}

/**
 * The true/false items to ask. Items fall in eight cells (true or false; with a negation word or
 * not; a lowering or denying claim or not: a student reads the main verb as well as "not"). Items
 * leave the cell whose loss most narrows the worst cue until every cue is within TARGET; the last
 * in a cell leaves first. Within a cell, items whose fact no other quiz item teaches come first,
 * then high-yield ones, then a fixed order by id. Then short true and long false items are swapped
 * in until the length cue is within TARGET too.
 */
export function selectTrueFalse(
  items: readonly TrueFalseItem[],
  taughtElsewhere: ReadonlySet<string>,
): TrueFalseItem[] {
  const priority = (i: TrueFalseItem): number =>
    (taughtElsewhere.has(i.factIds[0] ?? '') ? 2 : 0) + (i.highYield ? 0 : 1);
  const ordered = [...items].sort(
    (x, y) =>
      priority(x) - priority(y) ||
      tieBreaker(SELECTION_SEED, x.id) - tieBreaker(SELECTION_SEED, y.id),
  );
  const cellOf = (i: TrueFalseItem): number =>
    (i.answer ? 4 : 0) + wordRules.reduce((sum, rule, bit) => sum + (rule(i) ? 1 << bit : 0), 0);
  const cells: TrueFalseItem[][] = Array.from({ length: 8 }, () => []);
  for (const item of ordered) cells[cellOf(item)]?.push(item);
  // A high-yield fact no other item asks keeps its statement: every such fact is quizzed.
  const needed = (i: TrueFalseItem): boolean =>
    i.highYield && !taughtElsewhere.has(i.factIds[0] ?? '');
  const counts = keptCounts(
    cells.map((list) => list.length),
    cells.map((list) => list.filter(needed).length),
  );
  const chosen = cells.map((list, i) => list.slice(0, counts[i] ?? 0));
  balanceLength(cells, chosen, needed);
  const keep = new Set(chosen.flat());
  // The order of the bank stays the generators' order.
  return items.filter((i) => keep.has(i));
}

/**
 * How far the guessing rules ("always true", and each word rule) lie beyond TARGET, summed, for counts
 * per cell; a cell's index has bit 2 for a true key and bits 0 and 1 for the word rules' "true".
 */
function excess(counts: readonly number[]): number {
  const n = counts.reduce((a, b) => a + b, 0);
  if (n === 0) return 0;
  const hits = (predictsTrue: (cell: number) => boolean): number =>
    counts.reduce((sum, c, cell) => sum + (predictsTrue(cell) === cell >= 4 ? c : 0), 0);
  const rules = [
    () => true,
    (cell: number) => (cell & 1) !== 0,
    (cell: number) => (cell & 2) !== 0,
  ];
  return rules.reduce(
    (sum, rule) => sum + Math.max(0, Math.abs(hits(rule) / n - 0.5) - (TARGET - 0.5)),
    0,
  );
}

/**
 * Counts per cell: one item at a time leaves the cell whose loss brings the cues nearest TARGET;
 * no cell goes below its floor (its needed items, which come first in it).
 */
function keptCounts(sizes: readonly number[], floors: readonly number[]): number[] {
  const counts = [...sizes];
  while (excess(counts) > 1e-9) {
    let best = -1;
    let bestExcess = Infinity;
    for (const [cell, count] of counts.entries()) {
      if (count <= (floors[cell] ?? 0)) continue;
      const after = excess(counts.map((c, i) => (i === cell ? c - 1 : c)));
      // Ties go to the fuller cell, which keeps the bank's mix of statements.
      if (
        after < bestExcess - 1e-12 ||
        (Math.abs(after - bestExcess) <= 1e-12 && count > (counts[best] ?? 0))
      ) {
        best = cell;
        bestExcess = after;
      }
    }
    if (best < 0) break;
    counts[best] = (counts[best] ?? 0) - 1;
  }
  return counts;
}

/** Swap short true items in and long ones out (and the reverse for false) until length says nothing. */
function balanceLength(
  cells: readonly TrueFalseItem[][],
  chosen: TrueFalseItem[][],
  needed: (item: TrueFalseItem) => boolean,
): void {
  for (let step = 0; step < 200; step++) {
    const all = chosen.flat();
    if (all.length === 0 || trueFalseCues(all).longerTrue <= TARGET) return;
    const cut = median(all.map((i) => i.prompt.length));
    const hits = all.filter((i) => i.prompt.length > cut === i.answer).length / all.length;
    // hits > 0.5: long items are mostly true; swap a long true out for a short one, or a short false
    // for a long one. hits < 0.5: the reverse.
    const wantShortTrue = hits > 0.5;
    let swapped = false;
    for (const [i, list] of cells.entries()) {
      const picked = chosen[i] ?? [];
      const isTrue = i >= 4;
      const wantShort = isTrue === wantShortTrue;
      // The last chosen goes first: items no other quiz item teaches stay.
      const out = [...picked]
        .reverse()
        .find((x) => !needed(x) && x.prompt.length > cut === wantShort);
      const inn = list.find((x) => !picked.includes(x) && x.prompt.length > cut !== wantShort);
      if (out && inn) {
        chosen[i] = [...picked.filter((x) => x !== out), inn];
        swapped = true;
        break;
      }
    }
    if (!swapped) return;
  }
}
