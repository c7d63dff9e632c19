import type { ExportedFile } from '../../shared/contract/export.ts';
import { withJobStorage, type JobContext } from '../jobs/job-context.ts';
import { outcomeOf, type JobOutcome } from '../jobs/job-outcome.ts';
import { exportFile, readProgress, readsProgress, type ExportRequest } from './export-file.ts';
import type { ExportSource } from './export-source.ts';

/**
 * An export file made on a job thread (services/jobs/): building and zipping an Anki collection
 * of the whole pack takes long enough that the thread answering the learner must not do it.
 */
export interface ExportFileJob {
  readonly kind: 'export-file';
  readonly request: ExportRequest;
  readonly source: ExportSource;
  readonly context: JobContext;
}

export function runExportFileJob(job: ExportFileJob): JobOutcome<ExportedFile> {
  const { request, source, context } = job;
  if (!readsProgress(request)) {
    return outcomeOf(() => exportFile(request, source, undefined, context.now));
  }
  // The progress through the job's own connection; the rest needs no database.
  return withJobStorage(context, (storage) =>
    exportFile(request, source, readProgress(storage), context.now),
  );
}
