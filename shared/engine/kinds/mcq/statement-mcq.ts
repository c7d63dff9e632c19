import type { Fact, Reference } from '../../../pack/schema.ts';
import { isAskedAsStatement } from '../../items/statement-facts.ts';
import type { RelationId } from '../../../pack/relations.ts';
import { leadReference, referenceLabel } from '../../citations.ts';
import { isEntityObject, type PackIndex } from '../../pack-index.ts';
import { optionSentence } from '../../phrasing.ts';
import { tieBreaker } from '../../rng.ts';
import { isWhereModifier } from '../../claims.ts';
import { asRelation, effectivePolarity, relationFamily, statementOf } from '../../semantics.ts';
import type { ChoiceOption, McqItem, Statement } from '../../types.ts';
import { readsAlike, saidVerb } from '../../items/test-wise.ts';
import {
  arrange,
  base,
  explain,
  rationaleFor,
  SELECTION_SEED,
  type GenContext,
} from '../../items/common.ts';
import { falseContext, falseStatements, type Corruption } from '../true-false/generate.ts';

/**
 * "Which of the following did Lee EJ et al. 2015 report?" — single best answer among four
 * statements about one source: one of its findings, and three of its other findings turned false
 * (polarity flipped, or another entity swapped in), each refuted by that same source. The wrong
 * options are as close as distractors get: same study, same methods, same vocabulary.
 */

/** How often one false statement may serve as a distractor, so items do not all look alike. */
const MAX_REUSE = 3;
const DISTRACTORS = 3;

function stem(reference: Reference): string {
  const label = referenceLabel(reference);
  switch (reference.kind) {
    case 'target-review':
      return `Which of the following does the review (${label}) state?`;
    case 'companion-review':
      return `Which of the following does a later review (${label}) state?`;
    case 'primary':
      return `Which of the following did ${label} report?`;
    case 'secondary':
    case 'other':
    case 'textbook':
      return `Which of the following does ${label} state?`;
  }
}

function entitiesOf(fact: Fact): string[] {
  return [fact.subject, ...fact.coSubjects, ...(isEntityObject(fact) ? [fact.object] : [])];
}

interface Prepared {
  readonly corruption: Corruption;
  readonly text: string;
  readonly pair: string;
  /** The facts that refute it, as the evidence cites them. */
  readonly refuting: readonly Fact[];
  readonly family: string;
  /** +1 raises/promotes, −1 lowers/suppresses, 0 neither. */
  readonly polarity: number;
}

function shapeOf(relation: RelationId, modifier: string | undefined) {
  return { family: relationFamily(relation), polarity: effectivePolarity(relation, modifier) };
}

/**
 * One source's false statements, looked up the two ways a distractor may be near a fact: sharing
 * one of its entities, or its topic. Both within one relation family, since options of another
 * shape ("was first identified in 1992" among effects) give the answer away.
 */
interface SourcePool {
  readonly byEntity: Map<string, Prepared[]>;
  readonly byTopic: Map<string, Prepared[]>;
}

const bucketKey = (family: string, key: string): string => `${family}\u0001${key}`;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The pool grouped by the source that refutes each statement: the only ones a stem may use. */
function bySource(index: PackIndex, pool: readonly Corruption[]): Map<string, SourcePool> {
  const out = new Map<string, SourcePool>();
  for (const c of pool) {
    if (c.candidate.pathway !== undefined) continue;
    const source = leadReference(index, c.candidate.framedOn).id;
    const refutedHere = c.candidate.evidence.factIds.some((id) =>
      index.factById.get(id)?.references.includes(source),
    );
    if (!refutedHere) continue;
    const s = c.candidate.statement;
    let text: string | undefined;
    const prepared: Prepared = {
      corruption: c,
      // Phrased when first weighed: most false statements are near no fact of their source.
      get text() {
        text ??= optionSentence(index, c.candidate.statement, falseContext(c.candidate));
        return text;
      },
      pair: `${s.subject.entityId}>${s.object}`,
      refuting: c.candidate.evidence.factIds
        .map((id) => index.evidence.factById.get(id))
        .filter((f): f is Fact => f !== undefined),
      ...shapeOf(asRelation(s.relation), s.subject.modifier),
    };
    let lookup = out.get(source);
    if (!lookup) {
      lookup = { byEntity: new Map(), byTopic: new Map() };
      out.set(source, lookup);
    }
    for (const entity of new Set(entitiesOf(c.fact))) {
      push(lookup.byEntity, bucketKey(prepared.family, entity), prepared);
    }
    push(lookup.byTopic, bucketKey(prepared.family, c.fact.topic), prepared);
  }
  return out;
}

/**
 * How many statements of one bucket a fact weighs at a time. The bundled pack's buckets hold at
 * most 8, so there every near statement is weighed; in a pack many times larger, a fact weighs a
 * window of each bucket (placed by its id, moved on when the window has too few left, at most
 * MAX_ROUNDS times), which keeps the work per fact bounded instead of growing with the pack.
 */
export const WINDOW = 16;
const MAX_ROUNDS = 4;

export function windowOf<T>(list: readonly T[], key: string, round: number): readonly T[] {
  if (list.length <= WINDOW) return round === 0 ? list : [];
  const start = (tieBreaker(SELECTION_SEED, key) + round * WINDOW) % list.length;
  if (round * WINDOW >= list.length) return [];
  const end = start + Math.min(WINDOW, list.length - round * WINDOW);
  return end <= list.length
    ? list.slice(start, end)
    : [...list.slice(start), ...list.slice(0, end - list.length)];
}

/** Rounds needed before every statement near this fact has been weighed once. */
function roundsFor(fact: Fact, lookup: SourcePool | undefined): number {
  if (!lookup) return 0;
  const family = relationFamily(fact.relation);
  const lengths = [fact.topic, ...entitiesOf(fact)].map((key, i) => {
    const map = i === 0 ? lookup.byTopic : lookup.byEntity;
    return map.get(bucketKey(family, key))?.length ?? 0;
  });
  return Math.min(MAX_ROUNDS, Math.max(1, Math.ceil(Math.max(...lengths) / WINDOW)));
}

/**
 * Whether a wrong statement sits near the correct one: a fact refuting it shares the correct
 * fact's topic, one of its entities, or a pathway. Anything farther is guessable as off-topic.
 */
export function nearFinding(index: PackIndex, home: Fact, refuting: readonly Fact[]): boolean {
  return nearTo(index, home)(refuting);
}

/** `nearFinding` for one correct fact, its entities and pathways gathered once for many tests. */
function nearTo(index: PackIndex, home: Fact): (refuting: readonly Fact[]) => boolean {
  const named = new Set(entitiesOf(home));
  const pathways = new Set((index.edgesByFact.get(home.id) ?? []).map((a) => a.pathway.id));
  return (refuting) =>
    refuting.some(
      (f) =>
        home.topic === f.topic ||
        entitiesOf(f).some((id) => named.has(id)) ||
        (index.edgesByFact.get(f.id) ?? []).some((b) => pathways.has(b.pathway.id)),
    );
}

/**
 * Wrong statements for a fact: its source's other findings, corrupted, nearest first, from the
 * windows of rounds 0 to `round` (each round widens the search; the nearest stay in it). Each
 * call weighs only the windows earlier calls have not; rounds are asked in increasing order.
 */
function candidateRounds(
  index: PackIndex,
  fact: Fact,
  lookup: SourcePool | undefined,
): (round: number) => Prepared[] {
  const own = new Set(entitiesOf(fact));
  // The true statement's own reversal would make a two-option guess.
  const pair = `${fact.subject}>${fact.object}`;
  const family = relationFamily(fact.relation);
  const near = nearTo(index, fact);
  const weighed = new Set<Prepared>();
  const kept: { p: Prepared; near: number; tie: number }[] = [];
  const weigh = (p: Prepared): void => {
    if (weighed.has(p)) return;
    weighed.add(p);
    // Statements on another subject and topic read as a different question: never in a bucket.
    if (p.corruption.fact.id === fact.id || p.pair === pair || !near(p.refuting)) return;
    kept.push({
      p,
      near: entitiesOf(p.corruption.fact).some((id) => own.has(id)) ? 0 : 1,
      tie: tieBreaker(SELECTION_SEED, `${fact.id}:${p.corruption.candidate.idSuffix}`),
    });
  };
  let next = 0;
  return (round) => {
    if (!lookup) return [];
    const topic = lookup.byTopic.get(bucketKey(family, fact.topic)) ?? [];
    for (; next <= round; next++) {
      for (const entity of own) {
        const bucket = lookup.byEntity.get(bucketKey(family, entity)) ?? [];
        for (const p of windowOf(bucket, `${fact.id}:${entity}`, next)) weigh(p);
      }
      for (const p of windowOf(topic, `${fact.id}:topic`, next)) weigh(p);
    }
    return [...kept].sort((a, b) => a.near - b.near || a.tie - b.tie).map(({ p }) => p);
  };
}

/**
 * What a statement claims, whatever its setting: how its subject is changed (raised, blocked;
 * not where it was measured), its subjects, relation and object.
 */
export function claimKey(statement: Statement): string {
  const { subject, relation, object } = statement;
  const change =
    subject.modifier === undefined || isWhereModifier(subject.modifier) ? '' : subject.modifier;
  return [change, subject.entityId, ...subject.coSubjects, relation, object].join('|');
}

/**
 * Three distinct distractors, nearest first, one of them said with the answer's verb and of its
 * tone, so that neither "the only one that raises something" nor "the only 'promotes'" is a cue;
 * none otherwise.
 */
function pick(open: readonly Prepared[], key: Statement): Prepared[] | null {
  const picked: Prepared[] = [];
  const claims = new Set<string>();
  const sameVerb = open.find((p) => readsAlike(p.corruption.candidate.statement, key));
  if (!sameVerb) return null;
  picked.push(sameVerb);
  claims.add(claimKey(sameVerb.corruption.candidate.statement));
  for (const p of open) {
    if (picked.length === DISTRACTORS) break;
    // One claim once: "circulating IL-32γ lowers RANKL" and "local IL-32γ lowers RANKL" are one
    // reversed claim twice, which a test-wise student strikes out as a pair (audit D).
    const claim = claimKey(p.corruption.candidate.statement);
    if (claims.has(claim)) continue;
    claims.add(claim);
    picked.push(p);
  }
  return picked.length === DISTRACTORS ? picked : null;
}

export function statementMcqItems(ctx: GenContext): McqItem[] {
  const { index } = ctx;
  const pools = bySource(index, falseStatements(ctx));
  const used = new Map<string, number>();
  const items: McqItem[] = [];
  const facts = index.pack.facts
    .filter((f) => isAskedAsStatement(index, f))
    // High-yield findings claim the distractors first.
    .sort((a, b) => Number(b.highYield) - Number(a.highYield));
  for (const fact of facts) {
    const source = leadReference(index, fact);
    const lookup = pools.get(source.id);
    if (!lookup) continue;
    const statement = statementOf(fact);
    const verb = saidVerb(statement);
    let said: string | undefined;
    const sayTrue = (): string =>
      (said ??= optionSentence(index, { ...statement, relation: verb }, fact.context));
    const candidatesUpTo = candidateRounds(index, fact, lookup);
    let picked: Prepared[] | null = null;
    for (let round = 0; picked === null && round < roundsFor(fact, lookup); round++) {
      const fresh = candidatesUpTo(round).filter(
        (p) => (used.get(p.corruption.candidate.idSuffix) ?? 0) < MAX_REUSE,
      );
      // Without one said alike `pick` finds nothing: nothing is phrased to learn it.
      if (!fresh.some((p) => readsAlike(p.corruption.candidate.statement, statement))) continue;
      picked = pick(
        fresh.filter((p) => p.text !== sayTrue()),
        statement,
      );
    }
    if (picked === null) continue;
    const trueText = sayTrue();
    const chosen = picked.map((p) => p.corruption);
    for (const c of chosen) {
      used.set(c.candidate.idSuffix, (used.get(c.candidate.idSuffix) ?? 0) + 1);
    }
    const id = `mcq-statement:${fact.id}`;
    const options: ChoiceOption[] = [
      { id: `fact:${fact.id}`, text: trueText, correct: true, statement },
      ...picked.map(({ corruption: c, text }) => ({
        id: c.candidate.idSuffix,
        text,
        correct: false,
        statement: c.candidate.statement,
        evidence: c.candidate.evidence,
        rationale: rationaleFor(ctx, 'this one', c.candidate.evidence),
      })),
    ];
    const evidenceFacts = chosen
      .flatMap((c) => c.candidate.evidence.factIds)
      .map((fid) => index.factById.get(fid))
      .filter((f): f is Fact => f !== undefined && f.id !== fact.id);
    items.push({
      kind: 'mcq',
      ...base(ctx, {
        id,
        prompt: stem(source),
        explanation: explain(ctx, `Correct: ${trueText}`, [fact]),
        facts: [fact, ...new Map(evidenceFacts.map((f) => [f.id, f])).values()],
        difficulty: fact.subjectModifier !== undefined ? 3 : 2,
        family: `fact:${fact.id}:statement`,
      }),
      claim: { kind: 'statement', referenceId: source.id },
      options: arrange(ctx, id, options),
    });
  }
  const order = new Map(index.pack.facts.map((f, i) => [f.id, i]));
  const rank = (item: McqItem): number => order.get(item.factIds[0] ?? '') ?? 0;
  return items.sort((a, b) => rank(a) - rank(b));
}
