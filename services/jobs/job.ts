import type { PackFileTexts } from '../../shared/pack/validate.ts';
import type { BackupJob } from '../backup/backup-job.ts';
import type { ProgressJob } from '../data/progress-job.ts';
import type { ExportFileJob } from '../export/export-job.ts';
import type { IntegrityJob } from '../storage/integrity-job.ts';
import type { SyncJob } from '../sync/sync-job.ts';

/** Every kind of job a job thread (job-worker.ts) runs. */
export type Job =
  | ProgressJob
  | BackupJob
  | IntegrityJob
  | ExportFileJob
  | SyncJob
  | { readonly kind: 'validate-pack'; readonly files: PackFileTexts };
