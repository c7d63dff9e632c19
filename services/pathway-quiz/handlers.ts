import type { HandlerMap } from '../registry.ts';
import type { PathwayQuizService } from './pathway-quiz-service.ts';

export function pathwayQuizHandlers(
  service: PathwayQuizService,
): Pick<HandlerMap, 'pathway.nameNode'> {
  return { 'pathway.nameNode': (request) => service.nameNode(request) };
}
