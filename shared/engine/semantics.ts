import type { Fact, Pathway } from '../pack/schema.ts';
import { relations, type RelationId } from '../pack/relations.ts';
import { predictPerturbation, signOf } from './graph.ts';
import { answerKey } from './normalize.ts';
import {
  equivalents,
  factsBetween,
  functionalRelations,
  inverseFunctionalRelations,
  isEntityObject,
  pairKey,
  relatedSubjects,
  type PackIndex,
} from './pack-index.ts';
import type {
  Evidence,
  PerturbationChange,
  PerturbationResult,
  Statement,
  SubjectRef,
} from './types.ts';

/**
 * What the pack says and what it contradicts. Everything the generators call a fact, a false
 * statement or a wrong option is decided here, and checkBank decides it again with the same code.
 */

export type Polarity = 1 | -1 | 0;

/** Relations that can contradict one another: same family, opposite effective polarity. */
export function relationFamily(relation: RelationId): string {
  switch (relation) {
    case 'induces-expression-of':
    case 'increases':
    case 'decreases':
    case 'activates':
    case 'inhibits':
    case 'promotes':
    case 'suppresses':
    case 'targets':
    case 'required-for':
    case 'disrupts':
    case 'does-not-induce':
    case 'fails-to-inhibit':
      return 'causal';
    case 'correlates-positively-with':
    case 'correlates-inversely-with':
      return 'correlation';
    case 'elevated-in':
    case 'reduced-in':
    case 'no-difference-in':
      return 'level';
    default:
      return relation;
  }
}

/** Relations that deny an effect: they refute a claimed change without claiming the opposite. */
function isNegation(relation: RelationId): boolean {
  return negatedSigns(relation).length > 0;
}

/** The claimed directions a denial refutes: "fails to inhibit" refutes only "inhibits". */
export function negatedSigns(relation: RelationId): readonly (1 | -1)[] {
  switch (relation) {
    case 'does-not-induce':
      return [1];
    case 'fails-to-inhibit':
      return [-1];
    case 'no-difference-in':
      return [1, -1];
    default:
      return [];
  }
}

const loweringModifiers = new Set(['absent', 'blocked', 'silenced', 'lowered']);
const qualifierModifiers = new Set(['local', 'systemic']);

/** "Loss of DKK-1 promotes X" says DKK-1 restrains X: a lowering modifier flips the sign. */
export function effectivePolarity(relation: RelationId, modifier?: string): Polarity {
  if (isNegation(relation)) return 0;
  const base = relations[relation].polarity;
  const sign = base === 'increases' ? 1 : base === 'decreases' ? -1 : 0;
  if (sign === 0) return 0;
  return (modifier !== undefined && loweringModifiers.has(modifier) ? -sign : sign) as Polarity;
}

export function asRelation(relation: string): RelationId {
  if (!(relation in relations)) throw new Error(`unknown relation "${relation}"`);
  return relation as RelationId;
}

export function subjectOf(fact: Fact): SubjectRef {
  return {
    entityId: fact.subject,
    ...(fact.subjectModifier === undefined ? {} : { modifier: fact.subjectModifier }),
    coSubjects: fact.coSubjects,
  };
}

export function statementOf(fact: Fact, change: Partial<Statement> = {}): Statement {
  return {
    subject: subjectOf(fact),
    relation: fact.relation,
    object: fact.object,
    ...(fact.objectDetail === undefined ? {} : { objectDetail: fact.objectDetail }),
    compartments: fact.context.compartments,
    diseases: fact.context.diseases,
    species: fact.context.species,
    ...change,
  };
}

/** One key per claim: same subject, modifier, family, polarity (or relation) and object. */
export function statementKey(statement: Statement): string {
  const relation = asRelation(statement.relation);
  const polarity = effectivePolarity(relation, statement.subject.modifier);
  const predicate =
    polarity === 0 ? relation : `${relationFamily(relation)}${polarity > 0 ? '+' : '-'}`;
  const qualifier =
    statement.subject.modifier !== undefined && qualifierModifiers.has(statement.subject.modifier)
      ? statement.subject.modifier
      : '';
  return [
    statement.subject.entityId,
    qualifier,
    predicate,
    statement.object,
    [...statement.compartments].sort().join('+'),
    statement.pathwayId ?? '',
  ].join('|');
}

const overlapsOrOpen = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === 0 || b.length === 0 || a.some((x) => b.includes(x));

/**
 * Whether a fact speaks to the same situation as a statement: compartments and diseases overlap
 * (or one side is unspecific), local/systemic qualifiers agree, species do not exclude each other.
 * Compartment matters: systemic IL-32γ being low does not contradict local IL-32γ being high.
 */
export function sameSituation(statement: Statement, fact: Fact): boolean {
  const a = statement.subject.modifier;
  const b = fact.subjectModifier;
  const qa = a !== undefined && qualifierModifiers.has(a) ? a : undefined;
  const qb = b !== undefined && qualifierModifiers.has(b) ? b : undefined;
  if (qa !== undefined && qb !== undefined && qa !== qb) return false;
  const sa = statement.species ?? 'unspecified';
  const sb = fact.context.species;
  const speciesClash =
    sa !== sb && ![sa, sb].includes('unspecified') && ![sa, sb].includes('human-and-mouse');
  if (speciesClash) return false;
  return (
    overlapsOrOpen(statement.compartments, fact.context.compartments) &&
    overlapsOrOpen(statement.diseases, fact.context.diseases)
  );
}

function objectMatches(fact: Fact, objects: ReadonlySet<string>, literal: string): boolean {
  return isEntityObject(fact) ? objects.has(fact.object) : answerKey(fact.object) === literal;
}

function candidateFacts(
  index: PackIndex,
  subjects: ReadonlySet<string>,
  statement: Statement,
  objects: ReadonlySet<string>,
): Fact[] {
  const relation = asRelation(statement.relation);
  if (relations[relation].objectKind === 'literal') {
    const literal = answerKey(statement.object);
    return [...subjects].flatMap((s) =>
      (index.factsBySubjectRelation.get(pairKey(s, relation)) ?? []).filter((f) =>
        objectMatches(f, objects, literal),
      ),
    );
  }
  const found = factsBetween(index, subjects, objects);
  if (relations[relation].symmetric) {
    found.push(...factsBetween(index, objects, subjects).filter((f) => f.relation === relation));
  }
  return found;
}

function objectSet(index: PackIndex, statement: Statement): ReadonlySet<string> {
  const relation = asRelation(statement.relation);
  return relations[relation].objectKind === 'entity'
    ? equivalents(index, statement.object)
    : new Set<string>();
}

export interface Support {
  readonly factIds: readonly string[];
  /** Set when the support is an indirect effect along a pathway. */
  readonly pathwayId?: string;
}

/**
 * Anything in the pack that makes the statement true, read broadly (isoforms and their parent
 * count as the subject; any relation of the same family and direction counts; an indirect effect
 * along any pathway counts; contested facts count). A statement with support is never offered as
 * false and an entity with support is never a distractor.
 */
export function supportOf(index: PackIndex, statement: Statement): Support | null {
  const relation = asRelation(statement.relation);
  const polarity = effectivePolarity(relation, statement.subject.modifier);
  const family = relationFamily(relation);
  const objects = objectSet(index, statement);
  const facts = candidateFacts(
    index,
    relatedSubjects(index, statement.subject.entityId),
    statement,
    objects,
  ).filter((fact) => {
    if (!sameSituation(statement, fact)) return false;
    if (polarity === 0) return fact.relation === relation;
    if (isNegation(fact.relation) || relationFamily(fact.relation) !== family) return false;
    return effectivePolarity(fact.relation, fact.subjectModifier) === polarity;
  });
  if (facts.length > 0) return { factIds: facts.map((f) => f.id) };
  if (polarity !== 0 && family === 'causal' && relations[relation].objectKind === 'entity') {
    return indirectSupport(index, statement.subject.entityId, statement.object, polarity);
  }
  return null;
}

const perturbationCache = new WeakMap<PackIndex, Map<string, PerturbationResult>>();

/** predictPerturbation, memoised per pack: the generators ask the same question many times. */
export function perturbationOf(
  index: PackIndex,
  pathway: Pathway,
  nodeId: string,
  change: PerturbationChange,
  context?: string,
): PerturbationResult {
  let cache = perturbationCache.get(index);
  if (!cache) {
    cache = new Map();
    perturbationCache.set(index, cache);
  }
  const key = `${pathway.id}\u0000${nodeId}\u0000${change}\u0000${context ?? ''}`;
  let result = cache.get(key);
  if (!result) {
    result = predictPerturbation(pathway, { nodeId, change }, context, index.entityById);
    cache.set(key, result);
  }
  return result;
}

export function raisedEffects(
  index: PackIndex,
  pathway: Pathway,
  nodeId: string,
  context?: string,
): PerturbationResult {
  return perturbationOf(index, pathway, nodeId, 'raised', context);
}

/** The panels in which two nodes are both drawn (undefined: the pathway has no panels). */
function sharedContexts(pathway: Pathway, a: string, b: string): (string | undefined)[] {
  if (pathway.contexts.length === 0) return [undefined];
  const all = pathway.contexts.map((c) => c.id);
  const of = (nodeId: string): string[] => {
    const node = pathway.nodes.find((n) => n.id === nodeId);
    return node && node.contexts.length > 0 ? node.contexts : all;
  };
  const second = of(b);
  return of(a).filter((c) => second.includes(c));
}

function nodesOf(pathway: Pathway, entities: ReadonlySet<string>): string[] {
  return pathway.nodes.filter((n) => entities.has(n.entity)).map((n) => n.id);
}

function indirectSupport(
  index: PackIndex,
  subject: string,
  object: string,
  polarity: 1 | -1,
): Support | null {
  const subjects = equivalents(index, subject);
  const objects = equivalents(index, object);
  for (const pathwayId of index.pathwaysByEntity.get(subject) ?? []) {
    const pathway = index.pathwayById.get(pathwayId);
    if (!pathway) continue;
    const targets = new Set(nodesOf(pathway, objects));
    if (targets.size === 0) continue;
    for (const source of nodesOf(pathway, subjects)) {
      for (const effect of raisedEffects(index, pathway, source).effects) {
        if (!targets.has(effect.nodeId) || effect.perturbed) continue;
        const agrees =
          effect.effect === 'depends' ||
          (effect.effect === 'up' && polarity === 1) ||
          (effect.effect === 'down' && polarity === -1);
        if (agrees) return { factIds: effect.factIds, pathwayId };
      }
    }
  }
  return null;
}

/**
 * Facts that state exactly this (same subject or an equivalent, same modifier, same relation, same
 * object, same situation) and are not contested: what an answer or a true statement rests on.
 */
export function exactSupport(index: PackIndex, statement: Statement): Fact[] {
  const relation = asRelation(statement.relation);
  const objects = objectSet(index, statement);
  return candidateFacts(
    index,
    equivalents(index, statement.subject.entityId),
    statement,
    objects,
  ).filter(
    (fact) =>
      fact.relation === relation &&
      fact.subjectModifier === statement.subject.modifier &&
      fact.contested === undefined &&
      sameSituation(statement, fact),
  );
}

/**
 * What proves the statement false, or null: a non-contested fact saying the opposite (or denying
 * the effect) about the same subject and object in the same situation; a different value of a
 * single-valued relation; or — for statements framed on a pathway model — a different role in it.
 */
export function refutationOf(index: PackIndex, statement: Statement): Evidence | null {
  const relation = asRelation(statement.relation);
  const polarity = effectivePolarity(relation, statement.subject.modifier);
  const family = relationFamily(relation);
  const subjects = equivalents(index, statement.subject.entityId);
  const objects = objectSet(index, statement);
  const isEntity = relations[relation].objectKind === 'entity';

  if (isEntity) {
    const contrary = factsBetween(index, subjects, objects).filter((fact) => {
      if (fact.contested !== undefined || !sameSituation(statement, fact)) return false;
      if (relationFamily(fact.relation) !== family) return false;
      const factPolarity = effectivePolarity(fact.relation, fact.subjectModifier);
      if (isNegation(relation)) {
        return negatedSigns(relation).some((sign) => sign === factPolarity);
      }
      if (polarity === 0) return false;
      if (isNegation(fact.relation)) return negatedSigns(fact.relation).includes(polarity);
      return factPolarity === -polarity;
    });
    if (contrary.length > 0) {
      return { basis: 'contrary-fact', factIds: contrary.map((f) => f.id) };
    }
  }

  if (isEntity && functionalRelations.has(relation)) {
    const other = [...subjects].flatMap((s) =>
      (index.factsBySubjectRelation.get(pairKey(s, relation)) ?? []).filter(
        (f) => f.contested === undefined && !objects.has(f.object),
      ),
    );
    if (other.length > 0) {
      return { basis: 'functional-relation', factIds: other.map((f) => f.id) };
    }
  }

  if (isEntity && inverseFunctionalRelations.has(relation)) {
    const other = [...objects].flatMap((o) =>
      (index.factsByObject.get(o) ?? []).filter(
        (f) =>
          f.relation === relation &&
          f.contested === undefined &&
          !subjects.has(f.subject) &&
          sameSituation(statement, f),
      ),
    );
    if (other.length > 0) {
      return { basis: 'functional-relation', factIds: other.map((f) => f.id) };
    }
  }

  if (!isEntity && functionalRelations.has(relation)) {
    const literal = answerKey(statement.object);
    const other = [...subjects].flatMap((s) =>
      (index.factsBySubjectRelation.get(pairKey(s, relation)) ?? []).filter(
        (f) => f.contested === undefined && answerKey(f.object) !== literal,
      ),
    );
    if (other.length > 0) {
      return { basis: 'functional-relation', factIds: other.map((f) => f.id) };
    }
  }

  if (statement.pathwayId !== undefined && isEntity && polarity !== 0 && family === 'causal') {
    return pathwayRole(index, statement.pathwayId, subjects, objects, polarity);
  }
  return null;
}

/**
 * In a pathway model, the object has a role of its own (edges backed by facts) and raising the
 * subject leaves it unchanged or moves it the other way.
 */
function pathwayRole(
  index: PackIndex,
  pathwayId: string,
  subjects: ReadonlySet<string>,
  objects: ReadonlySet<string>,
  polarity: 1 | -1,
): Evidence | null {
  const pathway = index.pathwayById.get(pathwayId);
  if (!pathway) return null;
  const sources = nodesOf(pathway, subjects);
  const targets = new Set(nodesOf(pathway, objects));
  if (sources.length === 0 || targets.size === 0) return null;
  const roleFacts = pathway.edges
    .filter((e) => !e.inferred && (targets.has(e.from) || targets.has(e.to)))
    .flatMap((e) => e.factIds);
  if (roleFacts.length === 0) return null;
  const routeFacts: string[] = [];
  let compared = false;
  for (const source of sources) {
    for (const target of targets) {
      for (const context of sharedContexts(pathway, source, target)) {
        const effect = raisedEffects(index, pathway, source, context).effects.find(
          (e) => e.nodeId === target,
        );
        if (!effect) continue;
        compared = true;
        if (effect.perturbed || effect.effect === 'depends') return null;
        if (
          (effect.effect === 'up' && polarity === 1) ||
          (effect.effect === 'down' && polarity === -1)
        ) {
          return null;
        }
        routeFacts.push(...effect.factIds);
      }
    }
  }
  // Nodes never drawn together (different panels) have no roles to compare.
  if (!compared) return null;
  return { basis: 'pathway-role', factIds: [...new Set([...roleFacts, ...routeFacts])] };
}

/** Provably false: nothing in the pack supports it and something refutes it. */
export function provablyFalse(index: PackIndex, statement: Statement): Evidence | null {
  if (supportOf(index, statement)) return null;
  return refutationOf(index, statement);
}

/** Whether an edge's sign direction matches a polarity: used to frame pathway claims. */
export function edgePolarity(sign: Parameters<typeof signOf>[0]): Polarity {
  return signOf(sign);
}
