import type { Entity, Fact, Pack } from '../pack/schema.ts';
import { relationDef } from '../pack/relations.ts';
import { mentionFinder, type TextView } from './normalize.ts';

/**
 * What the engine reasons with when it decides that a statement is true or false: the pack's
 * facts, its background layer (textbook facts, never items of their own), and the claims a fact
 * makes in passing. "IL-32γ induces NFATc1 (and DC-STAMP)" also says that IL-32γ induces
 * DC-STAMP: a co-object named in the detail is read as a fact of its own, with the same id, so
 * that no item denies it.
 */
export interface EvidenceIndex {
  /** Every fact and background fact, by id (background ids are B001…). */
  readonly factById: ReadonlyMap<string, Fact>;
  readonly byPair: ReadonlyMap<string, readonly Fact[]>;
  readonly bySubject: ReadonlyMap<string, readonly Fact[]>;
  readonly byObject: ReadonlyMap<string, readonly Fact[]>;
  /** Keyed by pairKey(subject, relation). */
  readonly bySubjectRelation: ReadonlyMap<string, readonly Fact[]>;
  /** Background facts only, by id. */
  readonly backgroundById: ReadonlyMap<string, Fact>;
  /**
   * The co-object readings ("IL-32γ induces DC-STAMP" from "NFATc1 (and DC-STAMP)"). They count
   * as support only: a claim the structured fields do not carry is too weak to key a statement
   * false.
   */
  readonly coObjectReadings: ReadonlySet<Fact>;
}

export const pairKey = (subject: string, object: string): string => `${subject}\u0000${object}`;

/** The background layer of a pack (background.json), empty when the pack has none. */
export function backgroundFacts(pack: Pack): readonly Fact[] {
  return pack.background;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** "(and DC-STAMP)", "(and IL-1β, IL-6 and CXCL8) after LPS": the list after "and". */
const coObjectList = /^\(?\s*and\s+([^()]*?)\s*(?:\)|$)/;

/**
 * Entities a fact's detail adds to its object ("and IFN-γ"), of the object's kind. Only a detail
 * that opens with "and" counts: "(while correlating positively with TNF-α)" is another claim.
 */
export function coObjects(
  fact: Fact,
  entityById: ReadonlyMap<string, Entity>,
  mentioned: (text: string | TextView) => Entity[],
): string[] {
  if (relationDef(fact.relation).objectKind !== 'entity' || fact.objectDetail === undefined) {
    return [];
  }
  const list = coObjectList.exec(fact.objectDetail)?.[1];
  const objectType = entityById.get(fact.object)?.type;
  if (list === undefined || objectType === undefined) return [];
  const kind = (type: Entity['type']): string => (type === 'process' ? 'process' : 'thing');
  return mentioned(list)
    .filter(
      (e) => e.id !== fact.subject && e.id !== fact.object && kind(e.type) === kind(objectType),
    )
    .map((e) => e.id);
}

export function buildEvidence(pack: Pack, entityById: ReadonlyMap<string, Entity>): EvidenceIndex {
  const factById = new Map<string, Fact>();
  const backgroundById = new Map<string, Fact>();
  const byPair = new Map<string, Fact[]>();
  const bySubject = new Map<string, Fact[]>();
  const byObject = new Map<string, Fact[]>();
  const bySubjectRelation = new Map<string, Fact[]>();
  const coObjectReadings = new Set<Fact>();
  const add = (fact: Fact): void => {
    push(bySubject, fact.subject, fact);
    push(bySubjectRelation, pairKey(fact.subject, fact.relation), fact);
    if (relationDef(fact.relation).objectKind !== 'entity') return;
    push(byObject, fact.object, fact);
    push(byPair, pairKey(fact.subject, fact.object), fact);
  };
  const background = backgroundFacts(pack);
  const mentioned = mentionFinder(pack.entities, (e) => [e.name, ...e.aliases]);
  for (const fact of [...pack.facts, ...background]) {
    factById.set(fact.id, fact);
    add(fact);
    const objects = coObjects(fact, entityById, mentioned);
    if (objects.length === 0) continue;
    const { objectDetail, ...core } = fact;
    // The detail named the co-objects; it does not describe each of them.
    if (objectDetail === undefined) continue;
    for (const object of objects) {
      const reading = { ...core, object };
      coObjectReadings.add(reading);
      add(reading);
    }
  }
  for (const fact of background) backgroundById.set(fact.id, fact);
  return {
    factById,
    byPair,
    bySubject,
    byObject,
    bySubjectRelation,
    backgroundById,
    coObjectReadings,
  };
}
