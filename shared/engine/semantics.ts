import type { Fact, Pathway } from '../pack/schema.ts';
import { relationDef, type RelationId } from '../pack/relations.ts';
import {
  asRelation,
  compatibleContext,
  effectivePolarity,
  isNegation,
  negatedSigns,
  relationFamily,
  sameSituation,
  type Polarity,
} from './claims.ts';
import type { EvidenceIndex } from './evidence.ts';
import { relatedSubjects } from './family.ts';
import { predictOnView, signOf, viewPathway, type PathwayView } from './graph.ts';
import { answerKey } from './normalize.ts';
import { causalLinks } from './causal-links.ts';
import { oncePerPack } from './per-pack.ts';
import {
  equivalents,
  functionalRelations,
  inverseFunctionalRelations,
  isEntityObject,
  pairKey,
  type PackIndex,
} from './pack-index.ts';
import type { Evidence, PerturbationChange, PerturbationResult, Statement } from './types.ts';

export {
  asRelation,
  effectivePolarity,
  negatedSigns,
  relationFamily,
  sameSituation,
  statementKey,
  statementOf,
  subjectOf,
  type Polarity,
} from './claims.ts';

/**
 * What the pack says and what it contradicts. Everything the generators call a fact, a false
 * statement or a wrong option is decided here, and checkBank decides it again with the same code.
 * The world is open: a statement is false only when a fact or a background fact says the
 * opposite in a situation that fits it (or a single-valued relation has another value); that the
 * pack does not say something, or that a pathway model draws it elsewhere, proves nothing.
 */

type Lookup = Pick<EvidenceIndex, 'byPair' | 'bySubjectRelation'>;

function between(lookup: Lookup, subjects: Iterable<string>, objects: Iterable<string>): Fact[] {
  const out: Fact[] = [];
  const objectList = [...objects];
  for (const s of subjects) {
    for (const o of objectList) {
      for (const fact of lookup.byPair.get(pairKey(s, o)) ?? []) out.push(fact);
    }
  }
  return out;
}

function candidateFacts(
  lookup: Lookup,
  subjects: ReadonlySet<string>,
  statement: Statement,
  objects: ReadonlySet<string>,
): Fact[] {
  const relation = asRelation(statement.relation);
  if (relationDef(relation).objectKind === 'literal') {
    const literal = answerKey(statement.object);
    return [...subjects].flatMap((s) =>
      (lookup.bySubjectRelation.get(pairKey(s, relation)) ?? []).filter(
        (f) => !isEntityObject(f) && answerKey(f.object) === literal,
      ),
    );
  }
  const found = between(lookup, subjects, objects);
  if (relationDef(relation).symmetric) {
    for (const fact of between(lookup, objects, subjects)) {
      if (fact.relation === relation) found.push(fact);
    }
  }
  return found;
}

const singleValued = (relation: RelationId): boolean =>
  functionalRelations.has(relation) || inverseFunctionalRelations.has(relation);

function isEntityStatement(statement: Statement): boolean {
  return relationDef(asRelation(statement.relation)).objectKind === 'entity';
}

export interface Support {
  readonly factIds: readonly string[];
  /** Set when the support is an indirect effect along a pathway. */
  readonly pathwayId?: string;
}

/**
 * Anything in the pack or its background that makes the statement true, read broadly: an
 * isoform, its parent and its sibling isoforms count as the subject and as the object (a fact
 * about IL-32γ supports the claim about IL-32); any relation of the same family and direction
 * counts; a causal effect counts in any situation (only a level is tied to its place); an
 * indirect effect through one intermediate fact, or along a pathway, counts; contested facts
 * count. A statement with support is never offered as false, an entity with support never as a
 * wrong option.
 */
export const supportOf = oncePerPack(supportKey, supportOfStatement);

/** Everything of a statement that supportOf reads. */
function supportKey(statement: Statement): string {
  const { subject, relation, object, compartments, diseases, species, measure } = statement;
  return JSON.stringify([
    subject.entityId,
    subject.modifier,
    relation,
    object,
    compartments,
    diseases,
    species,
    measure,
  ]);
}

function supportOfStatement(index: PackIndex, statement: Statement): Support | null {
  const relation = asRelation(statement.relation);
  const polarity = effectivePolarity(relation, statement.subject.modifier);
  const family = relationFamily(relation);
  // Single-valued relations hold of one member of a family, not of its siblings: that IL-32α is
  // the most abundant isoform says nothing for IL-32δ.
  const read = singleValued(relation) ? equivalents : relatedSubjects;
  const objects = isEntityStatement(statement) ? read(index, statement.object) : new Set<string>();
  const subjects = read(index, statement.subject.entityId);
  const facts = candidateFacts(index.evidence, subjects, statement, objects).filter((fact) => {
    // The relation is read before the situation, which costs more and rarely decides.
    if (polarity === 0) {
      if (fact.relation !== relation) return false;
    } else if (
      isNegation(fact.relation) ||
      relationFamily(fact.relation) !== family ||
      effectivePolarity(fact.relation, fact.subjectModifier) !== polarity
    ) {
      return false;
    }
    return family !== 'level' || sameSituation(statement, fact);
  });
  if (facts.length > 0) return { factIds: [...new Set(facts.map((f) => f.id))] };
  if (polarity !== 0 && family === 'causal' && isEntityStatement(statement)) {
    return (
      chainSupport(index, subjects, objects, polarity) ??
      indirectSupport(index, statement.subject.entityId, statement.object, polarity)
    );
  }
  return null;
}

/** "IL-32 raises IL-4" and "IL-4 inhibits osteoclasts": IL-32 may well lower osteoclast activity. */
function chainSupport(
  index: PackIndex,
  subjects: ReadonlySet<string>,
  objects: ReadonlySet<string>,
  polarity: 1 | -1,
): Support | null {
  const links = causalLinks(index);
  for (const subject of subjects) {
    for (const first of links.get(subject)?.all ?? []) {
      if (subjects.has(first.object)) continue;
      const onward = links.get(first.object)?.byObject;
      if (!onward) continue;
      for (const object of objects) {
        for (const second of onward.get(object) ?? []) {
          if (first.sign * second.sign === polarity) return { factIds: [first.id, second.id] };
        }
      }
    }
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
    result = predictOnView(
      pathwayView(index, pathway, context),
      { nodeId, change },
      index.entityById,
    );
    cache.set(key, result);
  }
  return result;
}

/** A pathway's view in one context, made once per pack: generators and predictions ask for it many times. */
export const pathwayView = oncePerPack(
  (pathway: Pathway, context: string | undefined) => `${pathway.id}\u0000${context ?? ''}`,
  (_index, pathway: Pathway, context: string | undefined): PathwayView =>
    viewPathway(pathway, context),
);

export function raisedEffects(
  index: PackIndex,
  pathway: Pathway,
  nodeId: string,
  context?: string,
): PerturbationResult {
  return perturbationOf(index, pathway, nodeId, 'raised', context);
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
 * Facts of the pack (never the background) that state exactly this (same subject or an
 * equivalent, same modifier, same relation, same object, same situation) and are not contested:
 * what an answer or a true statement rests on.
 */
export function exactSupport(index: PackIndex, statement: Statement): Fact[] {
  const relation = asRelation(statement.relation);
  const objects = isEntityStatement(statement)
    ? equivalents(index, statement.object)
    : new Set<string>();
  const lookup: Lookup = {
    byPair: index.factsByPair,
    bySubjectRelation: index.factsBySubjectRelation,
  };
  return candidateFacts(
    lookup,
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
 * Whether a fact says the opposite of a statement (or denies its effect), by family and sign; the
 * statement's side is read once, for the many facts about its subject and object.
 */
function contradicting(statement: Statement): (fact: Fact) => boolean {
  const relation = asRelation(statement.relation);
  const family = relationFamily(relation);
  const denied = negatedSigns(relation);
  const polarity = effectivePolarity(relation, statement.subject.modifier);
  return (fact) => {
    if (relationFamily(fact.relation) !== family) return false;
    const factPolarity = effectivePolarity(fact.relation, fact.subjectModifier);
    if (denied.length > 0) return denied.some((sign) => sign === factPolarity);
    if (polarity === 0) return false;
    if (isNegation(fact.relation)) return negatedSigns(fact.relation).includes(polarity);
    return factPolarity === -polarity;
  };
}

/**
 * What proves the statement false, or null: an uncontested fact or background fact saying the
 * opposite (or denying the effect) about the same subject and object in a situation that fits the
 * statement (compatibleContext: compartments, diseases, species, cells, setting); or, for the few
 * relations that are single-valued by definition ("is an isoform of", "the most abundant isoform
 * of"), another value in a fitting situation.
 */
export function refutationOf(index: PackIndex, statement: Statement): Evidence | null {
  if (!isEntityStatement(statement)) return null;
  const relation = asRelation(statement.relation);
  const evidence = index.evidence;
  const subjects = equivalents(index, statement.subject.entityId);
  const objects = equivalents(index, statement.object);
  const usable = (fact: Fact): boolean =>
    fact.contested === undefined &&
    !evidence.coObjectReadings.has(fact) &&
    compatibleContext(statement, fact);

  const contradicts = contradicting(statement);
  // The sign is read before the situation: most facts about the pair agree with the statement.
  const contrary = between(evidence, subjects, objects).filter(
    (fact) => contradicts(fact) && usable(fact),
  );
  if (contrary.length > 0) {
    return { basis: 'contrary-fact', factIds: [...new Set(contrary.map((f) => f.id))] };
  }
  if (functionalRelations.has(relation)) {
    const other = [...subjects].flatMap((s) =>
      (evidence.bySubjectRelation.get(pairKey(s, relation)) ?? []).filter(
        (f) => usable(f) && !objects.has(f.object),
      ),
    );
    if (other.length > 0) {
      return { basis: 'functional-relation', factIds: other.map((f) => f.id) };
    }
  }
  if (inverseFunctionalRelations.has(relation)) {
    const other = [...objects].flatMap((o) =>
      (evidence.byObject.get(o) ?? []).filter(
        (f) => f.relation === relation && usable(f) && !subjects.has(f.subject),
      ),
    );
    if (other.length > 0) {
      return { basis: 'functional-relation', factIds: other.map((f) => f.id) };
    }
  }
  return null;
}

/** Provably false: nothing in the pack or its background supports it, and something refutes it. */
export function provablyFalse(index: PackIndex, statement: Statement): Evidence | null {
  // Refutation first: it reads one pair of entities, while support may search chains and
  // pathways, and most candidate distractors are refuted by nothing.
  const refutation = refutationOf(index, statement);
  if (!refutation) return null;
  return supportOf(index, statement) ? null : refutation;
}

/** Whether an edge's sign direction matches a polarity: used to frame pathway claims. */
export function edgePolarity(sign: Parameters<typeof signOf>[0]): Polarity {
  return signOf(sign);
}
