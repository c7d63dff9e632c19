import { mentionsAny } from './normalize.ts';
import { isFamilyRelation, relatedSubjects } from './family.ts';
import type { Fact } from '../pack/schema.ts';
import { formsOf, type PackIndex } from './pack-index.ts';

/**
 * The review's own subject: the entities its title names (IL-32γ) with their isoform family
 * (IL-32, IL-32α…). A question whose answer is the subject of the whole review tests nothing:
 * "What do NK cells produce?" → IL-32.
 */
const subjects = new WeakMap<PackIndex, ReadonlySet<string>>();

export function reviewSubjects(index: PackIndex): ReadonlySet<string> {
  let found = subjects.get(index);
  if (!found) {
    const review = index.referenceById.get(index.reviewReferenceId);
    const titles = [index.pack.manifest.title, review?.title ?? ''];
    const named = [...index.entityById.values()].filter(
      (e) => !e.background && titles.some((title) => mentionsAny(title, formsOf(index, e.id))),
    );
    found = new Set(named.flatMap((e) => [...relatedSubjects(index, e.id)]));
    subjects.set(index, found);
  }
  return found;
}

export function isReviewSubject(index: PackIndex, id: string): boolean {
  return reviewSubjects(index).has(id);
}

/**
 * A blank whose answer is the review's own subject (IL-32 or one of its isoforms) tests nothing a
 * student would not guess, and has no one answer: the parent and the sibling isoforms fit too
 * ("TNF-α induces _____ in synoviocytes": β, γ and δ are all induced). Only a relation about the
 * isoforms themselves ("the most abundant isoform of _____") picks one.
 */
export function blanksTheSubjectFamily(index: PackIndex, fact: Fact, answer: string): boolean {
  return isReviewSubject(index, answer) && !isFamilyRelation(fact.relation);
}
