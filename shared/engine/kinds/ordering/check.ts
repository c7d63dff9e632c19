import { signOf } from '../../graph.ts';
import { factsOf, pathwayOf, type Report } from '../../items/check-helpers.ts';
import type { PackIndex } from '../../pack-index.ts';
import type { OrderingItem } from '../../types.ts';

/** Each step follows the one before by a fact-backed link, and no edge runs backwards. */
export function checkOrdering(index: PackIndex, item: OrderingItem, report: Report): void {
  const pathway = pathwayOf(index, item.pathwayId, report);
  if (!pathway) return;
  const stepIds = item.steps.map((s) => s.id);
  if (
    new Set(item.answer).size !== item.answer.length ||
    stepIds.length !== item.answer.length ||
    !item.answer.every((id) => stepIds.includes(id))
  ) {
    report('answer-shape', 'the answer is not an order of the steps');
    return;
  }
  const position = new Map(item.answer.map((id, i) => [id, i]));
  for (let i = 0; i + 1 < item.answer.length; i++) {
    const from = item.answer[i];
    const to = item.answer[i + 1];
    const link = pathway.edges.some(
      (e) =>
        e.from === from &&
        e.to === to &&
        !e.inferred &&
        signOf(e.sign) !== 0 &&
        factsOf(index, e.factIds).some((f) => f.contested === undefined),
    );
    if (!link)
      report(
        'ordering-not-a-cascade',
        `no fact-backed link ${from ?? ''} → ${to ?? ''} in ${pathway.id}`,
      );
  }
  for (const edge of pathway.edges) {
    const a = position.get(edge.from);
    const b = position.get(edge.to);
    if (a !== undefined && b !== undefined && a > b) {
      report(
        'ordering-not-a-cascade',
        `edge ${edge.id} runs backwards, so the order is not forced`,
      );
    }
  }
}
