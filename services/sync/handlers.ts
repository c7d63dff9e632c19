import type { HandlerMap } from '../registry.ts';
import type { SyncService } from './sync-service.ts';

export function syncHandlers(sync: SyncService): Pick<HandlerMap, 'sync.status' | 'sync.run'> {
  return {
    'sync.status': () => sync.status(),
    'sync.run': () => sync.run(),
  };
}
