import { checkChoiceOptions } from '../../items/choice-checks.ts';
import { pathwayOf, type Report } from '../../items/check-helpers.ts';
import type { PackIndex } from '../../pack-index.ts';
import type { DiagramEdgeItem } from '../../types.ts';
import { signValueOf } from '../../../pack/edge-signs.ts';

/** The hidden edge is stated, not inferred, and keyed with its own sign. */
export function checkDiagramEdge(index: PackIndex, item: DiagramEdgeItem, report: Report): void {
  checkChoiceOptions(index, item, report);
  const pathway = pathwayOf(index, item.pathwayId, report);
  const edge = pathway?.edges.find((e) => e.id === item.hiddenEdgeId);
  if (!pathway || !edge) {
    report('answer-shape', `edge ${item.hiddenEdgeId} is not in ${item.pathwayId}`);
    return;
  }
  if (edge.inferred) report('answer-inferred', `edge ${edge.id} is inferred`);
  const correct = item.options.find((o) => o.correct);
  if (correct && correct.id !== signValueOf(edge.sign)) {
    report('edge-sign-mismatch', `marked “${correct.id}” but the edge is ${edge.sign}`);
  }
}
