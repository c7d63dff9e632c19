import type { Statement } from '../engine/types.ts';
import type { Fact } from '../pack/schema.ts';
import { drawnOn, factClaim, sameSet, type FactBase } from './facts.ts';
import {
  deniedSign,
  invertingModifiers,
  polarity,
  qualifyingModifiers,
  singleValued,
  type Sign,
} from './polarity.ts';

/**
 * Support and contradiction between a claim (an item's statement, or "subject relation option")
 * and one fact, by the plain rules of the brief: support needs the same subject (a fact about an
 * isoform also supports its gene), the same perturbation of it, the same polarity, the same object
 * and every qualifier of the fact kept; contradiction needs the same subject and object, a setting
 * that overlaps, and the opposite polarity in the same family (or "no difference" against a change).
 */

/** The claim's direction once a perturbation of its subject is taken into account. */
export function effectiveSign(claim: Statement): Sign {
  const { sign } = polarity(claim.relation);
  const inverted = invertingModifiers.includes(claim.subject.modifier ?? '');
  return inverted && sign !== 0 ? (-sign as Sign) : sign;
}

function qualifier(claim: Statement): string | undefined {
  const modifier = claim.subject.modifier;
  return modifier !== undefined && qualifyingModifiers.includes(modifier) ? modifier : undefined;
}

type Species = readonly string[] | undefined;

/** A claim keeps a fact's species when the fact names none, or the claim names some of them only. */
function speciesKept(fact: Species, claim: Species): boolean {
  if (fact === undefined || fact.length === 0) return true;
  return claim !== undefined && claim.length > 0 && claim.every((name) => fact.includes(name));
}

function speciesOverlap(a: Species, b: Species): boolean {
  return overlaps(a ?? [], b ?? []);
}

/** Two lists of settings overlap unless both name some and share none. */
function overlaps(a: readonly string[], b: readonly string[]): boolean {
  return a.length === 0 || b.length === 0 || a.some((x) => b.includes(x));
}

export function settingsOverlap(a: Statement, b: Statement): boolean {
  return (
    overlaps(a.diseases, b.diseases) &&
    overlaps(a.compartments, b.compartments) &&
    speciesOverlap(a.species, b.species) &&
    (a.measure === undefined || b.measure === undefined || a.measure === b.measure)
  );
}

/** Neither list names anything, or the claim keeps at least one of the fact's entries. */
function keepsOne(fact: readonly string[], claim: readonly string[], extra?: string): boolean {
  return fact.length === 0 || fact.some((x) => claim.includes(x) || x === extra);
}

/**
 * Why the claim drops one of the fact's qualifiers, or undefined when it keeps them. A fact that
 * lists several diseases or compartments reports the finding in each, so keeping one is enough;
 * "local" and "systemic" are kept by the modifier itself or by a compartment of the fact.
 */
export function droppedQualifier(claim: Statement, fact: Fact): string | undefined {
  const context = fact.context;
  if (!keepsOne(context.diseases, claim.diseases, claim.object)) {
    return `drops the disease (${context.diseases.join(', ')})`;
  }
  if (!keepsOne(context.compartments, claim.compartments)) {
    return `drops the compartment (${context.compartments.join(', ')})`;
  }
  // A function is not a level: a claim that leaves "function" out states a different finding.
  if (fact.measure === 'function' && claim.measure !== 'function') {
    return 'drops what was measured (function, not level)';
  }
  if (!speciesKept(context.species, claim.species)) {
    const said =
      claim.species === undefined || claim.species.length === 0 ? ['general'] : claim.species;
    return `states a ${context.species.join(' and ')} finding as ${said.join(' and ')}`;
  }
  const kept = qualifier(factClaim(fact));
  const keptBySetting =
    (kept === 'local' || kept === 'systemic') &&
    context.compartments.some((c) => claim.compartments.includes(c));
  if (kept !== undefined && kept !== qualifier(claim) && !keptBySetting) {
    return `drops the qualifier "${kept}"`;
  }
  return undefined;
}

/** Same direction once perturbations of the subject are read ("lowered X raises Y" = X lowers Y). */
function samePolarity(claim: Statement, fact: Statement): boolean {
  const a = polarity(claim.relation);
  const b = polarity(fact.relation);
  if (a.family === 'none' || b.family === 'none') {
    return claim.relation === fact.relation && direction(claim) === direction(fact);
  }
  return a.family === b.family && effectiveSign(claim) === effectiveSign(fact);
}

function direction(claim: Statement): number {
  return invertingModifiers.includes(claim.subject.modifier ?? '') ? -1 : 1;
}

/**
 * How much of the fact's setting a claim must repeat to be supported by it: `all` (statements
 * shown as such: diseases, compartments, species), `place` (items whose stem names the disease
 * and compartment but not the species), `overlap` (entity-choice stems, whose setting is not in
 * the item's structure, and the test "is this wrong option in fact true?").
 */
export type Strictness = 'all' | 'place' | 'overlap';

/**
 * Why the fact does not support the claim, or undefined when it does. A fact about an isoform
 * supports the same claim about its gene. On a pathway-framed claim, a fact drawn on that
 * pathway needs no qualifier check: the model is the setting.
 */
export function whyUnsupported(
  base: FactBase,
  claim: Statement,
  fact: Fact,
  strictness: Strictness = 'all',
): string | undefined {
  const subjectOk =
    fact.subject === claim.subject.entityId ||
    (base.genesOf.get(fact.subject) ?? []).includes(claim.subject.entityId);
  if (!subjectOk) return `${fact.id} is about ${fact.subject}, not ${claim.subject.entityId}`;
  if (!sameSet(fact.coSubjects, claim.subject.coSubjects))
    return `${fact.id} has other co-subjects`;
  if (!samePolarity(claim, factClaim(fact))) {
    const modifier = fact.subjectModifier === undefined ? '' : ` (subject ${fact.subjectModifier})`;
    return `${fact.id} says ${fact.relation}${modifier}, the claim ${claim.relation}`;
  }
  if (fact.object !== claim.object)
    return `${fact.id} has the object ${fact.object}, not ${claim.object}`;
  if (claim.pathwayId !== undefined && drawnOn(base, claim.pathwayId, fact.id)) return undefined;
  if (strictness === 'overlap') {
    return settingsOverlap(claim, factClaim(fact))
      ? undefined
      : `${fact.id} is about another setting`;
  }
  const dropped = droppedQualifier(
    strictness === 'all' ? claim : { ...claim, species: fact.context.species },
    fact,
  );
  return dropped === undefined ? undefined : `${fact.id}: ${dropped}`;
}

export function supportedBy(
  base: FactBase,
  claim: Statement,
  facts: readonly Fact[],
  strictness: Strictness = 'all',
): Fact[] {
  return facts.filter((fact) => whyUnsupported(base, claim, fact, strictness) === undefined);
}

/** True when the fact proves the claim false. */
export function contradicts(claim: Statement, fact: Fact): boolean {
  const sameEnds =
    fact.subject === claim.subject.entityId &&
    sameSet(fact.coSubjects, claim.subject.coSubjects) &&
    fact.object === claim.object;
  if (!sameEnds && fact.relation !== claim.relation) return false;
  const factAsClaim = factClaim(fact);
  const qualifiersMeet =
    qualifier(claim) === undefined ||
    qualifier(factAsClaim) === undefined ||
    qualifier(claim) === qualifier(factAsClaim);
  if (!qualifiersMeet || !settingsOverlap(claim, factAsClaim)) return false;
  if (sameEnds && opposed(claim, factAsClaim)) return true;
  if (sameEnds && (denies(factAsClaim, claim) || denies(claim, factAsClaim))) return true;
  return singleValueClash(claim, fact);
}

function opposed(a: Statement, b: Statement): boolean {
  const pa = polarity(a.relation);
  const pb = polarity(b.relation);
  if (pa.family === 'none' || pa.family !== pb.family) return false;
  const sa = effectiveSign(a);
  const sb = effectiveSign(b);
  return sa !== sb;
}

/** `negated` ("does not induce") denies `claim` (an induction) with no partner. */
function denies(negated: Statement, claim: Statement): boolean {
  const denied = deniedSign[negated.relation];
  return (
    denied !== undefined &&
    polarity(claim.relation).family === 'causal' &&
    effectiveSign(claim) === denied &&
    claim.subject.coSubjects.length === 0 &&
    (claim.subject.modifier ?? '') === (negated.subject.modifier ?? '')
  );
}

/** A single-valued relation whose fixed side matches but whose value differs. */
function singleValueClash(claim: Statement, fact: Fact): boolean {
  const fixed = singleValued[fact.relation];
  if (fixed === undefined || fact.relation !== claim.relation) return false;
  return fixed === 'subject'
    ? fact.object === claim.object && fact.subject !== claim.subject.entityId
    : fact.subject === claim.subject.entityId && fact.object !== claim.object;
}

export function contradictedBy(claim: Statement, facts: readonly Fact[]): Fact[] {
  return facts.filter((fact) => contradicts(claim, fact));
}

/**
 * Types a relation's subject or object must have; an option of another type is impossible. Kept
 * short on purpose: only relations whose ends are unambiguous.
 */
const objectTypes: Readonly<Record<string, readonly string[]>> = {
  'produced-by': ['cell'],
  'elevated-in': ['disease', 'animal-model', 'compartment', 'cell'],
  'reduced-in': ['disease', 'animal-model', 'compartment', 'cell'],
  'no-difference-in': ['disease', 'animal-model', 'compartment', 'cell'],
};
const subjectTypes: Readonly<Record<string, readonly string[]>> = {
  'isoform-of': ['isoform'],
  'most-active-isoform-of': ['isoform'],
  'most-abundant-isoform-of': ['isoform'],
  'predominant-isoform-in': ['isoform'],
};

/** Why the claim is impossible by the types of its ends, or undefined. */
export function impossibleByType(base: FactBase, claim: Statement): string | undefined {
  const subjectType = base.entityType.get(claim.subject.entityId);
  const objectType = base.entityType.get(claim.object);
  const subjectOk = subjectTypes[claim.relation];
  const objectOk = objectTypes[claim.relation];
  if (subjectOk !== undefined && subjectType !== undefined && !subjectOk.includes(subjectType)) {
    return `a ${subjectType} cannot be the subject of ${claim.relation}`;
  }
  if (objectOk !== undefined && objectType !== undefined && !objectOk.includes(objectType)) {
    return `a ${objectType} cannot be the object of ${claim.relation}`;
  }
  return undefined;
}
