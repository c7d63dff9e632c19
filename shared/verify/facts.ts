import type { Statement } from '../engine/types.ts';
import type { Entity, Fact, Pathway } from '../pack/schema.ts';
import { isoformRelations } from './polarity.ts';
import { namesOf } from './shown.ts';

/** What the verifier reads of a pack: raw entities, facts, pathways and background facts. */
export interface VerifyPack {
  readonly entities: readonly Entity[];
  readonly facts: readonly Fact[];
  readonly pathways: readonly Pathway[];
  /** Textbook facts (pack.background, ids B001…): evidence against wrong options, never a key. */
  readonly background?: readonly Fact[];
}

/** The pack's facts, looked up the plain way. */
export interface FactBase {
  readonly byId: ReadonlyMap<string, Fact>;
  /** Pack facts, then background facts: every fact that may contradict a claim. */
  readonly all: readonly Fact[];
  readonly entityType: ReadonlyMap<string, string>;
  /** Entity id → every written form, for checking what a learner reads. */
  readonly names: ReadonlyMap<string, string[]>;
  /** Isoform → the gene(s) it is an isoform of, from isoform relations in facts and background. */
  readonly genesOf: ReadonlyMap<string, readonly string[]>;
  readonly pathways: ReadonlyMap<string, Pathway>;
  /** Ids of the background (textbook) facts. */
  readonly backgroundIds: readonly string[];
}

export function factBase(pack: VerifyPack): FactBase {
  const all = [...pack.facts, ...(pack.background ?? [])];
  const genesOf = new Map<string, string[]>();
  for (const fact of all) {
    if (!isoformRelations.includes(fact.relation)) continue;
    const genes = genesOf.get(fact.subject) ?? [];
    if (!genes.includes(fact.object)) genes.push(fact.object);
    genesOf.set(fact.subject, genes);
  }
  return {
    byId: new Map(all.map((f) => [f.id, f])),
    all,
    entityType: new Map(pack.entities.map((e) => [e.id, e.type])),
    names: new Map(pack.entities.map((e) => [e.id, namesOf(e)])),
    genesOf,
    pathways: new Map(pack.pathways.map((p) => [p.id, p])),
    backgroundIds: (pack.background ?? []).map((f) => f.id),
  };
}

/** The facts an item cites, in order; unknown ids are left out (reported by the caller). */
export function citedFacts(base: FactBase, factIds: readonly string[]): Fact[] {
  return factIds.flatMap((id) => base.byId.get(id) ?? []);
}

/** A fact as a claim, so facts and item statements compare the same way. */
export function factClaim(fact: Fact): Statement {
  return {
    subject: {
      entityId: fact.subject,
      coSubjects: fact.coSubjects,
      ...(fact.subjectModifier === undefined ? {} : { modifier: fact.subjectModifier }),
    },
    relation: fact.relation,
    object: fact.object,
    compartments: fact.context.compartments,
    diseases: fact.context.diseases,
    species: fact.context.species,
    ...(fact.measure === undefined ? {} : { measure: fact.measure }),
  };
}

/** A bare claim "subject relation object" with no setting (entity-choice stems, pathway edges). */
export function bareClaim(
  subject: Statement['subject'],
  relation: string,
  object: string,
  pathwayId?: string,
): Statement {
  return {
    subject,
    relation,
    object,
    compartments: [],
    diseases: [],
    ...(pathwayId === undefined ? {} : { pathwayId }),
  };
}

export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** The fact is drawn on an edge of the pathway. */
export function drawnOn(base: FactBase, pathwayId: string, factId: string): boolean {
  const pathway = base.pathways.get(pathwayId);
  return pathway?.edges.some((e) => e.factIds.includes(factId)) ?? false;
}
