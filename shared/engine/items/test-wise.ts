import { asRelation, effectivePolarity, negatedSigns } from '../claims.ts';
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

/** How well the three true/false guessing rules score on a set (the better of rule and reverse). */
export function trueFalseCues(items: readonly TrueFalseItem[]): {
  readonly alwaysTrue: number;
  readonly noNegationTrue: number;
  readonly longerTrue: number;
} {
  const n = items.length;
  const cut = median(items.map((i) => i.prompt.length));
  const score = (predict: (i: TrueFalseItem) => boolean): number => {
    if (n === 0) return 0;
    const hits = items.filter((i) => predict(i) === i.answer).length / n;
    return Math.max(hits, 1 - hits);
  };
  return {
    alwaysTrue: score(() => true),
    noNegationTrue: score((i) => !hasNegationWord(i.prompt)),
    longerTrue: score((i) => i.prompt.length > cut),
  };
}

/**
 * The true/false items to ask. Items fall in four cells (true or false, with a negation word or
 * not); the largest set whose truth and negation cues stay within TARGET is found by trying every
 * count per cell (the cells are small). Within a cell, items whose fact no other quiz item teaches
 * come first, then high-yield ones, then a fixed order by id. Then short true and long false
 * items are swapped in until the length cue is within TARGET too.
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
  const cell = (answer: boolean, negative: boolean): TrueFalseItem[] =>
    ordered.filter((i) => i.answer === answer && hasNegationWord(i.prompt) === negative);
  const cells = [cell(true, false), cell(true, true), cell(false, true), cell(false, false)];
  const [a, b, c, d] = bestCounts(cells.map((list) => list.length));
  const chosen = cells.map((list, i) => list.slice(0, [a, b, c, d][i] ?? 0));
  balanceLength(cells, chosen);
  const keep = new Set(chosen.flat());
  // The order of the bank stays the generators' order.
  return items.filter((i) => keep.has(i));
}

/**
 * Counts per cell (true without negation word, true with, false with, false without) that give
 * the most items with "always true" and "no negation word → true" each within TARGET.
 */
function bestCounts(sizes: readonly number[]): [number, number, number, number] {
  const [A = 0, B = 0, C = 0, D = 0] = sizes;
  const within = (part: number, n: number): boolean =>
    part <= TARGET * n && part >= (1 - TARGET) * n;
  let best: [number, number, number, number] = [0, 0, 0, 0];
  let most = 0;
  // For given a, b and c the counts of the fourth cell that keep both cues within TARGET form an
  // interval whose ends follow from the four bounds, so they are computed, not searched: the
  // search over d made a 12-fold pack take minutes.
  // Counts only fall along each loop, so once a total cannot beat the best, nothing after can.
  for (let b = B; b >= 0 && b + C + A + D > most; b--) {
    for (let c = C; c >= 0 && b + c + A + D > most; c--) {
      for (let a = A; a >= 0 && a + b + c + D > most; a--) {
        const s = a + b + c;
        const top = Math.min((a + b) / (1 - TARGET), (a + c) / (1 - TARGET)) - s;
        const bottom = Math.max(0, Math.ceil(Math.max(a + b, a + c) / TARGET - s - 1e-9));
        const fits = (d: number): boolean => within(a + b, s + d) && within(a + c, s + d);
        // The bounds are exact up to rounding; the check at the edge is the one `within` makes.
        let d = Math.min(D, Math.floor(top + 1e-9));
        while (d >= bottom && s + d > most && !fits(d)) d--;
        if (d >= bottom && s + d > most && fits(d)) {
          most = s + d;
          best = [a, b, c, d];
        }
      }
    }
  }
  return best;
}

/** Swap short true items in and long ones out (and the reverse for false) until length says nothing. */
function balanceLength(cells: readonly TrueFalseItem[][], chosen: TrueFalseItem[][]): void {
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
      const isTrue = i < 2;
      const wantShort = isTrue === wantShortTrue;
      // The last chosen goes first: items no other quiz item teaches stay.
      const out = [...picked].reverse().find((x) => x.prompt.length > cut === wantShort);
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
