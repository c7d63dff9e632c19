import type { HandlerMap } from '../registry.ts';
import type { OptimiserService } from './optimiser-service.ts';

export function optimiserHandlers(
  optimiser: OptimiserService,
): Pick<HandlerMap, 'optimiser.status' | 'optimiser.start' | 'optimiser.apply' | 'optimiser.undo'> {
  return {
    'optimiser.status': () => optimiser.status(),
    'optimiser.start': () => optimiser.start(),
    'optimiser.apply': ({ runId }) => optimiser.apply(runId),
    'optimiser.undo': () => optimiser.undo(),
  };
}
