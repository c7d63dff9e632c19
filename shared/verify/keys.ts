import type { QuizItem } from '../engine/types.ts';
import type { Disagreement } from './disagreement.ts';
import { citedFacts, factBase, type VerifyPack } from './facts.ts';
import { checkDiagramEdge, checkOrdering, checkPerturbation } from './pathway-keys.ts';
import { checkCloze, checkMatching, checkWhichStudy } from './source-keys.ts';
import { checkChoice, checkContext, checkTrueFalse, type Finding } from './statement-keys.ts';

function findingsFor(base: ReturnType<typeof factBase>, item: QuizItem): Finding[] {
  const unknown = item.factIds.filter((id) => !base.byId.has(id));
  if (item.factIds.length === 0 || unknown.length > 0) {
    return [{ rule: 'fact-unknown', reason: `cites ${unknown.join(', ') || 'no fact'}` }];
  }
  const cited = citedFacts(base, item.factIds);
  switch (item.kind) {
    case 'true-false':
      return checkTrueFalse(base, item, cited);
    case 'mcq':
    case 'diagram-node':
      return checkChoice(base, item, cited);
    case 'context':
      return checkContext(base, item, cited);
    case 'which-study':
      return checkWhichStudy(base, item);
    case 'cloze':
      return checkCloze(item, cited);
    case 'matching':
      return checkMatching(base, item);
    case 'perturbation':
      return checkPerturbation(base, item);
    case 'diagram-edge':
      return checkDiagramEdge(base, item);
    case 'ordering':
      return checkOrdering(base, item);
  }
}

/** Re-derives every item's key from the pack's raw facts; one entry per disagreement. */
export function verifyKeys(pack: VerifyPack, items: readonly QuizItem[]): Disagreement[] {
  const base = factBase(pack);
  return items.flatMap((item) =>
    findingsFor(base, item).map((f) => ({ itemId: item.id, kind: item.kind, ...f })),
  );
}
