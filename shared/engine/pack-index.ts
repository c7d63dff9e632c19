import type {
  Entity,
  EntityType,
  Fact,
  Pack,
  Pathway,
  PathwayEdge,
  PathwayNode,
  Reference,
  TeachingPoint,
} from '../pack/schema.ts';
import { relationDef, relationIds, type RelationId } from '../pack/relations.ts';
import { buildEvidence, pairKey, type EvidenceIndex } from './evidence.ts';
import { answerKey } from './normalize.ts';

export { pairKey };

/**
 * Distractor classes: entity types a learner would weigh against each other. A microRNA and a
 * ligand are both "a molecule" to a student choosing what IL-32γ raises; a process is not.
 */
export type EntityClass =
  | 'molecule'
  | 'cell'
  | 'process'
  | 'measure'
  | 'disease'
  | 'animal-model'
  | 'compartment'
  | 'category'
  | 'species'
  | 'drug'
  | 'microbial-product';

export function classOf(type: EntityType): EntityClass {
  switch (type) {
    case 'cytokine':
    case 'isoform':
    case 'chemokine':
    case 'ligand':
    case 'receptor':
    case 'protein':
    case 'enzyme':
    case 'transcription-factor':
    case 'kinase':
    case 'mirna':
    case 'pathway':
    case 'lipid-mediator':
    case 'gene':
      return 'molecule';
    case 'cell':
      return 'cell';
    case 'process':
      return 'process';
    case 'measure':
      return 'measure';
    case 'disease':
      return 'disease';
    case 'animal-model':
      return 'animal-model';
    case 'compartment':
      return 'compartment';
    case 'category':
      return 'category';
    case 'species':
      return 'species';
    case 'drug':
      return 'drug';
    case 'microbial-product':
      return 'microbial-product';
  }
}

const singleValued = (one: 'object' | 'subject'): ReadonlySet<RelationId> =>
  new Set(relationIds.filter((id) => relationDef(id).oneValue === one));

/** Relations whose subject has exactly one object: another object is wrong. */
export const functionalRelations = singleValued('object');

/**
 * Relations whose object has exactly one subject: "the most abundant isoform of IL-32", "the
 * predominant isoform in activated T cells" — another subject is wrong.
 */
export const inverseFunctionalRelations = singleValued('subject');

export interface EdgeRef {
  readonly pathway: Pathway;
  readonly edge: PathwayEdge;
}

/** Lookups the generators and the checker share; built once per pack, in linear time. */
export interface PackIndex {
  readonly pack: Pack;
  readonly entityById: ReadonlyMap<string, Entity>;
  readonly factById: ReadonlyMap<string, Fact>;
  readonly referenceById: ReadonlyMap<string, Reference>;
  readonly pathwayById: ReadonlyMap<string, Pathway>;
  readonly factsBySubject: ReadonlyMap<string, readonly Fact[]>;
  readonly factsByObject: ReadonlyMap<string, readonly Fact[]>;
  readonly factsByPair: ReadonlyMap<string, readonly Fact[]>;
  /** Keyed by pairKey(subject, relation). */
  readonly factsBySubjectRelation: ReadonlyMap<string, readonly Fact[]>;
  readonly entitiesByClass: ReadonlyMap<EntityClass, readonly Entity[]>;
  /** Entities sharing a written form are one thing under two names. */
  readonly entitiesByForm: ReadonlyMap<string, readonly string[]>;
  /** Each entity's written forms, its name first: see `formsOf`. */
  readonly formsById: ReadonlyMap<string, readonly string[]>;
  /** Each entity with every entity sharing one of its written forms: see `equivalents`. */
  readonly equivalentsById: ReadonlyMap<string, ReadonlySet<string>>;
  readonly edgesByFact: ReadonlyMap<string, readonly EdgeRef[]>;
  readonly pathwaysByEntity: ReadonlyMap<string, readonly string[]>;
  readonly teachingPointsByFact: ReadonlyMap<string, readonly TeachingPoint[]>;
  readonly topicsByEntity: ReadonlyMap<string, readonly string[]>;
  /** References of the facts that name an entity (as subject, partner or object). */
  readonly referencesByEntity: ReadonlyMap<string, readonly string[]>;
  readonly inferenceIds: ReadonlySet<string>;
  readonly reviewReferenceId: string;
  /** Facts, background facts and co-objects: what support and refutation are decided on. */
  readonly evidence: EvidenceIndex;
}

export class PackIndexError extends Error {
  override readonly name = 'PackIndexError';
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function addOnce<K>(map: Map<K, string[]>, key: K, value: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

export function isEntityObject(fact: Fact): boolean {
  return relationDef(fact.relation).objectKind === 'entity';
}

export function indexPack(pack: Pack): PackIndex {
  const entityById = new Map(pack.entities.map((e) => [e.id, e]));
  const need = (id: string, where: string): void => {
    if (!entityById.has(id)) throw new PackIndexError(`${where} names unknown entity "${id}"`);
  };
  const factById = new Map<string, Fact>();
  const factsBySubject = new Map<string, Fact[]>();
  const factsByObject = new Map<string, Fact[]>();
  const factsByPair = new Map<string, Fact[]>();
  const factsBySubjectRelation = new Map<string, Fact[]>();
  const topicsByEntity = new Map<string, string[]>();
  const referencesByEntity = new Map<string, string[]>();
  for (const fact of pack.facts) {
    if (factById.has(fact.id)) throw new PackIndexError(`fact ${fact.id} appears twice`);
    factById.set(fact.id, fact);
    need(fact.subject, `fact ${fact.id} (subject)`);
    for (const co of fact.coSubjects) need(co, `fact ${fact.id} (co-subject)`);
    push(factsBySubject, fact.subject, fact);
    push(factsBySubjectRelation, pairKey(fact.subject, fact.relation), fact);
    addOnce(topicsByEntity, fact.subject, fact.topic);
    const named = [
      fact.subject,
      ...fact.coSubjects,
      ...(isEntityObject(fact) ? [fact.object] : []),
    ];
    for (const id of named) for (const ref of fact.references) addOnce(referencesByEntity, id, ref);
    if (isEntityObject(fact)) {
      need(fact.object, `fact ${fact.id} (object)`);
      push(factsByObject, fact.object, fact);
      push(factsByPair, pairKey(fact.subject, fact.object), fact);
      addOnce(topicsByEntity, fact.object, fact.topic);
    }
    for (const id of [
      ...fact.context.diseases,
      ...fact.context.compartments,
      ...fact.context.cells,
    ]) {
      need(id, `fact ${fact.id} (context)`);
    }
  }
  for (const fact of pack.facts) {
    for (const other of fact.contested?.with ?? []) {
      if (!factById.has(other)) {
        throw new PackIndexError(`fact ${fact.id} is contested with unknown fact ${other}`);
      }
    }
  }

  const entitiesByClass = new Map<EntityClass, Entity[]>();
  const entitiesByForm = new Map<string, string[]>();
  const formKeys = new Map<string, string[]>();
  const formsById = new Map<string, readonly string[]>();
  for (const entity of pack.entities) {
    push(entitiesByClass, classOf(entity.type), entity);
    const forms = [entity.name, ...entity.aliases];
    formsById.set(entity.id, forms);
    const keys = forms.map(answerKey);
    formKeys.set(entity.id, keys);
    for (const key of keys) addOnce(entitiesByForm, key, entity.id);
  }
  const equivalentsById = new Map<string, ReadonlySet<string>>();
  for (const [id, keys] of formKeys) {
    const same = new Set([id]);
    for (const key of keys) for (const other of entitiesByForm.get(key) ?? []) same.add(other);
    equivalentsById.set(id, same);
  }

  const pathwayById = new Map<string, Pathway>();
  const edgesByFact = new Map<string, EdgeRef[]>();
  const pathwaysByEntity = new Map<string, string[]>();
  for (const pathway of pack.pathways) {
    pathwayById.set(pathway.id, pathway);
    const nodeIds = new Set<string>();
    for (const node of pathway.nodes) {
      need(node.entity, `pathway ${pathway.id} node ${node.id}`);
      nodeIds.add(node.id);
      addOnce(pathwaysByEntity, node.entity, pathway.id);
    }
    for (const edge of pathway.edges) {
      for (const end of [edge.from, edge.to]) {
        if (!nodeIds.has(end)) {
          throw new PackIndexError(
            `pathway ${pathway.id} edge ${edge.id} names unknown node "${end}"`,
          );
        }
      }
      for (const factId of edge.factIds) {
        if (!factById.has(factId)) {
          throw new PackIndexError(
            `pathway ${pathway.id} edge ${edge.id} cites unknown fact ${factId}`,
          );
        }
        push(edgesByFact, factId, { pathway, edge });
      }
    }
  }

  const teachingPointsByFact = new Map<string, TeachingPoint[]>();
  for (const point of pack.teachingPoints) {
    for (const factId of point.factIds) push(teachingPointsByFact, factId, point);
  }

  const referenceById = new Map(pack.references.map((r) => [r.id, r]));
  for (const fact of pack.facts) {
    for (const ref of fact.references) {
      if (!referenceById.has(ref)) {
        throw new PackIndexError(`fact ${fact.id} cites unknown reference ${ref}`);
      }
    }
  }

  return {
    pack,
    entityById,
    factById,
    referenceById,
    pathwayById,
    factsBySubject,
    factsByObject,
    factsByPair,
    factsBySubjectRelation,
    entitiesByClass,
    entitiesByForm,
    formsById,
    equivalentsById,
    edgesByFact,
    pathwaysByEntity,
    teachingPointsByFact,
    topicsByEntity,
    referencesByEntity,
    inferenceIds: new Set(pack.manifest.inferences.map((i) => i.id)),
    reviewReferenceId: pack.manifest.reviewReference,
    evidence: buildEvidence(pack, entityById),
  };
}

export function entityOf(index: PackIndex, id: string): Entity {
  const entity = index.entityById.get(id);
  if (!entity) throw new PackIndexError(`unknown entity "${id}"`);
  return entity;
}

export function factOf(index: PackIndex, id: string): Fact {
  const fact = index.factById.get(id);
  if (!fact) throw new PackIndexError(`unknown fact "${id}"`);
  return fact;
}

export function nodeOf(pathway: Pathway, nodeId: string): PathwayNode {
  const node = pathway.nodes.find((n) => n.id === nodeId);
  if (!node) throw new PackIndexError(`pathway ${pathway.id} has no node "${nodeId}"`);
  return node;
}

/** Written forms of an entity: its name and aliases. */
export function formsOf(index: PackIndex, id: string): readonly string[] {
  const forms = index.formsById.get(id);
  if (!forms) throw new PackIndexError(`unknown entity "${id}"`);
  return forms;
}

/** The entity itself and any entity that shares one of its written forms. */
export function equivalents(index: PackIndex, id: string): ReadonlySet<string> {
  const same = index.equivalentsById.get(id);
  if (!same) throw new PackIndexError(`unknown entity "${id}"`);
  return same;
}

/** Facts stating something about (any of) these subjects and (any of) these objects. */
export function factsBetween(
  index: PackIndex,
  subjects: Iterable<string>,
  objects: Iterable<string>,
): Fact[] {
  const out: Fact[] = [];
  const objectList = [...objects];
  for (const s of subjects) {
    for (const o of objectList) {
      for (const fact of index.factsByPair.get(pairKey(s, o)) ?? []) out.push(fact);
    }
  }
  return out;
}

export function isBackgroundEntity(index: PackIndex, id: string): boolean {
  return index.entityById.get(id)?.background ?? false;
}

/**
 * A fact is background when it rests only on background (textbook) entities: the schema keeps
 * the flag on entities, and such a fact teaches nothing the sources say.
 */
export function isBackgroundFact(index: PackIndex, fact: Fact): boolean {
  const ids = [fact.subject, ...fact.coSubjects, ...(isEntityObject(fact) ? [fact.object] : [])];
  return ids.every((id) => isBackgroundEntity(index, id));
}
