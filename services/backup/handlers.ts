import type { HandlerMap } from '../registry.ts';
import type { BackupService } from './backup-service.ts';

export function backupHandlers(
  backups: BackupService,
): Pick<HandlerMap, 'backup.list' | 'backup.create' | 'backup.restore'> {
  return {
    'backup.list': () => ({ backups: backups.list() }),
    'backup.create': () => backups.create('manual'),
    'backup.restore': ({ id }) => backups.restore(id),
  };
}
