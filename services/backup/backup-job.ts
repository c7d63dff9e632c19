import type { BackupInfo } from '../../shared/contract/backup.ts';
import { withJobStorage, type JobContext } from '../jobs/job-context.ts';
import type { JobOutcome } from '../jobs/job-outcome.ts';
import { BackupService, type PreparedRestore } from './backup-service.ts';

/**
 * Backups on a job thread (services/jobs/): `VACUUM INTO` copies the whole database, which takes
 * long on a large one. Through its own connection it reads the last committed state, so the
 * service host keeps answering meanwhile. A manual or daily backup lets the host keep writing
 * too; the safety backup before a reset, and a restore's preparation (check the backup, back up
 * the current database, copy the backup beside it), run while the host holds writes back, so the
 * safety backup holds every answer the swap that follows replaces.
 */
export type BackupJob =
  | {
      readonly kind: 'backup';
      readonly reason: 'manual' | 'daily' | 'before-reset';
      readonly context: JobContext;
    }
  | { readonly kind: 'prepare-restore'; readonly id: string; readonly context: JobContext };

export function runBackupJob(job: BackupJob): JobOutcome<BackupInfo | PreparedRestore> {
  return withJobStorage(job.context, (storage, now) => {
    const backups = new BackupService({ storage, now });
    return job.kind === 'backup' ? backups.create(job.reason) : backups.prepareRestore(job.id);
  });
}
