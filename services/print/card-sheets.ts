import { ContractError } from '../../shared/contract/errors.ts';
import type { PrintCardSheet } from '../../shared/contract/print.ts';
import type { Catalog } from '../review/catalog.ts';

/**
 * The cards of the chosen topics (every topic when none is chosen), a sheet per topic in the
 * pack's order, each sheet's cards in teaching order. The catalog is the studied one: cards the
 * learner reported are not in it, and not printed.
 */
export function cardSheets(catalog: Catalog, topics: readonly string[] = []): PrintCardSheet {
  const order = catalog.pack?.manifest.topics.map((topic) => topic.id) ?? [];
  const unknown = topics.filter((id) => !order.includes(id));
  if (unknown.length > 0) {
    throw new ContractError('invalid-request', `unknown topic: ${unknown.join(', ')}`);
  }
  const chosen = topics.length > 0 ? order.filter((id) => topics.includes(id)) : order;
  return chosen.flatMap((topicId) => {
    const cards = catalog.inTeachingOrder.filter((card) => card.topic === topicId);
    if (cards.length === 0) return [];
    return [
      {
        topicId,
        title: catalog.topicTitle(topicId),
        cards: cards.map(({ id, kind, front, back }) => ({ id, kind, front, back })),
      },
    ];
  });
}
