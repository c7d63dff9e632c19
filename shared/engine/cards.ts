import type { Entity, Fact } from '../pack/schema.ts';
import { isDefinitionalCause } from './items/statement-facts.ts';
import { relationDef, type RelationId } from '../pack/relations.ts';
import { citationsForFact, leadCitation, mergeCitations, sourceFraming } from './citations.ts';
import { clozeFromFactText, clozeOfPartner, isTrivia, namesItsSource } from './cloze-text.ts';
import {
  definitionParts,
  definitionQuestion,
  entityCards,
  type EntityCard,
} from './entity-cards.ts';
import { midSentenceName, withArticle } from './names.ts';
import { pairKey } from './evidence.ts';
import { mentionsAny } from './normalize.ts';
import { cascadeLevels } from './graph.ts';
import { capHighYield } from './items/high-yield.ts';
import {
  formsOf,
  isBackgroundEntity,
  isBackgroundFact,
  isEntityObject,
  type PackIndex,
} from './pack-index.ts';
import { capitalise, countedName } from './phrasing.ts';
import { templatedCloze } from './questions.ts';
import { remarkLine } from './setting.ts';
import type { StudyCard } from './types.ts';

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
  treats: 2,
  'has-adverse-effect': 2,
} as const satisfies Record<RelationId, Tier>;

type Unranked = Omit<StudyCard, 'teachingRank'> & {
  readonly sortKey: readonly (number | string)[];
};

function pathwaysOfFact(index: PackIndex, factId: string): string[] {
  return [...new Set((index.edgesByFact.get(factId) ?? []).map((r) => r.pathway.id))];
}

/**
 * "IL-32 is…" stays; "Exogenous IL-32γ…" → "exogenous IL-32γ…" and "A human…" → "a human…"
 * after a leading clause.
 */
export function lowerStart(text: string): string {
  return /^[A-Z](?:[a-z]|\s)/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/**
 * A fact's one card: its sentence with the answer blanked, or a templated sentence where the
 * fact's own wording cannot be blanked to one answer. No forward or reverse question: "What does
 * IL-32 induce?" has many true answers in the open world whatever the pack says, while the
 * sentence keeps the fact's setting and so its one answer.
 */
function factCard(index: PackIndex, fact: Fact, level: number): Unranked | null {
  const cloze = clozeSides(index, fact);
  if (cloze === null) return null;
  const entityObject = isEntityObject(fact);
  const contested = fact.contested ? ` Contested: ${fact.contested.note}` : '';
  const citations = citationsForFact(index, fact);
  const lead = leadCitation(index, fact);
  const source = lead ? ` — ${lead.label}` : '';
  const remark = remarkLine(fact.context.note, fact.text);
  const entityIds = [fact.subject, ...fact.coSubjects, ...(entityObject ? [fact.object] : [])];
  // An is-a fact is its subject's definition card (entity-cards.ts makes none for it), answered
  // with the pack's definition of the term: the fact's bare category ("A pro-inflammatory
  // cytokine") fits any interleukin (audit 20261231).
  const defined = fact.relation === 'is-a' ? index.entityById.get(fact.subject) : undefined;
  return {
    id: defined ? `entity-definition:${fact.subject}` : `fact-cloze:${fact.id}`,
    kind: defined ? 'entity-definition' : 'fact-cloze',
    front: cloze.front,
    back: defined ? definitionParts(defined, formsOf(index, defined.id)).head : cloze.back,
    note: `${fact.text}${source}.${remark ? ` ${remark}` : ''}${contested}`,
    factIds: [fact.id, ...alsoStated(index, fact, cloze.front)],
    entityIds: [...new Set(entityIds)],
    topic: fact.topic,
    pathwayIds: pathwaysOfFact(index, fact.id),
    citations,
    highYield: fact.highYield,
    sortKey: [relationTier[fact.relation], level, fact.highYield ? 0 : 1, fact.id],
  };
}

/**
 * Facts of the same subject and relation whose answer the front states ("proposed as a
 * therapeutic target and _____" states F133 on F132's card): the card teaches and cites them too.
 */
function alsoStated(index: PackIndex, fact: Fact, front: string): string[] {
  return (index.factsBySubjectRelation.get(pairKey(fact.subject, fact.relation)) ?? [])
    .filter(
      (other) =>
        other.id !== fact.id &&
        isEntityObject(other) &&
        other.object !== fact.object &&
        mentionsAny(front, formsOf(index, other.object)),
    )
    .map((other) => other.id);
}

/** A contested finding is said as its source's, never as settled (audit I); its note says more. */
function contestedFraming(index: PackIndex, fact: Fact, front: string): string {
  if (fact.contested === undefined || namesItsSource(front)) return front;
  return `${sourceFraming(index, fact)}, ${lowerStart(front)}`;
}

function clozeSides(index: PackIndex, fact: Fact): { front: string; back: string } | null {
  // A link true by definition ("bone homeostasis rests on osteoblasts and osteoclasts") takes
  // any synonym in its blank ("bone remodelling") and tests no finding (audit H).
  if (isTrivia(fact) || isDefinitionalCause(index, fact)) return null;
  const masked = clozeFromFactText(index, fact) ?? clozeOfPartner(index, fact);
  if (masked !== null)
    return { front: contestedFraming(index, fact, masked.text), back: capitalise(masked.form) };
  // "Osteoporosis is _____." and "IL-32 as a _____" take many answers, broader and narrower
  // categories alike (audits I and 20261230): the fact is asked as the definition it is, the
  // term's one card (entity-cards.ts gives the term none of its own).
  if (fact.relation === 'is-a') return definitionSides(index, fact);
  const templated = templatedCloze(index, fact);
  if (templated === null || templated.alsoAccepted.length > 0) return null;
  return {
    // "According to the review's abstract, …the review's abstract rates…" says it twice (audit J).
    // A cause's effects are open: "the ligand _____" is one answer only within its source, so
    // the front names it ("IL-32γ raises TNF-α too", audit S).
    front:
      (templated.framedOnSource || relationDef(fact.relation).openObject === true) &&
      !namesItsSource(templated.text)
        ? `${sourceFraming(index, fact)}, ${lowerStart(templated.text)}`
        : contestedFraming(index, fact, templated.text),
    back: isEntityObject(fact) ? capitalise(countedName(index, fact.object)) : fact.object,
  };
}

/** "What is IL-32?" → "A pro-inflammatory cytokine.": a definition has many right wordings, self-graded. */
function definitionSides(index: PackIndex, fact: Fact): { front: string; back: string } | null {
  const subject = index.entityById.get(fact.subject);
  const category = index.entityById.get(fact.object);
  if (subject === undefined || category === undefined) return null;
  return {
    front: definitionQuestion(subject),
    back: `${capitalise(withArticle(midSentenceName(category)))}.`,
  };
}

/** Glossary cards of an entity, placed at its cascade level, high-yield first. */
function rankedEntityCards(index: PackIndex, entity: Entity, level: number): Unranked[] {
  return entityCards(index, entity).map((card: EntityCard) => ({
    ...card,
    sortKey: [ENTITY_TIER, level, card.highYield ? 0 : 1, entity.id],
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
 * Flashcards: one cloze card for every fact that is not background and has one answer, and a
 * definition card for every glossary term.
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
    .flatMap((fact) => {
      const card = factCard(index, fact, levelOfFact(fact));
      return card === null ? [] : [{ fact, card }];
    })
    .sort((a, b) => byKey(a.card, b.card));
  const ordered: Unranked[] = [];
  const introduce = (entityId: string): void => {
    const deck = entityDecks.get(entityId);
    if (!deck) return;
    entityDecks.delete(entityId);
    for (const card of deck) ordered.push(card);
  };
  // A card whose front states another fact ("a therapeutic target and _____") teaches it: that
  // fact's own card would show this one's answer the other way round (audit U).
  const stated = new Set<string>();
  for (const { fact, card } of factDecks) {
    if (stated.has(fact.id)) continue;
    for (const id of card.factIds) stated.add(id);
    const needed = [
      fact.subject,
      ...fact.coSubjects,
      ...(isEntityObject(fact) ? [fact.object] : []),
    ];
    for (const entityId of needed) introduce(entityId);
    ordered.push(card);
  }
  // Entities no fact uses come last, in their own order.
  for (const card of [...entityDecks.values()].flat().sort(byKey)) ordered.push(card);
  // Two facts can end in the same templated sentence: it is asked once, for both facts.
  const byFront = new Map<string, Unranked>();
  for (const card of ordered) {
    const first = byFront.get(card.front);
    byFront.set(card.front, first === undefined ? card : mergeCards(first, card));
  }
  const distinct = [...byFront.values()];
  return capHighYield(
    index,
    distinct.map(({ sortKey: _sortKey, ...card }, teachingRank) => ({ ...card, teachingRank })),
  );
}
