import type { Fact } from '../../pack/schema.ts';
import { leadReference } from '../citations.ts';
import { isBackgroundFact, type PackIndex } from '../pack-index.ts';
import { isDefinitionalLink } from './pathway-common.ts';

/**
 * Whether a fact may be asked as a statement (true/false, "which statement is true"). Not a
 * contested or background fact; not a definition ("osteoporosis is a bone-remodelling disorder",
 * "bone homeostasis needs osteoblasts"), which a student answers without the review and a
 * definition card teaches; not a claim resting on a vendor page or an encyclopedia, which a
 * lecturer would not cite (audits E and F).
 */
export function isAskedAsStatement(index: PackIndex, fact: Fact): boolean {
  if (fact.contested !== undefined || isBackgroundFact(index, fact)) return false;
  if (fact.relation === 'is-a' || isDefinitionalLink(index, fact.subject, fact.object))
    return false;
  return leadReference(index, fact).kind !== 'other';
}
