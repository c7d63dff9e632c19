import type { Entity, Fact } from '../pack/schema.ts';
import { relationDef, type RelationId } from '../pack/relations.ts';
import { citationsForFact, citationsForFacts } from './citations.ts';
import { cascadeLevels } from './graph.ts';
import { mentionsAny } from './normalize.ts';
import {
  formsOf,
  isBackgroundEntity,
  isBackgroundFact,
  isEntityObject,
  type PackIndex,
} from './pack-index.ts';
import {
  capitalise,
  contextPhrase,
  nameOf,
  objectPhrase,
  fillSubject,
  subjectPhrase,
  subjectVerb,
  textOf,
} from './phrasing.ts';
import { statementOf } from './semantics.ts';
import type { CardKind, StudyCard } from './types.ts';

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

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Masks every written form of a thing in a text; null if none was found. */
export function maskForms(text: string, forms: readonly string[], mask: string): string | null {
  let out = text;
  let found = false;
  const lower = text.toLowerCase();
  for (const form of [...forms].sort((a, b) => b.length - a.length)) {
    if (!lower.includes(form.toLowerCase())) continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(form)}(?![\\p{L}\\p{N}])`, 'giu');
    if (pattern.test(out)) {
      found = true;
      out = out.replace(pattern, mask);
    }
  }
  return found ? out : null;
}

function withContext(question: string, context: string): string {
  return question.endsWith('?') ? `${question.slice(0, -1)}${context}?` : `${question}${context}`;
}

function pathwaysOfFact(index: PackIndex, factId: string): string[] {
  return [...new Set((index.edgesByFact.get(factId) ?? []).map((r) => r.pathway.id))];
}

export const CLOZE_BLANK = '_____';

function factCards(index: PackIndex, fact: Fact, level: number): Unranked[] {
  const statement = statementOf(fact);
  const entityObject = isEntityObject(fact);
  const answerIds = new Set(entityObject ? [fact.object] : []);
  const context = contextPhrase(index, fact.context, { exclude: answerIds });
  const text = textOf(fact.relation);
  const subject = subjectPhrase(index, statement.subject);
  const object = objectPhrase(index, fact.relation, fact.object);
  const answer = capitalise(
    `${object}${text.suffix ? ` ${text.suffix}` : ''}${fact.objectDetail ? ` ${fact.objectDetail}` : ''}`,
  );
  const contested = fact.contested ? ` Contested: ${fact.contested.note}` : '';
  const citations = citationsForFact(index, fact);
  const source = citations[0] ? ` — ${citations[0].label}` : '';
  const note = `${fact.text}${source}.${contested}`;
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
  const cards: Unranked[] = [
    {
      id: `fact-forward:${fact.id}`,
      kind: 'fact-forward',
      front: capitalise(withContext(fillSubject(index, text.question, statement.subject), context)),
      back: answer,
      note,
      ...base,
      sortKey: key('fact-forward'),
    },
  ];
  const def = relationDef(fact.relation);
  if (entityObject && text.reverse && (def.symmetric || def.passive !== undefined)) {
    const reverseContext = contextPhrase(index, fact.context, {
      exclude: new Set([fact.subject, ...fact.coSubjects]),
    });
    cards.push({
      id: `fact-reverse:${fact.id}`,
      kind: 'fact-reverse',
      front: capitalise(
        withContext(text.reverse.replace('{O}', nameOf(index, fact.object)), reverseContext),
      ),
      back: capitalise(subject),
      note,
      ...base,
      sortKey: key('fact-reverse'),
    });
  }
  const forms = entityObject ? formsOf(index, fact.object) : [fact.object];
  const masked = maskForms(fact.text, forms, CLOZE_BLANK);
  const templated = capitalise(
    `${subjectVerb(index, statement.subject, text.verb)} ${CLOZE_BLANK}${text.suffix ? ` ${text.suffix}` : ''}${context}.`,
  );
  const front = masked !== null && !mentionsAny(masked, forms) ? masked : templated;
  if (!mentionsAny(front, forms)) {
    cards.push({
      id: `fact-cloze:${fact.id}`,
      kind: 'fact-cloze',
      front,
      back: answer,
      note,
      ...base,
      sortKey: key('fact-cloze'),
    });
  }
  return cards;
}

function entityCards(index: PackIndex, entity: Entity, level: number): Unranked[] {
  const mentioning = [
    ...new Set([
      ...(index.factsBySubject.get(entity.id) ?? []),
      ...(index.factsByObject.get(entity.id) ?? []),
    ]),
  ].filter((f) => !isBackgroundFact(index, f));
  const highYield = mentioning.some((f) => f.highYield);
  const topic =
    index.topicsByEntity.get(entity.id)?.[0] ?? index.pack.manifest.topics[0]?.id ?? 'general';
  const cited = [...mentioning].sort(
    (a, b) => Number(b.tier === 'review') - Number(a.tier === 'review'),
  );
  const base = {
    factIds: [],
    entityIds: [entity.id],
    topic,
    pathwayIds: index.pathwaysByEntity.get(entity.id) ?? [],
    citations: citationsForFacts(index, cited.slice(0, 2)),
    highYield,
  };
  const key = (kind: CardKind): (number | string)[] => [
    ENTITY_TIER,
    level,
    highYield ? 0 : 1,
    entity.id,
    kindOrder[kind],
  ];
  const forms = formsOf(index, entity.id);
  const definition = maskForms(entity.definition, forms, 'this') ?? entity.definition;
  const aliases = entity.aliases.length > 0 ? ` Also written: ${entity.aliases.join(', ')}.` : '';
  return [
    {
      id: `entity-definition:${entity.id}`,
      kind: 'entity-definition',
      front: `What is ${entity.name}?`,
      back: entity.definition,
      ...(aliases ? { note: aliases.trim() } : {}),
      ...base,
      sortKey: key('entity-definition'),
    },
    {
      id: `entity-name:${entity.id}`,
      kind: 'entity-name',
      front: `Name it: ${definition}`,
      back: entity.name,
      ...(aliases ? { note: aliases.trim() } : {}),
      ...base,
      sortKey: key('entity-name'),
    },
  ];
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
      .map((e) => [e.id, entityCards(index, e, levels.get(e.id) ?? 0)] as const),
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
    ordered.push(...deck);
  };
  for (const { fact, cards } of factDecks) {
    const needed = [
      fact.subject,
      ...fact.coSubjects,
      ...(isEntityObject(fact) ? [fact.object] : []),
    ];
    for (const entityId of needed) introduce(entityId);
    ordered.push(...cards);
  }
  // Entities no fact uses come last, in their own order.
  ordered.push(...[...entityDecks.values()].flat().sort(byKey));
  return ordered.map(({ sortKey: _sortKey, ...card }, teachingRank) => ({ ...card, teachingRank }));
}
