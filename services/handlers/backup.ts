import type { AppServices } from '../app-services.ts';
import type { HandlerMap } from './registry.ts';

export function backupHandlers(
  services: AppServices,
): Pick<HandlerMap, 'backup.list' | 'backup.create' | 'backup.restore'> {
  return {
    'backup.list': () => ({ backups: services.backups.list() }),
    'backup.create': () => services.backups.create('manual'),
    'backup.restore': ({ id }) => services.backups.restore(id),
  };
}
