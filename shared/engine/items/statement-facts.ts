import { relationDef } from '../../pack/relations.ts';
import type { Fact } from '../../pack/schema.ts';
import { isCultureSetting } from '../../pack/settings.ts';
import { humanTaxon } from '../../pack/species.ts';
import { isTrivia } from '../cloze-text.ts';
import { isBackgroundFact, type PackIndex } from '../pack-index.ts';
import { relationFamily } from '../semantics.ts';
import { isDefinitionalLink } from './pathway-common.ts';

/**
 * Whether a fact may be asked as a statement (true/false, "which statement is true"). Not a
 * contested or background fact; not a definition ("osteoporosis is a bone-remodelling disorder",
 * "bone homeostasis needs osteoblasts"), which a student answers without the review and a
 * definition card teaches (audits E and F).
 */
export function isAskedAsStatement(index: PackIndex, fact: Fact): boolean {
  if (fact.contested !== undefined || isBackgroundFact(index, fact) || isTrivia(fact)) return false;
  // "IL-32 can be measured in gastric-cancer serum" is true by its nature, and "(among other
  // cells)" marks a statement true: guessed, not known (audits H and I).
  if (fact.relation === 'detected-in' || /\bamong others?\b/.test(fact.objectDetail ?? ''))
    return false;
  return (
    !isDefinitionFact(index, fact) && !mixesCauseAndAssociation(fact) && !isBareAssociation(fact)
  );
}

/**
 * "IL-32γ is associated with osteoporosis", said with no where, how or direction: it has no
 * opposite, so as a statement it can only be true, and for the review's own subjects it restates
 * the title; a test-wise student gets it free (audit X). Its findings teach it: where the level
 * was raised or lowered, and what that did.
 */
export function isBareAssociation(fact: Fact): boolean {
  const { compartments, cells } = fact.context;
  const relation = relationDef(fact.relation);
  return (
    relation.polarity === 'none' &&
    relation.family === undefined &&
    relation.negates === undefined &&
    relation.objectKind === 'entity' &&
    relation.symmetric &&
    fact.objectDetail === undefined &&
    compartments.length === 0 &&
    cells.length === 0
  );
}

/**
 * The quizzed findings that specify a bare association: facts on the same subject (or an isoform
 * of it) set in the associated disease ("IL-32γ is lowered in the blood in osteoporosis").
 */
export function findingsSpecifying(
  index: PackIndex,
  association: Fact,
  quizzed: ReadonlySet<string>,
): string[] {
  return index.pack.facts
    .filter(
      (fact) =>
        fact.id !== association.id &&
        quizzed.has(fact.id) &&
        fact.subject === association.subject &&
        (fact.context.diseases.includes(association.object) || fact.object === association.object),
    )
    .map((fact) => fact.id);
}

/**
 * A cause drawn from mouse and human data together ("IL-32γ protects against bone loss"): in
 * people it rests on correlations, so a plain causal statement would overstate it (audit E).
 */
function mixesCauseAndAssociation(fact: Fact): boolean {
  return (
    fact.context.species.includes(humanTaxon) &&
    fact.context.species.length > 1 &&
    !isCultureSetting(fact.context.setting) &&
    relationFamily(fact.relation) === 'causal'
  );
}

/**
 * A fact that says what a word means: taught by its card, never owed a quiz item. A cause
 * between cells and processes is one ("bone homeostasis needs osteoblasts"); a contest between
 * them ("in AS, osteoblast differentiation outweighs osteoclast differentiation") is a finding.
 */
export function isDefinitionFact(index: PackIndex, fact: Fact): boolean {
  return fact.relation === 'is-a' || isDefinitionalCause(index, fact);
}

/** A cause between cells or processes, true by what the words mean. */
export function isDefinitionalCause(index: PackIndex, fact: Fact): boolean {
  return (
    relationFamily(fact.relation) === 'causal' &&
    isDefinitionalLink(index, fact.subject, fact.object)
  );
}
