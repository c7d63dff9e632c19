import { relationDef, type LevelStatus } from '../../../pack/relations.ts';
import type { Fact } from '../../../pack/schema.ts';
import { mentionsAny } from '../../normalize.ts';
import {
  entityOf,
  equivalents,
  formsOf,
  isBackgroundFact,
  isEntityObject,
  type PackIndex,
} from '../../pack-index.ts';
import { listText } from '../../names.ts';
import { capitalise, nameOf, objectPhrase, subjectPhrase } from '../../phrasing.ts';
import { textOf } from '../../relation-text.ts';
import { cellsPhrase, compartmentPhrase, settingCells } from '../../setting.ts';
import { rngFor, shuffled } from '../../rng.ts';
import { effectivePolarity, relationFamily, subjectOf } from '../../semantics.ts';
import type { MatchingFamily, MatchingItem } from '../../types.ts';
import { base, explain, type GenContext } from '../../items/common.ts';

/** One supported pairing: a left entity, a right label, and the fact behind it. */
export interface MatchingPair {
  readonly left: string;
  readonly leftText: string;
  readonly right: string;
  readonly fact: Fact;
}

const statusWords: Record<LevelStatus, string> = {
  raised: 'raised',
  reduced: 'reduced',
  'no-difference': 'no difference',
};

const statusWord = (fact: Fact): string | null => {
  const status = relationDef(fact.relation).levelStatus;
  return status === undefined ? null : statusWords[status];
};

/** "raised locally in the spinal joints", "reduced systemically", "no difference in bone marrow". */
export function statusLabel(index: PackIndex, fact: Fact): string | null {
  const word = statusWord(fact);
  if (word === null) return null;
  const systemic = fact.subjectModifier === 'systemic';
  const how = fact.subjectModifier === 'local' ? ' locally' : systemic ? ' systemically' : '';
  // "Reduced systemically" already says where; the circulation is not named twice.
  const places = fact.context.compartments.filter(
    (c) => !(systemic && mentionsAny(entityOf(index, c).name, ['systemic', 'circulation'])),
  );
  const where =
    places.length > 0 ? ` in ${listText(places.map((c) => compartmentPhrase(index, c)))}` : '';
  return `${word}${how}${where}`;
}

function diseaseOf(index: PackIndex, fact: Fact): string | undefined {
  if (isEntityObject(fact) && entityOf(index, fact.object).type === 'disease') return fact.object;
  return fact.context.diseases[0];
}

const usable = (index: PackIndex, fact: Fact): boolean =>
  fact.contested === undefined && !isBackgroundFact(index, fact);

/**
 * Every pairing the pack supports for one matching family and anchor. The generator picks from
 * it, and checkBank uses it to prove an item has exactly one correct matching.
 */
export function matchingPool(
  index: PackIndex,
  family: MatchingFamily,
  anchor: string | undefined,
): MatchingPair[] {
  switch (family) {
    case 'disease-status': {
      if (anchor === undefined) return [];
      const subjects = equivalents(index, anchor);
      return [...subjects].flatMap((s) =>
        (index.factsBySubject.get(s) ?? []).flatMap((fact) => {
          const disease = diseaseOf(index, fact);
          const label = statusLabel(index, fact);
          if (!usable(index, fact) || disease === undefined || label === null) return [];
          return [
            { left: disease, leftText: capitalise(nameOf(index, disease)), right: label, fact },
          ];
        }),
      );
    }
    case 'isoform-property':
      return index.pack.facts.flatMap((fact) => {
        if (!usable(index, fact) || entityOf(index, fact.subject).type !== 'isoform') return [];
        if (fact.relation === 'isoform-of' || fact.coSubjects.length > 0) return [];
        if (fact.subjectModifier !== undefined) return [];
        const text = textOf(fact.relation);
        const object = objectPhrase(index, fact.relation, fact.object, fact.objectDetail);
        // A property as a label: "The most abundant isoform of IL-32", "Promotes osteoclastogenesis".
        const verb = text.verb.replace(/^is\b\s*/, '');
        const label = capitalise(`${verb ? `${verb} ` : ''}${object}`);
        return [{ left: fact.subject, leftText: nameOf(index, fact.subject), right: label, fact }];
      });
    case 'inducer-setting': {
      if (anchor === undefined) return [];
      const objects = equivalents(index, anchor);
      return [...objects].flatMap((o) =>
        (index.factsByObject.get(o) ?? []).flatMap((fact) => {
          if (!usable(index, fact) || relationFamily(fact.relation) !== 'causal') return [];
          if (effectivePolarity(fact.relation, fact.subjectModifier) !== 1) return [];
          const cells = settingCells(index, fact.context);
          const where =
            cells.length > 0
              ? cellsPhrase(index, cells)
              : listText(fact.context.compartments.map((c) => compartmentPhrase(index, c)));
          if (where === '') return [];
          return [
            {
              left: fact.subject,
              leftText: capitalise(subjectPhrase(index, subjectOf(fact))),
              right: `in ${where}`,
              fact,
            },
          ];
        }),
      );
    }
  }
}

const supportSets = new WeakMap<readonly MatchingPair[], Set<string>>();

function isSupported(pool: readonly MatchingPair[], left: string, right: string): boolean {
  let keys = supportSets.get(pool);
  if (!keys) {
    keys = new Set(pool.map((p) => `${p.left}\u0000${p.right}`));
    supportSets.set(pool, keys);
  }
  return keys.has(`${left}\u0000${right}`);
}

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) =>
    Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]),
  );
}

/** How many ways the lefts can each take a distinct right with every pairing supported. */
export function countMatchings(
  pool: readonly MatchingPair[],
  lefts: readonly string[],
  rights: readonly string[],
): number {
  if (lefts.length !== rights.length || lefts.length > 6) return 0;
  return permutations(lefts.length).filter((perm) =>
    perm.every((r, l) => isSupported(pool, lefts[l] ?? '', rights[r] ?? '')),
  ).length;
}

const MAX_PAIRS = 4;

function choosePairs(pool: readonly MatchingPair[], index: PackIndex): MatchingPair[][] {
  const byLeft = new Map<string, MatchingPair[]>();
  for (const pair of pool) {
    const list = byLeft.get(pair.left);
    if (list) list.push(pair);
    else byLeft.set(pair.left, [pair]);
  }
  const lefts = [...byLeft.keys()].sort(
    (a, b) =>
      new Set(byLeft.get(a)?.map((p) => p.right)).size -
        new Set(byLeft.get(b)?.map((p) => p.right)).size || (a < b ? -1 : a > b ? 1 : 0),
  );
  const used = new Set<string>();
  const groups: MatchingPair[][] = [];
  let current: MatchingPair[] = [];
  const flush = (): void => {
    if (current.length >= 3) {
      groups.push(current);
      for (const p of current) used.add(p.fact.id);
    }
    current = [];
  };
  for (let round = 0; round < 3; round++) {
    for (const left of lefts) {
      if (current.some((p) => p.left === left)) continue;
      const options = (byLeft.get(left) ?? [])
        .filter((p) => !used.has(p.fact.id))
        .sort(
          (a, b) =>
            Number(b.fact.highYield) - Number(a.fact.highYield) || (a.fact.id < b.fact.id ? -1 : 1),
        );
      for (const pair of options) {
        if (current.some((p) => p.right === pair.right)) continue;
        const leftForms = [...current, pair].flatMap((p) => formsOf(index, p.left));
        if ([...current, pair].some((p) => mentionsAny(p.right, leftForms))) continue;
        const next = [...current, pair];
        const count = countMatchings(
          pool,
          next.map((p) => p.left),
          next.map((p) => p.right),
        );
        if (count !== 1) continue;
        current = next;
        break;
      }
      if (current.length === MAX_PAIRS) flush();
    }
    flush();
  }
  return groups;
}

function promptFor(index: PackIndex, family: MatchingFamily, anchor: string | undefined): string {
  switch (family) {
    case 'disease-status':
      return `Match each disease with the change in ${nameOf(index, anchor ?? '')} that the sources report in it, and where it was measured.`;
    case 'isoform-property':
      return 'Match each isoform with a finding the sources report for it.';
    case 'inducer-setting':
      return `Match each inducer with the cells or tissue in which the sources report it switching on ${nameOf(index, anchor ?? '')}.`;
  }
}

function anchorsFor(index: PackIndex, family: MatchingFamily): (string | undefined)[] {
  switch (family) {
    case 'isoform-property':
      return [undefined];
    case 'disease-status':
      return [...index.factsBySubject.keys()];
    case 'inducer-setting':
      return [...index.factsByObject.keys()];
  }
}

const families: readonly MatchingFamily[] = [
  'disease-status',
  'isoform-property',
  'inducer-setting',
];

/**
 * Matching exercises whose pairings the pack supports and whose solution is unique: only one
 * way to pair every left with a different right is backed by facts.
 */
export function matchingItems(ctx: GenContext): MatchingItem[] {
  const { index } = ctx;
  const items: MatchingItem[] = [];
  // Two anchors that are one entity under two names would give the same exercise twice.
  const seen = new Set<string>();
  for (const family of families) {
    for (const anchor of anchorsFor(index, family)) {
      const pool = matchingPool(index, family, anchor);
      if (new Set(pool.map((p) => p.left)).size < 3) continue;
      for (const pairs of choosePairs(pool, index)) {
        const key = `${family}:${pairs
          .map((p) => p.fact.id)
          .sort()
          .join('+')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const id = `matching:${family}:${anchor ?? 'all'}:${pairs.map((p) => p.left).join('+')}`;
        const letters = 'abcdef';
        const rights = shuffled(pairs, rngFor(ctx.seed, `right:${id}`)).map((p, i) => ({
          id: letters[i] ?? String(i),
          text: p.right,
        }));
        const rightId = (label: string): string => rights.find((r) => r.text === label)?.id ?? '';
        const lines = pairs.map((p) => `${p.leftText} — ${p.right}.`);
        items.push({
          kind: 'matching',
          ...base(ctx, {
            id,
            prompt: promptFor(index, family, anchor),
            explanation: explain(
              ctx,
              lines.join(' '),
              pairs.map((p) => p.fact),
            ),
            facts: pairs.map((p) => p.fact),
            difficulty: pairs.length >= 4 ? 3 : 2,
            family: id,
            entityIds: [...(anchor ? [anchor] : []), ...pairs.map((p) => p.left)],
          }),
          matchingFamily: family,
          ...(anchor ? { anchorEntityId: anchor } : {}),
          left: pairs.map((p) => ({ id: p.left, text: p.leftText, entityId: p.left })),
          right: rights,
          answer: pairs.map((p) => ({
            leftId: p.left,
            rightId: rightId(p.right),
            factId: p.fact.id,
          })),
        });
      }
    }
  }
  return items;
}
