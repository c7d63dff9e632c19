import type { Fact } from '../pack/schema.ts';
import { isPlaceModifier, lowersSubject } from '../pack/modifiers.ts';
import { measuresDiffer, readsAsLevel } from '../pack/measures.ts';
import { isSpecificSetting } from '../pack/settings.ts';
import { speciesExclude } from '../pack/species.ts';
import { isRelationId, relationDef, relationIds, type RelationId } from '../pack/relations.ts';
import type { Statement, SubjectRef } from './types.ts';

/**
 * What a claim is: its relation family, its effective direction, its subject as stated, its
 * situation. Support and refutation (semantics.ts) are decided on these.
 */

export type Polarity = 1 | -1 | 0;

/** Relations that can contradict one another: same family, opposite effective polarity. */
export function relationFamily(relation: RelationId): string {
  return families.get(relation) ?? familyOf(relation);
}

function familyOf(relation: RelationId): string {
  return relationDef(relation).family ?? relation;
}

// Support and refutation ask a relation's family and sign tens of thousands of times per bank.
const families = new Map(relationIds.map((id) => [id, familyOf(id)]));

/** A claim that the subject is needed for the object, which names no amount (relations.ts). */
export function statesNecessity(relation: RelationId): boolean {
  return relationDef(relation).necessity === true;
}

/** Relations that deny an effect: they refute a claimed change without claiming the opposite. */
export function isNegation(relation: RelationId): boolean {
  return negatedSigns(relation).length > 0;
}

/** The claimed directions a denial refutes: "fails to inhibit" refutes only "inhibits". */
export function negatedSigns(relation: RelationId): readonly (1 | -1)[] {
  return relationDef(relation).negates ?? [];
}

/** Modifiers that say where a level was measured (local, systemic): a setting, not a change. */
export const isWhereModifier = isPlaceModifier;

/** "Loss of DKK-1 promotes X" says DKK-1 restrains X: a lowering modifier flips the sign. */
export function effectivePolarity(relation: RelationId, modifier?: string): Polarity {
  const sign = signs.get(relation) ?? signOf(relation);
  if (sign === 0) return 0;
  return (lowersSubject(modifier) ? -sign : sign) as Polarity;
}

/** The direction a relation claims of an unmodified subject; none for a denial. */
function signOf(relation: RelationId): Polarity {
  if (isNegation(relation)) return 0;
  const base = relationDef(relation).polarity;
  return base === 'increases' ? 1 : base === 'decreases' ? -1 : 0;
}

const signs = new Map(relationIds.map((id) => [id, signOf(id)]));

export function asRelation(relation: string): RelationId {
  if (!isRelationId(relation)) throw new Error(`unknown relation "${relation}"`);
  return relation;
}

export function subjectOf(fact: Fact): SubjectRef {
  return {
    entityId: fact.subject,
    ...(fact.subjectModifier === undefined ? {} : { modifier: fact.subjectModifier }),
    ...(fact.subjectSpecies === undefined ? {} : { origin: fact.subjectSpecies }),
    coSubjects: fact.coSubjects,
  };
}

export function statementOf(fact: Fact, change: Partial<Statement> = {}): Statement {
  return {
    subject: subjectOf(fact),
    relation: fact.relation,
    object: fact.object,
    ...(fact.objectDetail === undefined ? {} : { objectDetail: fact.objectDetail }),
    ...(fact.measure === undefined ? {} : { measure: fact.measure }),
    compartments: fact.context.compartments,
    diseases: fact.context.diseases,
    species: fact.context.species,
    cells: fact.context.cells,
    setting: fact.context.setting,
    ...change,
  };
}

/** One key per claim: same subject, modifier, family, polarity (or relation) and object. */
export function statementKey(statement: Statement): string {
  const relation = asRelation(statement.relation);
  const polarity = effectivePolarity(relation, statement.subject.modifier);
  const predicate =
    polarity === 0 ? relation : `${relationFamily(relation)}${polarity > 0 ? '+' : '-'}`;
  const qualifier = isPlaceModifier(statement.subject.modifier) ? statement.subject.modifier : '';
  return [
    statement.subject.entityId,
    qualifier,
    predicate,
    statement.object,
    [...statement.compartments].sort().join('+'),
    statement.pathwayId ?? '',
    // A function is another claim than a level; a level, an expression or an activity is not.
    ...(readsAsLevel(statement.measure) ? [] : [statement.measure]),
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
  const qa = isPlaceModifier(a) ? a : undefined;
  const qb = isPlaceModifier(b) ? b : undefined;
  if (qa !== undefined && qb !== undefined && qa !== qb) return false;
  if (speciesExclude(statement.species ?? [], fact.context.species)) return false;
  if (measuresDiffer(statement.measure, fact.measure)) return false;
  return (
    overlapsOrOpen(statement.compartments, fact.context.compartments) &&
    overlapsOrOpen(statement.diseases, fact.context.diseases)
  );
}

type Dimensions = readonly (readonly string[])[];
const SPECIES = 3;

function dimensions(
  compartments: readonly string[],
  diseases: readonly string[],
  cells: readonly string[],
  species: readonly string[] | undefined,
  setting: string | undefined,
): Dimensions {
  const kinds = species ?? [];
  return [
    compartments,
    diseases,
    cells,
    kinds,
    isSpecificSetting(setting) && setting !== undefined ? [setting] : [],
  ];
}

/**
 * Whether a fact can refute a statement. Beyond sameSituation (compartments, diseases, species,
 * local or systemic): cells overlap, settings do not clash, and a specific finding speaks only to
 * a general statement or to one about a situation it shares. What IL-32 does in PBMC cultures says
 * nothing against what it does in osteoclast precursors, a THP-1 experiment nothing against a
 * claim about AS spinal joints, a mouse finding nothing against a human one.
 */
export function compatibleContext(statement: Statement, fact: Fact): boolean {
  if (!sameSituation(statement, fact)) return false;
  const mine = dimensions(
    statement.compartments,
    statement.diseases,
    statement.cells ?? [],
    statement.species,
    statement.setting,
  );
  const theirs = dimensions(
    fact.context.compartments,
    fact.context.diseases,
    fact.context.cells,
    fact.context.species,
    fact.context.setting,
  );
  let shared = false;
  let specificHere = false;
  let specificThere = false;
  for (const [i, a] of mine.entries()) {
    const b = theirs[i] ?? [];
    specificHere ||= a.length > 0 && i !== SPECIES;
    specificThere ||= b.length > 0 && i !== SPECIES;
    if (a.length === 0 || b.length === 0) continue;
    if (!a.some((x) => b.includes(x))) return false;
    // Nearly every finding names a species: sharing one is not sharing a situation.
    if (i !== SPECIES) shared = true;
  }
  return shared || !specificHere || !specificThere;
}

/**
 * The claim a fact denies, turned round: "raises" for "lowers", and for "no difference" a rise
 * (a false statement a student cannot spot by its negation word).
 */
export function oppositeOf(relation: RelationId): string | undefined {
  if (undirectedVerbs.has(relation)) return undefined;
  return relation === 'no-difference-in' ? 'elevated-in' : relationDef(relation).opposite;
}

/**
 * "miR-29a targets DKK-1" names no direction in its verb: "miR-29a increases DKK-1" is not what
 * it denies, and its explanation would not say why (audit P).
 */
const undirectedVerbs = new Set<string>(['targets']);

/**
 * The verb a true statement says its claim with: the one its false twin is turned from ("TNF-α
 * increases IL-32γ" beside "TNF-α decreases IL-32γ"). A fact's own verb on the true side only
 * ("induces") told true from false: "increases or decreases → false" scored 13 of 15 (audit P).
 */
export function pairedRelation(relation: RelationId): RelationId {
  const own = relationDef(relation);
  const opposite = own.polarity === 'none' ? undefined : oppositeOf(relation);
  const back = opposite === undefined ? undefined : oppositeOf(asRelation(opposite));
  if (back === undefined) return relation;
  const paired = relationDef(asRelation(back));
  // Only a verb for the same claim: "no difference" is turned into a rise, never back into a fall.
  return paired.polarity === own.polarity && paired.family === own.family
    ? asRelation(back)
    : relation;
}
