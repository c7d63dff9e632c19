import type { HandlerMap } from '../registry.ts';
import type { ProgressService } from './progress-service.ts';

export function progressHandlers(
  progress: ProgressService,
): Pick<
  HandlerMap,
  'progress.summary' | 'progress.charts' | 'progress.mastery' | 'progress.coverage'
> {
  return {
    'progress.summary': () => progress.summary(),
    'progress.charts': () => progress.charts(),
    'progress.mastery': (request) => progress.mastery(request),
    'progress.coverage': () => progress.coverage(),
  };
}
