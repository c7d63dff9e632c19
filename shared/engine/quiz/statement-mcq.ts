import type { Fact, Pathway, Reference } from '../../pack/schema.ts';
import { relationDef } from '../../pack/relations.ts';
import { leadReference, pathwayFraming, referenceLabel } from '../citations.ts';
import { viewPathway, type PathwayView } from '../graph.ts';
import { midSentenceName, withoutParenthetical } from '../names.ts';
import {
  classOf,
  entityOf,
  isBackgroundEntity,
  isBackgroundFact,
  isEntityObject,
  relatedSubjects,
  type PackIndex,
} from '../pack-index.ts';
import { optionSentence } from '../phrasing.ts';
import { tieBreaker } from '../rng.ts';
import type { RelationId } from '../../pack/relations.ts';
import {
  asRelation,
  effectivePolarity,
  provablyFalse,
  relationFamily,
  statementKey,
  statementOf,
} from '../semantics.ts';
import type { ChoiceOption, Evidence, McqItem, Statement } from '../types.ts';
import {
  arrange,
  base,
  explain,
  rationaleFor,
  roleOf,
  SELECTION_SEED,
  type GenContext,
} from './common.ts';
import { pathwayOfFact } from './mcq.ts';
import { edgeIsSolid, relationForSign } from './pathway-items.ts';
import { falseContext, falseStatements, type Corruption } from './true-false.ts';

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

const shares = (a: readonly string[], b: readonly string[]): boolean =>
  a.some((x) => b.includes(x));

function entitiesOf(fact: Fact): string[] {
  return [fact.subject, ...fact.coSubjects, ...(isEntityObject(fact) ? [fact.object] : [])];
}

interface Prepared {
  readonly corruption: Corruption;
  readonly text: string;
  readonly pair: string;
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
    const prepared: Prepared = {
      corruption: c,
      text: optionSentence(index, c.candidate.statement, falseContext(c.candidate)),
      pair: `${s.subject.entityId}>${s.object}`,
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
 * Wrong statements for a fact: its source's other findings, corrupted, nearest first, from the
 * windows of rounds 0 to `round` (each round widens the search; the nearest stay in it).
 */
function candidatesFor(fact: Fact, lookup: SourcePool | undefined, round: number): Prepared[] {
  if (!lookup) return [];
  const own = entitiesOf(fact);
  // The true statement's own reversal would make a two-option guess.
  const pair = `${fact.subject}>${fact.object}`;
  const family = relationFamily(fact.relation);
  const near = new Set<Prepared>();
  const topic = lookup.byTopic.get(bucketKey(family, fact.topic)) ?? [];
  for (let r = 0; r <= round; r++) {
    for (const entity of new Set(own)) {
      const bucket = lookup.byEntity.get(bucketKey(family, entity)) ?? [];
      for (const p of windowOf(bucket, `${fact.id}:${entity}`, r)) near.add(p);
    }
    for (const p of windowOf(topic, `${fact.id}:topic`, r)) near.add(p);
  }
  // Statements on another subject and topic read as a different question: never in a bucket.
  return [...near]
    .filter((p) => p.corruption.fact.id !== fact.id && p.pair !== pair)
    .map((p) => ({
      p,
      near: shares(own, entitiesOf(p.corruption.fact)) ? 0 : 1,
      tie: tieBreaker(SELECTION_SEED, `${fact.id}:${p.corruption.candidate.idSuffix}`),
    }))
    .sort((a, b) => a.near - b.near || a.tie - b.tie)
    .map(({ p }) => p);
}

/**
 * Three distinct distractors, nearest first, with one pointing the same way as the answer when
 * the source offers one, so that "the only one that raises something" is not a cue.
 */
function pick(open: readonly Prepared[], polarity: number): Prepared[] | null {
  const picked: Prepared[] = [];
  const texts = new Set<string>();
  const sameWay = open.find((p) => polarity !== 0 && p.polarity === polarity);
  if (sameWay) {
    picked.push(sameWay);
    texts.add(sameWay.text);
  }
  for (const p of open) {
    if (picked.length === DISTRACTORS) break;
    if (texts.has(p.text)) continue;
    texts.add(p.text);
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
    .filter((f) => f.contested === undefined && !isBackgroundFact(index, f))
    // High-yield findings claim the distractors first.
    .sort((a, b) => Number(b.highYield) - Number(a.highYield));
  for (const fact of facts) {
    const source = leadReference(index, fact);
    const statement = statementOf(fact);
    const trueText = optionSentence(index, statement, fact.context);
    const { polarity } = shapeOf(fact.relation, fact.subjectModifier);
    const lookup = pools.get(source.id);
    let picked: Prepared[] | null = null;
    for (let round = 0; picked === null && round < roundsFor(fact, lookup); round++) {
      const open = candidatesFor(fact, lookup, round).filter(
        (p) => (used.get(p.corruption.candidate.idSuffix) ?? 0) < MAX_REUSE && p.text !== trueText,
      );
      picked = pick(open, polarity);
    }
    if (picked === null) continue;
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

// ─── Framed on a pathway model ───────────────────────────────────────────────────────────────

/** How many model items one pathway panel gets: the figure is one topic, not twenty. */
const MAX_PER_MODEL = 5;

interface ModelStatement {
  readonly statement: Statement;
  readonly key: string;
  readonly entities: readonly string[];
  readonly polarity: number;
}

const emptyContext = { compartments: [], diseases: [] } as const;

/**
 * Statements a model may prove wrong: each edge turned round, and each source put on another node
 * of the target's kind. Cheap to list; whether the model really proves one wrong is asked only
 * for the few an item needs (see `Proofs`).
 */
function modelCandidates(index: PackIndex, view: PathwayView): ModelStatement[] {
  const pathway = view.pathway;
  const out = new Map<string, ModelStatement>();
  const entityOfNode = (id: string): string | undefined => view.nodeById.get(id)?.entity;
  const consider = (subject: string, relation: RelationId, object: string): void => {
    if (isBackgroundEntity(index, subject) || isBackgroundEntity(index, object)) return;
    // "IL-32γ increases IL-32": an isoform and its parent are one molecule to a learner.
    if (relatedSubjects(index, subject).has(object)) return;
    const statement: Statement = {
      subject: { entityId: subject, coSubjects: [] },
      relation,
      object,
      compartments: [],
      diseases: [],
      pathwayId: pathway.id,
    };
    const key = statementKey(statement);
    if (out.has(key)) return;
    out.set(key, {
      statement,
      key,
      entities: [subject, object],
      polarity: effectivePolarity(relation),
    });
  };
  for (const edge of view.edges) {
    if (!edgeIsSolid(index, edge)) continue;
    const signRelation = relationForSign(edge.sign);
    // "NFATc1 promotes osteoclast fusion", not "activates": processes are promoted.
    const toEntity = entityOfNode(edge.to);
    const relation =
      signRelation === 'activates' &&
      toEntity !== undefined &&
      classOf(entityOf(index, toEntity).type) !== 'molecule'
        ? 'promotes'
        : signRelation;
    const from = entityOfNode(edge.from);
    const to = entityOfNode(edge.to);
    if (relation === null || from === undefined || to === undefined) continue;
    const opposite = relationDef(relation).opposite;
    if (opposite !== undefined) consider(from, asRelation(opposite), to);
    const targetClass = classOf(entityOf(index, to).type);
    for (const node of view.nodes) {
      if (node.id === edge.to || classOf(entityOf(index, node.entity).type) !== targetClass)
        continue;
      const swapped =
        relation === 'promotes' && classOf(entityOf(index, node.entity).type) === 'molecule'
          ? 'activates'
          : relation;
      consider(from, swapped, node.entity);
    }
  }
  return [...out.values()];
}

/** Proofs and option texts, worked out once per candidate and only when an item asks. */
class Proofs {
  readonly #index: PackIndex;
  readonly #evidence = new Map<string, Evidence | null>();
  readonly #texts = new Map<string, string>();
  constructor(index: PackIndex) {
    this.#index = index;
  }
  evidence(m: ModelStatement): Evidence | null {
    let found = this.#evidence.get(m.key);
    if (found === undefined) {
      found = provablyFalse(this.#index, m.statement);
      this.#evidence.set(m.key, found);
    }
    return found;
  }
  text(m: ModelStatement): string {
    let found = this.#texts.get(m.key);
    if (found === undefined) {
      found = optionSentence(this.#index, m.statement, emptyContext);
      this.#texts.set(m.key, found);
    }
    return found;
  }
}

function modelStem(ctx: GenContext, pathway: Pathway, context: string | undefined): string {
  const panel = pathway.contexts.find((c) => c.id === context);
  const panelName = panel
    ? withoutParenthetical(midSentenceName({ name: panel.label, type: 'disease' }))
    : undefined;
  return `${pathwayFraming(ctx.index, pathway, undefined, panelName)}, which of the following is correct?`;
}

/**
 * "In the review's Figure 1 model, which of the following is correct?": one fact the model
 * draws, against three statements the model proves wrong — an arrow turned round, or a node
 * credited with an effect the model does not give it.
 */
export function modelStatementMcqItems(ctx: GenContext): McqItem[] {
  const { index } = ctx;
  const items: McqItem[] = [];
  for (const pathway of index.pack.pathways) {
    const contexts = pathway.contexts.length > 0 ? pathway.contexts.map((c) => c.id) : [undefined];
    for (const context of contexts) {
      const view = viewPathway(pathway, context);
      const candidates = modelCandidates(index, view);
      const proofs = new Proofs(index);
      const used = new Map<string, number>();
      const drawn = view.edges
        .filter((e) => edgeIsSolid(index, e))
        .flatMap((e) => e.factIds)
        .map((id) => index.factById.get(id))
        .filter(
          (f): f is Fact =>
            f !== undefined &&
            f.contested === undefined &&
            !isBackgroundFact(index, f) &&
            relationFamily(f.relation) === 'causal' &&
            pathwayOfFact(index, f)?.id === pathway.id,
        );
      const facts = [...new Map(drawn.map((f) => [f.id, f])).values()].sort(
        (a, b) => Number(b.highYield) - Number(a.highYield) || (a.id < b.id ? -1 : 1),
      );
      let made = 0;
      for (const fact of facts) {
        if (made >= MAX_PER_MODEL) break;
        const statement: Statement = {
          ...statementOf(fact),
          compartments: [],
          diseases: [],
          pathwayId: pathway.id,
        };
        const trueText = optionSentence(index, statement, emptyContext);
        const pair = `${fact.subject}>${fact.object}`;
        const polarity = effectivePolarity(fact.relation, fact.subjectModifier);
        const ordered = candidates
          .filter(
            (m) =>
              `${m.statement.subject.entityId}>${m.statement.object}` !== pair &&
              (used.get(m.key) ?? 0) < MAX_REUSE,
          )
          .map((m) => ({
            m,
            near: m.entities.some((e) => e === fact.subject || e === fact.object) ? 0 : 1,
            tie: tieBreaker(SELECTION_SEED, `${pathway.id}:${fact.id}:${m.key}`),
          }))
          .sort((a, b) => a.near - b.near || a.tie - b.tie)
          .map(({ m }) => m);
        const chosen: ModelStatement[] = [];
        const texts = new Set([trueText]);
        const take = (m: ModelStatement): void => {
          if (chosen.length >= DISTRACTORS || chosen.includes(m)) return;
          if (proofs.evidence(m) === null || texts.has(proofs.text(m))) return;
          texts.add(proofs.text(m));
          chosen.push(m);
        };
        // One pointing the same way as the answer first, when the model proves one wrong.
        for (const m of ordered) {
          if (polarity === 0 || m.polarity !== polarity) continue;
          take(m);
          if (chosen.length > 0) break;
        }
        for (const m of ordered) take(m);
        if (chosen.length < DISTRACTORS) continue;
        for (const m of chosen) used.set(m.key, (used.get(m.key) ?? 0) + 1);
        made++;
        const id = `mcq-model:${pathway.id}${context ? `@${context}` : ''}:${fact.id}`;
        const options: ChoiceOption[] = [
          { id: `fact:${fact.id}`, text: trueText, correct: true, statement },
          ...chosen.map((m) => {
            const evidence = proofs.evidence(m) ?? { basis: 'pathway-role' as const, factIds: [] };
            return {
              id: m.key,
              text: proofs.text(m),
              correct: false,
              statement: m.statement,
              evidence,
              rationale: rationaleFor(ctx, 'this one', evidence, pathway, m.statement.object),
            };
          }),
        ];
        const evidenceFacts = chosen
          .flatMap((m) => proofs.evidence(m)?.factIds ?? [])
          .map((fid) => index.factById.get(fid))
          .filter(
            (f): f is Fact => f !== undefined && f.id !== fact.id && f.contested === undefined,
          );
        items.push({
          kind: 'mcq',
          ...base(ctx, {
            id,
            prompt: modelStem(ctx, pathway, context),
            explanation: explain(
              ctx,
              `Correct: ${trueText}`,
              [fact],
              [roleOf(ctx, pathway, fact.object, fact.subject)],
            ),
            facts: [fact, ...new Map(evidenceFacts.map((f) => [f.id, f])).values()],
            difficulty: 2,
            family: `fact:${fact.id}:model`,
            pathway,
            edgeIds: view.edges.filter((e) => e.factIds.includes(fact.id)).map((e) => e.id),
          }),
          claim: {
            kind: 'statement',
            referenceId: pathway.references[0] ?? index.reviewReferenceId,
            pathwayId: pathway.id,
          },
          options: arrange(ctx, id, options),
        });
      }
    }
  }
  return items;
}
