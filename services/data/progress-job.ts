import { BackupService } from '../backup/backup-service.ts';
import { withJobStorage, type JobContext } from '../jobs/job-context.ts';
import type { JobOutcome } from '../jobs/job-outcome.ts';
import { DataService, type ExportedDocument, type ImportResult } from './data-service.ts';

/**
 * `data.import` and `data.export` on a job thread (services/jobs/): parsing and checking a
 * document of up to 64 MB, planning the merge, the backup before it and the one all-or-nothing
 * write; or reading every record and serialising them.
 */
export type ProgressJob =
  | { readonly kind: 'import'; readonly content: string; readonly context: JobContext }
  | { readonly kind: 'export'; readonly context: JobContext };

export function runProgressJob(job: ProgressJob): JobOutcome<ImportResult | ExportedDocument> {
  return withJobStorage(job.context, (storage, now) => {
    const data = new DataService({
      storage,
      backups: new BackupService({ storage, now }),
      now,
      appVersion: job.context.appVersion,
    });
    return job.kind === 'import' ? data.importDocument(job.content) : data.exportDocument();
  });
}
