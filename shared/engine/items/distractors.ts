import { relationDef } from '../../pack/relations.ts';
import {
  classOf,
  entityOf,
  equivalents,
  formsOf,
  functionalRelations,
  inverseFunctionalRelations,
  isBackgroundEntity,
  isEntityObject,
  type PackIndex,
} from '../pack-index.ts';
import { areNeighbours, areSiblingIsoforms, isFamilyRelation, relatedSubjects } from '../family.ts';
import { tieBreaker } from '../rng.ts';
import {
  asRelation,
  effectivePolarity,
  negatedSigns,
  provablyFalse,
  relationFamily,
} from '../semantics.ts';
import type { EntityClaim, Evidence, Statement } from '../types.ts';
import { mentionsAny, viewOf } from '../normalize.ts';
import { oncePerPack } from '../per-pack.ts';
import { SELECTION_SEED, type GenContext } from './common.ts';

/** The situation a stem describes; a distractor is judged in the same one. */
export interface Situation {
  readonly compartments: readonly string[];
  readonly diseases: readonly string[];
  readonly species?: readonly string[];
  readonly cells?: readonly string[];
  readonly setting?: string;
}

export function claimStatement(
  claim: EntityClaim,
  candidate: string,
  situation: Situation,
): Statement {
  const common = {
    relation: claim.relation,
    compartments: situation.compartments,
    diseases: situation.diseases,
    ...(situation.species === undefined ? {} : { species: situation.species }),
    ...(situation.cells === undefined ? {} : { cells: situation.cells }),
    ...(situation.setting === undefined ? {} : { setting: situation.setting }),
    ...(claim.pathwayId === undefined ? {} : { pathwayId: claim.pathwayId }),
  };
  return claim.kind === 'object-of'
    ? { ...common, subject: claim.subject, object: candidate }
    : { ...common, subject: { entityId: candidate, coSubjects: [] }, object: claim.object };
}

/**
 * Entities that some fact or background fact relates to a given entity in a given direction, by
 * family and sign: "what does IL-32γ lower?" is one lookup. Built once per pack.
 */
const contraryIndexes = new WeakMap<PackIndex, Map<string, string[]>>();

function contraryIndex(index: PackIndex): Map<string, string[]> {
  let map = contraryIndexes.get(index);
  if (map) return map;
  map = new Map();
  for (const fact of [...index.evidence.factById.values()]) {
    if (!isEntityObject(fact) || fact.contested !== undefined) continue;
    const family = relationFamily(fact.relation);
    const polarity = effectivePolarity(fact.relation, fact.subjectModifier);
    const denied = negatedSigns(fact.relation);
    const signs =
      denied.length > 0
        ? denied.map((s) => (s === 1 ? '+' : '-'))
        : polarity === 0
          ? []
          : [polarity === 1 ? '-' : '+'];
    // Keyed by the sign of the claim this fact contradicts.
    for (const sign of signs) {
      for (const [key, value] of [
        [`o|${fact.subject}|${family}|${sign}`, fact.object],
        [`s|${fact.object}|${family}|${sign}`, fact.subject],
      ] as const) {
        const list = map.get(key);
        if (!list) map.set(key, [value]);
        else if (!list.includes(value)) list.push(value);
      }
    }
  }
  contraryIndexes.set(index, map);
  return map;
}

const FUNCTIONAL_POOL = 40;

function candidatePool(index: PackIndex, claim: EntityClaim, answerId: string): string[] {
  const relation = asRelation(claim.relation);
  const pool: string[] = [];
  const anchor = claim.kind === 'object-of' ? claim.subject.entityId : claim.object;
  const polarity =
    claim.kind === 'object-of'
      ? effectivePolarity(relation, claim.subject.modifier)
      : effectivePolarity(relation);
  if (polarity !== 0) {
    const contrary = contraryIndex(index);
    const family = relationFamily(relation);
    const sign = polarity === 1 ? '+' : '-';
    for (const eq of equivalents(index, anchor)) {
      pool.push(
        ...(contrary.get(`${claim.kind === 'object-of' ? 'o' : 's'}|${eq}|${family}|${sign}`) ??
          []),
      );
    }
  }
  if (claim.pathwayId !== undefined) {
    const pathway = index.pathwayById.get(claim.pathwayId);
    for (const node of pathway?.nodes ?? []) pool.push(node.entity);
  }
  const singleValued =
    claim.kind === 'object-of'
      ? functionalRelations.has(relation)
      : inverseFunctionalRelations.has(relation);
  if (singleValued) {
    // "Which isoform…": only other isoforms; a kinase there would be wrong by its type alone.
    const answerType = entityOf(index, answerId).type;
    const same = (index.entitiesByClass.get(classOf(answerType)) ?? []).filter(
      (e) => e.type === answerType,
    );
    pool.push(...same.slice(0, FUNCTIONAL_POOL).map((e) => e.id));
  }
  return [...new Set(pool)];
}

export interface Distractor {
  readonly entityId: string;
  readonly evidence: Evidence;
  /** 1: on the stem's pathway, or a contrary fact in the answer's neighbourhood; 2: a neighbour. */
  readonly distance: number;
}

export interface DistractorRequest {
  readonly claim: EntityClaim;
  readonly answerId: string;
  readonly situation: Situation;
  readonly itemId: string;
  /** Candidates named in the stem are never options. */
  readonly stem: string;
  readonly need: number;
  /** Fewer than this is of no use to the caller: then none is proved, and none returned. */
  readonly atLeast?: number;
  /** `distractorPool` of this claim and answer, when the caller has asked for it already. */
  readonly pool?: DistractorPool;
}

/** Entities never offered for this claim and answer: the answer's and the stem's own, by any name. */
function takenBy(index: PackIndex, claim: EntityClaim, answerId: string): Set<string> {
  // Never the answer's parent or, for a parent, its isoforms: "IL-32" is not wrong where
  // "IL-32γ" is right. Sibling isoforms are other molecules and stay candidates.
  const taken = new Set<string>(
    [...relatedSubjects(index, answerId)].filter((id) => !areSiblingIsoforms(index, id, answerId)),
  );
  const stemEntities =
    claim.kind === 'object-of'
      ? [claim.subject.entityId, ...claim.subject.coSubjects]
      : [claim.object];
  // Never the stem's own entities, nor their isoforms or parent ("IL-32 activates IL-32α"),
  // unless the question is about that family ("which isoform of IL-32…").
  const aboutFamily = isFamilyRelation(asRelation(claim.relation));
  for (const id of stemEntities) {
    for (const eq of (aboutFamily ? equivalents : relatedSubjects)(index, id)) taken.add(eq);
  }
  return taken;
}

/** Candidates of the answer's class near it, before the stem is read: what the stem narrows. */
export interface DistractorPool {
  readonly claim: EntityClaim;
  readonly answerId: string;
  readonly taken: ReadonlySet<string>;
  readonly candidates: readonly string[];
}

/**
 * The pool `findDistractors` draws from for this claim and answer. A caller may ask for it first
 * and pass it on: a stem only removes candidates, so none need be written where too few are left.
 */
export function distractorPool(
  ctx: GenContext,
  claim: EntityClaim,
  answerId: string,
): DistractorPool {
  return { claim, answerId, ...poolOf(ctx.index, claim, answerId) };
}

/** Everything of a claim and answer the pool reads: the generators ask for one pool many times. */
function poolKey(claim: EntityClaim, answerId: string): string {
  const { kind, relation, pathwayId } = claim;
  const anchor =
    claim.kind === 'object-of'
      ? [claim.subject.entityId, claim.subject.modifier, claim.subject.coSubjects]
      : [claim.object];
  return JSON.stringify([kind, relation, pathwayId, answerId, ...anchor]);
}

const poolOf = oncePerPack(
  poolKey,
  (index, claim: EntityClaim, answerId: string): Omit<DistractorPool, 'claim' | 'answerId'> => {
    const taken = takenBy(index, claim, answerId);
    const answerClass = classOf(entityOf(index, answerId).type);
    const candidates = candidatePool(index, claim, answerId).filter(
      (candidate) =>
        !taken.has(candidate) &&
        !isBackgroundEntity(index, candidate) &&
        classOf(entityOf(index, candidate).type) === answerClass &&
        // Unrelated to the answer by pathway, study and topic: guessable, never offered.
        areNeighbours(index, candidate, answerId),
    );
    return { taken, candidates };
  },
);

/**
 * Distractors of the answer's class that the pack proves wrong for this stem, nearest first
 * (graph distance), ties broken by the seed; never the answer or the stem's own entities under
 * another name, never two names of one entity, never background entities.
 */
export function findDistractors(ctx: GenContext, request: DistractorRequest): Distractor[] {
  const { index } = ctx;
  const { claim, answerId } = request;
  const pool = request.pool ?? distractorPool(ctx, claim, answerId);
  if (pool.claim !== claim || pool.answerId !== answerId) {
    throw new Error(`distractor pool for ${request.itemId} was made for another claim or answer`);
  }
  const taken = new Set(pool.taken);
  const stem = viewOf(request.stem);
  const answerType = entityOf(index, answerId).type;
  const found: (Distractor & { readonly sameType: boolean; readonly tie: number })[] = [];
  const eligible = pool.candidates.filter(
    (candidate) => !mentionsAny(stem, formsOf(index, candidate)),
  );
  // Proving a candidate wrong is the costly step: not begun when too few could pass it.
  if (eligible.length < (request.atLeast ?? 0)) return [];
  for (const candidate of eligible) {
    const entity = entityOf(index, candidate);
    const evidence = provablyFalse(index, claimStatement(claim, candidate, request.situation));
    if (!evidence) continue;
    const onStemPathway =
      claim.pathwayId !== undefined &&
      (index.pathwaysByEntity.get(candidate) ?? []).includes(claim.pathwayId);
    const near = onStemPathway || evidence.basis === 'contrary-fact';
    found.push({
      entityId: candidate,
      evidence,
      distance: near ? 1 : 2,
      sameType: entity.type === answerType,
      tie: tieBreaker(SELECTION_SEED, `${request.itemId}:${candidate}`),
    });
  }
  const ordered = found.sort(
    (a, b) => a.distance - b.distance || Number(b.sameType) - Number(a.sameType) || a.tie - b.tie,
  );
  const chosen: Distractor[] = [];
  for (const d of ordered) {
    if (chosen.length >= request.need) break;
    if (taken.has(d.entityId)) continue;
    chosen.push({ entityId: d.entityId, evidence: d.evidence, distance: d.distance });
    for (const eq of equivalents(index, d.entityId)) taken.add(eq);
  }
  return chosen;
}

/** Whether the relation can carry an entity-choice question at all. */
export function askable(relation: string): boolean {
  const id = asRelation(relation);
  return relationDef(id).objectKind === 'entity' && negatedSigns(id).length === 0;
}
