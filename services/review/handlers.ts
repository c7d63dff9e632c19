import type { HandlerMap } from '../registry.ts';
import type { ReviewService } from './review-service.ts';

type ReviewChannels =
  'review.next' | 'review.answer' | 'review.undo' | 'review.counts' | 'bank.cards';

export function reviewHandlers(review: ReviewService): Pick<HandlerMap, ReviewChannels> {
  return {
    'review.next': () => review.next(),
    'review.answer': (request) => review.answer(request),
    'review.undo': () => review.undo(),
    'review.counts': () => review.counts(),
    // The studied cards (those the learner has not hidden by a report) behind some facts.
    'bank.cards': ({ factIds }) =>
      review.catalog.cardsForFacts(factIds).map((card) => ({
        id: card.id,
        kind: card.kind,
        front: card.front,
        back: card.back,
        factIds: [...card.factIds],
        topic: card.topic,
      })),
  };
}
