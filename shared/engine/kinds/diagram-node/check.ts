import { factsOf, pathwayOf, type Report } from '../../items/check-helpers.ts';
import { checkChoiceOptions, checkEntityChoices } from '../../items/choice-checks.ts';
import { claimStatement } from '../../items/distractors.ts';
import type { PackIndex } from '../../pack-index.ts';
import { supportOf } from '../../semantics.ts';
import type { DiagramNodeItem } from '../../types.ts';

/** The key is the hidden node's entity, placed by a solid edge, and fits the link shown. */
export function checkDiagramNode(index: PackIndex, item: DiagramNodeItem, report: Report): void {
  checkChoiceOptions(index, item, report);
  const pathway = pathwayOf(index, item.pathwayId, report);
  if (!pathway) return;
  const node = pathway.nodes.find((n) => n.id === item.hiddenNodeId);
  if (!node) {
    report('answer-shape', `hidden node ${item.hiddenNodeId} is not in ${pathway.id}`);
    return;
  }
  const answer = checkEntityChoices(
    index,
    item,
    item.claim,
    { compartments: [], diseases: [] },
    report,
  );
  if (answer && answer.entityId !== node.entity) {
    report(
      'answer-unsupported',
      `the correct option is not the hidden node's entity ${node.entity}`,
    );
  }
  const incident = pathway.edges.filter((e) => e.from === node.id || e.to === node.id);
  const solid = incident.filter(
    (e) => !e.inferred && factsOf(index, e.factIds).some((f) => f.contested === undefined),
  );
  if (incident.length > 0 && solid.length === 0) {
    report('answer-inferred', `node ${node.id} is placed only by inferred or contested edges`);
  }
  if (
    answer?.entityId &&
    !supportOf(
      index,
      claimStatement(item.claim, answer.entityId, { compartments: [], diseases: [] }),
    )
  ) {
    report('answer-unsupported', `the hidden node does not fit the shown link`);
  }
}
