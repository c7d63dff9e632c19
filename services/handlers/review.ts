import type { AppServices } from '../app-services.ts';
import type { HandlerMap } from './registry.ts';

export function reviewHandlers(
  services: AppServices,
): Pick<HandlerMap, 'review.next' | 'review.answer' | 'review.undo' | 'review.counts'> {
  return {
    'review.next': () => services.review.next(),
    'review.answer': (request) => services.review.answer(request),
    'review.undo': () => services.review.undo(),
    'review.counts': () => services.review.counts(),
  };
}
