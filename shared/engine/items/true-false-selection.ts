import { tieBreaker } from '../rng.ts';
import type { TrueFalseItem } from '../types.ts';
import { SELECTION_SEED } from './common.ts';
import {
  CUE_TARGET,
  median,
  statementVerb,
  trueFalseCues,
  verbHits,
  wordRules,
} from './test-wise.ts';

/**
 * The true/false items to ask. Items fall in groups by what a student can read off a statement
 * without knowing the biology: its key (true or false), whether it has a negation word, whether its
 * claim lowers or denies, and its verb. Items leave the group whose loss most narrows the cues
 * ("always true", the two word rules, "the verb's usual answer") until every cue is within
 * CUE_TARGET; the last in a group leaves first. Within a group, items whose fact no other quiz item
 * teaches come first, then high-yield ones, then a fixed order by id. Then short true and long false
 * items are swapped in until the length cue is within CUE_TARGET too.
 */
export function selectTrueFalse(
  items: readonly TrueFalseItem[],
  taughtElsewhere: ReadonlySet<string>,
): TrueFalseItem[] {
  const priority = (i: TrueFalseItem): number =>
    (taughtElsewhere.has(factOf(i)) ? 2 : 0) + (i.highYield ? 0 : 1);
  const ordered = [...items].sort(
    (x, y) =>
      priority(x) - priority(y) ||
      tieBreaker(SELECTION_SEED, x.id) - tieBreaker(SELECTION_SEED, y.id),
  );
  // A high-yield fact no other item asks keeps its statement: every such fact is quizzed. A minor
  // one keeps one of its statements too, unless that leaves a cue winning.
  const needed = (i: TrueFalseItem): boolean => i.highYield && !taughtElsewhere.has(factOf(i));
  const groups = groupsOf(ordered);
  const covering = keptItems(
    groups,
    (item, statements) =>
      needed(item) || (!taughtElsewhere.has(factOf(item)) && statements(factOf(item)) === 1),
  );
  const chosen = covering.balanced ? covering.kept : keptItems(groups, needed).kept;
  const sole = soleStatements(chosen.flat());
  balanceLength(
    groups.map((group) => group.items),
    chosen,
    (item) =>
      needed(item) || (covering.balanced && !taughtElsewhere.has(factOf(item)) && sole.has(item)),
  );
  const keep = new Set(chosen.flat());
  // The order of the bank stays the generators' order.
  return items.filter((i) => keep.has(i));
}

function factOf(item: TrueFalseItem): string {
  return item.factIds[0] ?? '';
}

interface Group {
  /** Bit 2: a true key; bits 0 and 1: what the word rules predict ("true" when set). */
  readonly cell: number;
  /** Index of the statement's verb. */
  readonly verb: number;
  readonly items: readonly TrueFalseItem[];
}

/** Whether an item must stay, given how many statements each fact still has. */
type MustStay = (item: TrueFalseItem, statements: (factId: string) => number) => boolean;

/** The items that are their fact's only statement. */
function soleStatements(items: readonly TrueFalseItem[]): Set<TrueFalseItem> {
  const perFact = new Map<string, TrueFalseItem[]>();
  for (const item of items) perFact.set(factOf(item), [...(perFact.get(factOf(item)) ?? []), item]);
  return new Set([...perFact.values()].flatMap((list) => (list.length === 1 ? list : [])));
}

function cellOf(item: TrueFalseItem): number {
  return (
    (item.answer ? 4 : 0) +
    wordRules.reduce((sum, rule, bit) => sum + (rule(item) ? 1 << bit : 0), 0)
  );
}

function groupsOf(ordered: readonly TrueFalseItem[]): Group[] {
  const verbs = new Map<string, number>();
  const byKey = new Map<string, { cell: number; verb: number; items: TrueFalseItem[] }>();
  for (const item of ordered) {
    const verbName = statementVerb(item);
    const verb = verbs.get(verbName) ?? verbs.size;
    verbs.set(verbName, verb);
    const cell = cellOf(item);
    const key = `${cell}/${verb}`;
    const group = byKey.get(key) ?? { cell, verb, items: [] };
    group.items.push(item);
    byKey.set(key, group);
  }
  return [...byKey.values()];
}

/** What the cues see of a selection: counts per cell and, per verb, true and false statements. */
class Tally {
  readonly cells = Array.from({ length: 8 }, () => 0);
  readonly verbs: [number, number][];
  n = 0;
  allTrue = 0;

  constructor(groups: readonly Group[], counts: readonly number[]) {
    const verbCount = groups.reduce((max, g) => Math.max(max, g.verb + 1), 0);
    this.verbs = Array.from({ length: verbCount }, () => [0, 0]);
    for (const [i, group] of groups.entries()) this.add(group, counts[i] ?? 0);
  }

  add(group: Group, by: number): void {
    this.cells[group.cell] = (this.cells[group.cell] ?? 0) + by;
    const verb = this.verbs[group.verb];
    if (verb) verb[group.cell >= 4 ? 0 : 1] += by;
    this.n += by;
    if (group.cell >= 4) this.allTrue += by;
  }

  /** How far the cues lie beyond CUE_TARGET, summed. */
  excess(): number {
    const { n } = this;
    if (n === 0) return 0;
    const hits = (predictsTrue: (cell: number) => boolean): number =>
      this.cells.reduce((sum, c, cell) => sum + (predictsTrue(cell) === cell >= 4 ? c : 0), 0);
    const beyond = (share: number): number =>
      Math.max(0, Math.abs(share - 0.5) - (CUE_TARGET - 0.5));
    return (
      beyond(hits(() => true) / n) +
      beyond(hits((cell) => (cell & 1) !== 0) / n) +
      beyond(hits((cell) => (cell & 2) !== 0) / n) +
      Math.max(0, verbHits(this.verbs, this.allTrue, n) / n - CUE_TARGET)
    );
  }
}

/**
 * The items kept per group: one item at a time leaves the group whose loss brings the cues nearest
 * CUE_TARGET (the last of the group that may leave); `balanced` when every cue ends within it.
 */
function keptItems(
  groups: readonly Group[],
  mustStay: MustStay,
): { readonly kept: TrueFalseItem[][]; readonly balanced: boolean } {
  const kept = groups.map((group) => [...group.items]);
  const perFact = new Map<string, number>();
  for (const item of groups.flatMap((group) => group.items)) {
    perFact.set(factOf(item), (perFact.get(factOf(item)) ?? 0) + 1);
  }
  const statements = (factId: string): number => perFact.get(factId) ?? 0;
  const leaver = (list: readonly TrueFalseItem[]): number => {
    for (let i = list.length - 1; i >= 0; i--) {
      const item = list[i];
      if (item && !mustStay(item, statements)) return i;
    }
    return -1;
  };
  const tally = new Tally(
    groups,
    kept.map((list) => list.length),
  );
  while (tally.excess() > 1e-9) {
    let best = -1;
    let bestExcess = Infinity;
    for (const [i, group] of groups.entries()) {
      const list = kept[i] ?? [];
      if (leaver(list) < 0) continue;
      tally.add(group, -1);
      const after = tally.excess();
      tally.add(group, 1);
      // Ties go to the fuller group, which keeps the bank's mix of statements.
      if (
        after < bestExcess - 1e-12 ||
        (Math.abs(after - bestExcess) <= 1e-12 && list.length > (kept[best]?.length ?? 0))
      ) {
        best = i;
        bestExcess = after;
      }
    }
    const group = groups[best];
    const list = kept[best];
    if (!group || !list) return { kept, balanced: false };
    const [gone] = list.splice(leaver(list), 1);
    if (gone) perFact.set(factOf(gone), statements(factOf(gone)) - 1);
    tally.add(group, -1);
  }
  return { kept, balanced: true };
}

/** Swap short true items in and long ones out (and the reverse for false) until length says nothing. */
function balanceLength(
  cells: readonly (readonly TrueFalseItem[])[],
  chosen: TrueFalseItem[][],
  needed: (item: TrueFalseItem) => boolean,
): void {
  for (let step = 0; step < 200; step++) {
    const all = chosen.flat();
    if (all.length === 0 || trueFalseCues(all).longerTrue <= CUE_TARGET) return;
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
