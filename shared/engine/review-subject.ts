import { mentionsAny } from './normalize.ts';
import { relatedSubjects } from './family.ts';
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
