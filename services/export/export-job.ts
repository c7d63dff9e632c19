import type { ExportedFile } from '../../shared/contract/export.ts';
import { withJobStorage, type JobContext } from '../jobs/job-context.ts';
import { outcomeOf, type JobOutcome } from '../jobs/job-outcome.ts';
import { exportFile, type ExportRequest } from './export-file.ts';
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
  if (request.format === 'apkg' && request.includeProgress) {
    // Only this one reads the learner's data, through the job's own connection.
    return withJobStorage(context, (storage) =>
      exportFile(request, source, () => storage, context.now),
    );
  }
  return outcomeOf(() =>
    exportFile(
      request,
      source,
      () => {
        throw new Error('This export reads no progress.');
      },
      context.now,
    ),
  );
}
