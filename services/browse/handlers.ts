import type { HandlerMap } from '../registry.ts';
import type { ReviewService } from '../review/review-service.ts';
import type { BrowseService } from './browse-service.ts';

type BrowseChannels = 'browse.list' | 'browse.detail' | 'browse.act' | 'browse.study';

export function browseHandlers(
  browse: BrowseService,
  review: ReviewService,
): Pick<HandlerMap, BrowseChannels> {
  return {
    'browse.list': (request) => browse.list(request),
    'browse.detail': ({ id }) => browse.detail(id),
    'browse.act': (request) => browse.act(request),
    'browse.study': ({ cardIds }) => ({ cards: review.studyItems(cardIds) }),
  };
}
