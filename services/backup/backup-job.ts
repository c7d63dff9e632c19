import type { BackupInfo } from '../../shared/contract/backup.ts';
import { withJobStorage, type JobContext } from '../jobs/job-context.ts';
import type { JobOutcome } from '../jobs/job-outcome.ts';
import { BackupService } from './backup-service.ts';

/**
 * A manual or daily backup on a job thread (services/jobs/): `VACUUM INTO` copies the whole
 * database, which takes long on a large one. Through its own connection it reads the last
 * committed state, so the service host keeps answering, and writing, meanwhile.
 */
export interface BackupJob {
  readonly kind: 'backup';
  readonly reason: 'manual' | 'daily';
  readonly context: JobContext;
}

export function runBackupJob(job: BackupJob): JobOutcome<BackupInfo> {
  return withJobStorage(job.context, (storage, now) =>
    new BackupService({ storage, now }).create(job.reason),
  );
}
