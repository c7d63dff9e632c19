import { ContractError } from '../../shared/contract/errors.ts';
import type { HandlerMap } from '../registry.ts';
import type { ReviewService } from '../review/review-service.ts';
import type { PrintExams } from './print-exam.ts';

type PrintChannels = 'print.exam' | 'print.cards';

/** Paper: an exam from the quiz builder, and the studied cards of some topics. */
export function printHandlers(
  exams: PrintExams,
  review: ReviewService,
): Pick<HandlerMap, PrintChannels> {
  return {
    'print.exam': (request) => exams.exam(request),
    'print.cards': ({ topics }) => {
      const catalog = review.catalog;
      const order = catalog.pack?.manifest.topics.map((topic) => topic.id) ?? [];
      const unknown = (topics ?? []).filter((id) => !order.includes(id));
      if (unknown.length > 0) {
        throw new ContractError('invalid-request', `unknown topic: ${unknown.join(', ')}`);
      }
      const chosen =
        topics && topics.length > 0 ? order.filter((id) => topics.includes(id)) : order;
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
    },
  };
}
