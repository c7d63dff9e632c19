import type { PublicQuizItem } from '../../../../../shared/contract/quiz.ts';
import { mentionsAny } from '../../../../../shared/engine/normalize.ts';

/**
 * Before an item is answered, nothing in its view beyond the question and its options may name an
 * answer. The renderer does not know the key, so it guards against every candidate: an option
 * is a candidate unless the drawing already shows it as a visible label (a visible node is never
 * the hidden one). Matching is the shared one (Greek letters, aliases, spellings).
 */
export function answerCandidates(item: PublicQuizItem): string[] {
  const visible = new Set(
    (item.diagram?.nodes ?? []).flatMap((node) => (node.label === null ? [] : [node.label])),
  );
  return (item.options ?? []).map((option) => option.text).filter((text) => !visible.has(text));
}

/** Whether a text shown with the item (caption, title, legend, narration) names a candidate. */
export function namesACandidate(text: string, item: PublicQuizItem): boolean {
  const candidates = answerCandidates(item);
  return candidates.length > 0 && mentionsAny(text, candidates);
}

/**
 * The text to show with an item: as given once it is answered, or while it names no candidate;
 * otherwise the fallback, which must itself name nothing.
 */
export function withheldUntilAnswered(
  text: string,
  item: PublicQuizItem,
  answered: boolean,
  fallback: string,
): string {
  return answered || !namesACandidate(text, item) ? text : fallback;
}
