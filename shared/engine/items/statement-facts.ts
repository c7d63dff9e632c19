import type { Fact } from '../../pack/schema.ts';
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
  if (fact.contested !== undefined || isBackgroundFact(index, fact)) return false;
  // "IL-32 can be measured in gastric-cancer serum" is true by its nature: guessed, not known.
  if (fact.relation === 'detected-in') return false;
  return !isDefinitionFact(index, fact) && !mixesCauseAndAssociation(fact);
}

/**
 * A cause drawn from mouse and human data together ("IL-32γ protects against bone loss"): in
 * people it rests on correlations, so a plain causal statement would overstate it (audit E).
 */
function mixesCauseAndAssociation(fact: Fact): boolean {
  return (
    fact.context.species === 'human-and-mouse' &&
    fact.context.setting !== 'in-vitro' &&
    relationFamily(fact.relation) === 'causal'
  );
}

/** A fact that says what a word means: taught by its card, never owed a quiz item. */
export function isDefinitionFact(index: PackIndex, fact: Fact): boolean {
  return fact.relation === 'is-a' || isDefinitionalLink(index, fact.subject, fact.object);
}
