import type { Fact } from '../../../pack/schema.ts';
import { classOf, type PackIndex } from '../../pack-index.ts';
import { oppositeOf } from '../../claims.ts';
import { relationFamily } from '../../semantics.ts';
import { isCellLineWork } from '../../setting.ts';
import type { Statement } from '../../types.ts';
import { isAskedAsStatement } from '../../items/statement-facts.ts';

/** Which facts a true/false statement asks, and how a statement is worded from its fact. */

/**
 * A bracketed aside is a second claim ("(proteoglycan loss does not need TNF-α)", "(mostly non-α
 * isoforms)", "(more bone formation than wild type)"): one statement asks one claim (audits M, N).
 * The comparison group of a level stays part of its claim, said as part of the sentence ("compared
 * with RA"); "(absent in osteoarthritis)" is a second finding (audit O). A one-word qualifier
 * ("(activated)") is read into the name.
 */
const MAX_DETAIL_WORDS = 6;

export function withoutAside(statement: Statement): Statement {
  const detail = statement.objectDetail?.trim();
  if (detail === undefined || /^\([a-z-]+ed\)$/.test(detail)) return statement;
  const kept = detail
    .replace(/\s*\(([^()]*)\)/g, (_aside: string, inside: string) =>
      /^(?:compared with|versus)\b/.test(inside) ? ` ${inside}` : '',
    )
    // "(and IFN-γ) release, both osteoclast inhibitors": an appositive about the objects is a
    // second claim, and with the aside gone its "both" has nothing to refer to.
    .replace(/,\s*(?:both|all|each|two)\b[^,]*$/, '')
    .replace(/^[\s,]+/, '')
    .trim();
  // A long description ("into TRAcP+ VNR+ multinucleated cells expressing NFATc1, OSCAR and
  // cathepsin K") is a list to recall, not a claim to judge (audit O); a comparison stays.
  const long = kept.split(/\s+/).length > MAX_DETAIL_WORDS && !/\bcompared with\b/.test(kept);
  return { ...statement, objectDetail: kept === '' || long ? undefined : kept };
}

/**
 * A flip a student would reject on sight, or one that means nothing: a disease "promoting" bone
 * homeostasis; a treatment harming what it is given for; a level turned round with no comparison ("IL-32 is reduced in immune tissues" —
 * than what?) unless the object is a disease, compared with health (audits E and F).
 */
export function flipMakesNoSense(index: PackIndex, fact: Fact): boolean {
  const classOfEntity = (id: string): string | undefined => {
    const entity = index.entityById.get(id);
    return entity === undefined ? undefined : classOf(entity.type);
  };
  if (classOfEntity(fact.subject) === 'disease') return true;
  if (isTreatmentEffect(index, fact)) return true;
  // "into macrophages or dendritic cells": denying both halves can leave one true (IL-32 turns
  // dendritic-cell differentiation into macrophage differentiation), audit H.
  if (/\bor\b/.test(fact.objectDetail ?? '')) return true;
  if (relationFamily(fact.relation) !== 'level' || classOfEntity(fact.object) === 'disease')
    return false;
  return !/\b(?:compared|than|versus|vs)\b/i.test(fact.objectDetail ?? '');
}

/**
 * What a drug does, or what treatment with it did: it is given for that, so any false twin
 * ("romosozumab activates sclerostin", "treatment with romosozumab decreases bone density" or
 * "…increases resorption markers") is struck out by anyone who knows why it is given, and beside
 * its true effects leaves the one helpful option as the key (audit 20261230). No false statement
 * is made from it, flipped or swapped.
 */
export function isTreatmentEffect(index: PackIndex, fact: Fact): boolean {
  const subject = index.entityById.get(fact.subject);
  return (
    (subject !== undefined && classOf(subject.type) === 'drug') ||
    fact.subjectModifier === 'treated'
  );
}

/** A detail tied to the direction of the effect: a comparison of strength, a route, a concession. */
export function turnsWithTheEffect(detail: string): boolean {
  return /\b(?:than|via|through|or|despite|causing|because|so)\b/.test(detail);
}

/**
 * A fact asked as a true/false statement (audit O, true/false alone):
 * - its claim can be turned round: a claim with no opposite ("is produced by", "is associated
 *   with", "is required for", "fails to") was only ever true, and "no opposite → true" scored 11 of
 *   11;
 * - it is no minor level: the review's levels are mostly raised, so "raised → true" scored 8 of
 *   9; the context kind asks levels as raised, lowered or no different;
 * - its setting can be said: with human and mouse cells of several types the pack does not say
 *   which cells were whose, and "human and mouse cells" loses the cell type; cell lines studied
 *   within a study of a tissue are neither the tissue nor apart from it.
 * - it is no induction of a cytokine by a stimulus: "mitogens decrease IL-32", "IFN-γ decreases
 *   IL-32" are rejected on general immunology, and their true twins alone would be a cue (audit S).
 * A high-yield fact that no other quiz item asks is asked whatever its relation: every point the
 * review turns on is quizzed, and such facts are few.
 */
/**
 * A correlation measured in one tissue with a measure taken elsewhere ("synovial IL-32 staining
 * tracks ESR") reads as both in that tissue ("ESR in RA synovium") unless the subject's own
 * wording carries its place ("circulating IL-32γ"), audit P.
 */
function placesBothEnds(fact: Fact): boolean {
  return (
    relationFamily(fact.relation) === 'correlation' &&
    fact.context.compartments.length > 0 &&
    fact.subjectModifier === undefined
  );
}

export function isAskedAsTrueFalse(
  index: PackIndex,
  fact: Fact,
  taughtElsewhere: ReadonlySet<string>,
): boolean {
  if (!isAskedAsStatement(index, fact) || isCellLineWork(fact.context)) return false;
  if (fact.context.species.length > 1 && fact.context.cells.length > 1) return false;
  if (placesBothEnds(fact)) return false;
  if (fact.highYield && !taughtElsewhere.has(fact.id)) return true;
  if (fact.relation === 'induces-expression-of') return false;
  // The high-yield levels are both raised (AS) and lowered (osteoporosis): asked together, their
  // direction tells nothing, and each is a point the review turns on.
  if (relationFamily(fact.relation) === 'level' && !fact.highYield) return false;
  return oppositeOf(fact.relation) !== undefined && !flipMakesNoSense(index, fact);
}
