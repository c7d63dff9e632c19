import type { BackupInfo } from '../../shared/contract/backup.ts';
import type { HandlerMap } from '../registry.ts';
import type { RestoreResult } from './backup-service.ts';

/** What the backup channels need: BackupService here, or BackupJobs on job threads. */
export interface BackupKeeping {
  list(): BackupInfo[];
  create(reason: 'manual'): BackupInfo | Promise<BackupInfo>;
  restore(id: string): RestoreResult | Promise<RestoreResult>;
}

export function backupHandlers(
  backups: BackupKeeping,
): Pick<HandlerMap, 'backup.list' | 'backup.create' | 'backup.restore'> {
  return {
    'backup.list': () => ({ backups: backups.list() }),
    'backup.create': () => backups.create('manual'),
    'backup.restore': ({ id }) => backups.restore(id),
  };
}
