import type { BackupInfo } from '../../shared/contract/backup.ts';
import type { HandlerMap } from '../registry.ts';
import type { BackupService } from './backup-service.ts';

/** Makes a manual backup: here, or on a job thread (the service host's choice). */
export type ManualBackup = () => BackupInfo | Promise<BackupInfo>;

export function backupHandlers(
  backups: BackupService,
  manualBackup: ManualBackup = () => backups.create('manual'),
): Pick<HandlerMap, 'backup.list' | 'backup.create' | 'backup.restore'> {
  return {
    'backup.list': () => ({ backups: backups.list() }),
    'backup.create': () => manualBackup(),
    'backup.restore': ({ id }) => backups.restore(id),
  };
}
