import type FuseType from 'fuse.js';
import type { Fact, Pack, Tier } from '../../../../../shared/pack/schema.ts';
import {
  foldText as foldWords,
  matchKey,
  matchKeys,
} from '../../../../../shared/engine/normalize.ts';
import {
  entityKeys,
  matchEntities,
  type EntityKeys,
} from '../../../../../shared/engine/text-match.ts';

export { entityKeys, matchEntities, type EntityKeys };

/**
 * Search over the pack's facts and entities. Names are matched alias-aware and spelling-tolerant
 * by the shared text-matching rules (shared/engine/normalize.ts: "Dickkopf" → DKK-1, "il32g" and
 * "IL-32 gamma" → IL-32γ); free text goes to Fuse (fuzzy, word by
 * word). Everything here is pure: the Fuse constructor is passed in, so the screen can load it
 * lazily and the tests can use it directly.
 */

/** Free text folded for Fuse; osteoclastogenesis is written out so it finds "osteoclast formation". */
export function foldText(raw: string): string {
  return foldWords(raw).replaceAll('osteoclastogenesis', 'osteoclast formation');
}

/** The key a typed name is looked up by (the shared lenient key: "IL-32 gamma" → "il32gamma"). */
export const compactKey = matchKey;

/** Every key a name answers to (Greek spelled out or as one letter, British or American…). */
export const nameKeys = matchKeys;

export interface FactDoc {
  readonly id: string;
  readonly text: string;
  /** Names and aliases of every entity the fact mentions. */
  readonly names: string;
  readonly topic: string;
  readonly note: string;
}

export interface EntityDoc {
  readonly id: string;
  readonly name: string;
  readonly aliases: string;
  readonly definition: string;
}

/** The entities a fact is about: subject, co-subjects, object, then its context. */
export function factEntityIds(fact: Fact): string[] {
  const { diseases, compartments, cells } = fact.context;
  return [
    ...new Set([
      fact.subject,
      ...fact.coSubjects,
      fact.object,
      ...diseases,
      ...compartments,
      ...cells,
    ]),
  ];
}

export function buildDocs(pack: Pack): { facts: FactDoc[]; entities: EntityDoc[] } {
  const entityById = new Map(pack.entities.map((entity) => [entity.id, entity]));
  const topicTitle = new Map(pack.manifest.topics.map((topic) => [topic.id, topic.title]));
  const facts = pack.facts.map((fact) => ({
    id: fact.id,
    text: foldText(fact.text),
    names: foldText(
      factEntityIds(fact)
        .map((id) => entityById.get(id))
        .flatMap((entity) => (entity ? [entity.name, ...entity.aliases] : []))
        .join(' · '),
    ),
    topic: foldText(topicTitle.get(fact.topic) ?? fact.topic),
    note: foldText([fact.context.note ?? '', fact.contested?.note ?? ''].join(' ')),
  }));
  const entities = pack.entities.map((entity) => ({
    id: entity.id,
    name: foldText(entity.name),
    aliases: foldText(entity.aliases.join(' · ')),
    definition: foldText(entity.definition),
  }));
  return { facts, entities };
}

export type FuseConstructor = typeof FuseType;

export interface SearchIndex {
  readonly entityKeys: readonly EntityKeys[];
  readonly factDocs: readonly FactDoc[];
  readonly factFuse: FuseType<FactDoc>;
  readonly entityFuse: FuseType<EntityDoc>;
  /** Facts in pack order, with the entities each mentions in its subject/object role. */
  readonly facts: readonly Fact[];
}

const fuseOptions = {
  ignoreLocation: true,
  threshold: 0.2,
  useTokenSearch: true,
  tokenMatch: 'all',
  includeScore: true,
} as const;

export function buildSearchIndex(Fuse: FuseConstructor, pack: Pack): SearchIndex {
  const docs = buildDocs(pack);
  return {
    entityKeys: entityKeys(pack.entities),
    facts: pack.facts,
    factDocs: docs.facts,
    factFuse: new Fuse(docs.facts, {
      ...fuseOptions,
      keys: [
        { name: 'names', weight: 3 },
        { name: 'text', weight: 2 },
        { name: 'topic', weight: 0.5 },
        { name: 'note', weight: 0.5 },
      ],
    }),
    entityFuse: new Fuse(docs.entities, {
      ...fuseOptions,
      keys: [
        { name: 'name', weight: 3 },
        { name: 'aliases', weight: 2 },
        { name: 'definition', weight: 1 },
      ],
    }),
  };
}

export interface SearchHits {
  /** Fact ids, best first. */
  readonly facts: readonly string[];
  /** Entity ids, best first. */
  readonly entities: readonly string[];
}

/** Entities are a side list: the named ones and a few related; the facts are the results. */
const maxEntities = 6;
const factIdPattern = /^f\d{3}$/i;

/**
 * Best first: a fact id typed as such; facts about an entity the query names (as subject or
 * object before context mentions); then text matches: literal when the query is exactly a name
 * (so "IL-32 gamma" does not spread to every fact with "IL-32" and some other "gamma"), else fuzzy.
 */
export function search(index: SearchIndex, rawQuery: string): SearchHits {
  const query = rawQuery.trim().slice(0, 200);
  if (query.length === 0) return { facts: [], entities: [] };

  const { ids: named, exact } = matchEntities(query, index.entityKeys);
  const namedSet = new Set(named);
  const facts: string[] = [];
  const add = (id: string) => {
    if (!facts.includes(id)) facts.push(id);
  };
  if (factIdPattern.test(query)) {
    const id = query.toUpperCase();
    if (index.facts.some((fact) => fact.id === id)) add(id);
  }
  const central = (fact: Fact) =>
    namedSet.has(fact.subject) ||
    namedSet.has(fact.object) ||
    fact.coSubjects.some((id) => namedSet.has(id));
  for (const fact of index.facts) if (central(fact)) add(fact.id);
  for (const fact of index.facts)
    if (factEntityIds(fact).some((id) => namedSet.has(id))) add(fact.id);

  const folded = foldText(query);
  if (exact) {
    for (const doc of index.factDocs) if (doc.text.includes(folded)) add(doc.id);
  } else {
    for (const hit of index.factFuse.search(folded)) add(hit.item.id);
  }

  const entities = [...named];
  for (const hit of index.entityFuse.search(folded)) {
    if (entities.length >= maxEntities) break;
    if (!entities.includes(hit.item.id)) entities.push(hit.item.id);
  }
  return { facts, entities };
}

export interface FactFilters {
  readonly tier: Tier | 'any';
  readonly highYieldOnly: boolean;
  /** A topic id, or 'any'. */
  readonly topic: string;
}

export const noFilters: FactFilters = { tier: 'any', highYieldOnly: false, topic: 'any' };

export function passesFilters(fact: Fact, filters: FactFilters): boolean {
  return (
    (filters.tier === 'any' || fact.tier === filters.tier) &&
    (!filters.highYieldOnly || fact.highYield) &&
    (filters.topic === 'any' || fact.topic === filters.topic)
  );
}

export function filtersActive(filters: FactFilters): boolean {
  return filters.tier !== 'any' || filters.highYieldOnly || filters.topic !== 'any';
}

/** "3 facts and 1 entity match “Dickkopf”", for the live region. */
export function resultSummary(
  query: string,
  facts: number,
  entities: number,
  filtered: boolean,
): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const entityWord = (n: number) => `${n} ${n === 1 ? 'entity' : 'entities'}`;
  const trimmed = query.trim();
  const filterNote = filtered ? ' with the filters' : '';
  if (trimmed.length === 0)
    return `${plural(facts, 'fact')}${filtered ? ' match the filters' : ''}`;
  if (facts === 0 && entities === 0) return `Nothing matches “${trimmed}”${filterNote}`;
  const verb = facts + entities === 1 ? 'matches' : 'match';
  const parts =
    entities > 0 ? `${plural(facts, 'fact')} and ${entityWord(entities)}` : plural(facts, 'fact');
  return `${parts} ${verb} “${trimmed}”${filterNote}`;
}
