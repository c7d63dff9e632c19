import type { AppServices } from '../app-services.ts';
import type { HandlerMap } from './registry.ts';

export function progressHandlers(
  services: AppServices,
): Pick<
  HandlerMap,
  'progress.summary' | 'progress.charts' | 'progress.mastery' | 'progress.coverage'
> {
  return {
    'progress.summary': () => services.progress.summary(),
    'progress.charts': () => services.progress.charts(),
    'progress.mastery': (request) => services.progress.mastery(request),
    'progress.coverage': () => services.progress.coverage(),
  };
}
