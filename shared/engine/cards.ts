import type { Entity, Fact } from '../pack/schema.ts';
import { relationDef, type RelationId } from '../pack/relations.ts';
import { citationsForFact, mergeCitations, sourceFraming } from './citations.ts';
import { clozeFromFactText } from './cloze-text.ts';
import { entityCards, type EntityCard } from './entity-cards.ts';
import { cascadeLevels } from './graph.ts';
import {
  isBackgroundEntity,
  isBackgroundFact,
  isEntityObject,
  type PackIndex,
} from './pack-index.ts';
import {
  answerPhrase,
  capitalise,
  countedName,
  nameOf,
  subjectPhrase,
  textOf,
} from './phrasing.ts';
import {
  forwardQuestion,
  reverseQuestion,
  templatedCloze,
  type OpenQuestion,
} from './questions.ts';
import { isReviewSubject } from './review-subject.ts';
import { subjectOf } from './semantics.ts';
import { remarkNote } from './setting.ts';
import type { CardKind, StudyCard } from './types.ts';

// The cloze quiz item blanks the same sentence; it imports it from here.
export { clozeFromFactText } from './cloze-text.ts';

/** Teaching tiers: what a student must know before the next tier makes sense. */
type Tier = 0 | 1 | 2 | 3 | 4;
const ENTITY_TIER: Tier = 0;
const relationTier = {
  'is-a': 1,
  'also-known-as': 1,
  'function-first-reported-in': 1,
  'first-identified-in': 1,
  'most-abundant-isoform-of': 1,
  'predominant-isoform-in': 1,
  'has-isoform-count': 1,
  'isoform-of': 1,
  'most-active-isoform-of': 1,
  'spliced-into': 1,
  'located-at': 1,
  'discovered-via': 1,
  'lacks-homology-with': 1,
  'absent-in': 1,
  'produced-by': 1,
  'detected-in': 1,
  'induces-expression-of': 2,
  increases: 2,
  decreases: 2,
  activates: 2,
  inhibits: 2,
  promotes: 2,
  suppresses: 2,
  targets: 2,
  'required-for': 2,
  'synergizes-with': 2,
  binds: 2,
  'does-not-induce': 2,
  'acts-mainly-on': 2,
  outweighs: 2,
  disrupts: 2,
  regulates: 2,
  'fails-to-inhibit': 2,
  'associated-with': 3,
  'correlates-positively-with': 3,
  'correlates-inversely-with': 3,
  'elevated-in': 3,
  'reduced-in': 3,
  'no-difference-in': 3,
  'proposed-as': 4,
} as const satisfies Record<RelationId, Tier>;

const kindOrder: Record<CardKind, number> = {
  'entity-definition': 0,
  'entity-name': 1,
  'fact-forward': 0,
  'fact-reverse': 1,
  'fact-cloze': 2,
};

type Unranked = Omit<StudyCard, 'teachingRank'> & {
  readonly sortKey: readonly (number | string)[];
};

function pathwaysOfFact(index: PackIndex, factId: string): string[] {
  return [...new Set((index.edgesByFact.get(factId) ?? []).map((r) => r.pathway.id))];
}

/** "IL-1β (also correct: TNF-α, IL-6)": the back of a "name one" card. */
function withAlternatives(index: PackIndex, answer: string, others: readonly string[]): string {
  if (others.length === 0) return answer;
  const names = others.map((id) => (index.entityById.has(id) ? nameOf(index, id) : id));
  return `${answer} (also correct: ${names.join(', ')})`;
}

/** "IL-32 is…" stays; "Exogenous IL-32γ…" → "exogenous IL-32γ…" after a leading clause. */
function lowerStart(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/**
 * A reverse card only where its answer is one thing worth asking for: not the review's own
 * subject (every "what induces X?" would answer IL-32), one entity without a modifier or a
 * partner ("low DKK-1", "IL-32 and IL-17 together"), and a question the answer's type makes
 * unique ("which microRNA targets DKK-1?"). "What promotes joint swelling?" has many true
 * answers in the world whatever the pack says; one made unique only by its source ("according
 * to Moon 2012") asks who found it, one that lists the others ("besides TNF-α") is an "among
 * others" answer.
 */
function reverseHasOneAnswer(index: PackIndex, fact: Fact, reverse: OpenQuestion): boolean {
  if (fact.coSubjects.length > 0 || fact.subjectModifier !== undefined) return false;
  if (isReviewSubject(index, fact.subject)) return false;
  return reverse.narrowedBy === 'type';
}

function factCards(index: PackIndex, fact: Fact, level: number): Unranked[] {
  const entityObject = isEntityObject(fact);
  const answer = answerPhrase(index, fact);
  const contested = fact.contested ? ` Contested: ${fact.contested.note}` : '';
  const citations = citationsForFact(index, fact);
  const source = citations[0] ? ` — ${citations[0].label}` : '';
  const remark = remarkNote(fact.context.note);
  const note = `${fact.text}${source}.${remark ? ` Note: ${remark}` : ''}${contested}`;
  const entityIds = [fact.subject, ...fact.coSubjects, ...(entityObject ? [fact.object] : [])];
  const base = {
    factIds: [fact.id],
    entityIds: [...new Set(entityIds)],
    topic: fact.topic,
    pathwayIds: pathwaysOfFact(index, fact.id),
    citations,
    highYield: fact.highYield,
  };
  const tier = relationTier[fact.relation];
  const key = (kind: CardKind): (number | string)[] => [
    tier,
    level,
    fact.highYield ? 0 : 1,
    fact.id,
    kindOrder[kind],
  ];
  const forward = forwardQuestion(index, fact);
  const cards: Unranked[] = [
    {
      id: `fact-forward:${fact.id}`,
      kind: 'fact-forward',
      front: forward.text,
      back: withAlternatives(index, answer, forward.alsoAccepted),
      note,
      ...base,
      sortKey: key('fact-forward'),
    },
  ];
  const def = relationDef(fact.relation);
  const reverseTemplate = textOf(fact.relation).reverse;
  const reverse =
    entityObject && reverseTemplate && (def.symmetric || def.passive !== undefined)
      ? reverseQuestion(index, fact, reverseTemplate)
      : null;
  if (reverse !== null && reverseHasOneAnswer(index, fact, reverse)) {
    cards.push({
      id: `fact-reverse:${fact.id}`,
      kind: 'fact-reverse',
      front: reverse.text,
      back: withAlternatives(
        index,
        capitalise(subjectPhrase(index, subjectOf(fact))),
        reverse.alsoAccepted,
      ),
      note,
      ...base,
      sortKey: key('fact-reverse'),
    });
  }
  const masked = clozeFromFactText(index, fact);
  const templated = masked === null ? templatedCloze(index, fact) : null;
  const cloze =
    masked !== null
      ? { front: masked.text, back: capitalise(masked.form) }
      : templated !== null && templated.alsoAccepted.length === 0
        ? {
            front: templated.framedOnSource
              ? `${sourceFraming(index, fact)}, ${lowerStart(templated.text)}`
              : templated.text,
            back: entityObject ? capitalise(countedName(index, fact.object)) : fact.object,
          }
        : null;
  if (cloze !== null) {
    cards.push({
      id: `fact-cloze:${fact.id}`,
      kind: 'fact-cloze',
      front: cloze.front,
      back: cloze.back,
      note,
      ...base,
      sortKey: key('fact-cloze'),
    });
  }
  return cards;
}

/** Glossary cards of an entity, placed at its cascade level, high-yield first. */
function rankedEntityCards(index: PackIndex, entity: Entity, level: number): Unranked[] {
  return entityCards(index, entity).map((card: EntityCard) => ({
    ...card,
    sortKey: [ENTITY_TIER, level, card.highYield ? 0 : 1, entity.id, kindOrder[card.kind]],
  }));
}

/**
 * One card asked for two facts: it tests and cites both. Its entities stay the first fact's, so
 * it still comes after their definitions.
 */
function mergeCards(kept: Unranked, same: Unranked): Unranked {
  return {
    ...kept,
    factIds: [...new Set([...kept.factIds, ...same.factIds])],
    pathwayIds: [...new Set([...kept.pathwayIds, ...same.pathwayIds])],
    citations: mergeCitations([...kept.citations, ...same.citations]),
    highYield: kept.highYield && same.highYield,
  };
}

function compareKeys(a: readonly (number | string)[], b: readonly (number | string)[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

/**
 * Flashcards for every fact that is not background (forward, reverse where the relation reads
 * both ways, cloze) and every non-background entity (name → definition, definition → name).
 * Teaching order: facts by tier (definitions, then mechanisms, clinical findings, outlook), within
 * a tier upstream before downstream along the pathways (cascade level), then high-yield first;
 * each entity's definition cards come just before the first fact card that needs them.
 */
export function generateCards(index: PackIndex): StudyCard[] {
  const levels = cascadeLevels(index.pack.pathways);
  const maxLevel = Math.max(0, ...levels.values());
  const levelOfFact = (fact: Fact): number =>
    levels.get(fact.subject) ??
    (isEntityObject(fact) ? levels.get(fact.object) : undefined) ??
    maxLevel + 1;
  const byKey = (a: Unranked, b: Unranked): number => compareKeys(a.sortKey, b.sortKey);
  const entityDecks = new Map(
    index.pack.entities
      .filter((e) => !isBackgroundEntity(index, e.id))
      .map((e) => [e.id, rankedEntityCards(index, e, levels.get(e.id) ?? 0)] as const),
  );
  const factDecks = index.pack.facts
    .filter((f) => !isBackgroundFact(index, f))
    .map((f) => ({ fact: f, cards: factCards(index, f, levelOfFact(f)) }))
    .sort((a, b) => byKey(a.cards[0] as Unranked, b.cards[0] as Unranked));
  const ordered: Unranked[] = [];
  const introduce = (entityId: string): void => {
    const deck = entityDecks.get(entityId);
    if (!deck) return;
    entityDecks.delete(entityId);
    for (const card of deck) ordered.push(card);
  };
  for (const { fact, cards } of factDecks) {
    const needed = [
      fact.subject,
      ...fact.coSubjects,
      ...(isEntityObject(fact) ? [fact.object] : []),
    ];
    for (const entityId of needed) introduce(entityId);
    for (const card of cards) ordered.push(card);
  }
  // Entities no fact uses come last, in their own order.
  for (const card of [...entityDecks.values()].flat().sort(byKey)) ordered.push(card);
  // Two facts can end in the same "name one" question: it is asked once, for both facts.
  const byFront = new Map<string, Unranked>();
  for (const card of ordered) {
    const first = byFront.get(card.front);
    byFront.set(card.front, first === undefined ? card : mergeCards(first, card));
  }
  const distinct = [...byFront.values()];
  return distinct.map(({ sortKey: _sortKey, ...card }, teachingRank) => ({
    ...card,
    teachingRank,
  }));
}
