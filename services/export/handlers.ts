import type { ExportedFile } from '../../shared/contract/export.ts';
import type { JobContext } from '../jobs/job-context.ts';
import type { RunningJobs } from '../jobs/running-jobs.ts';
import { runOnJobThread } from '../jobs/run-job.ts';
import type { HandlerMap } from '../registry.ts';
import type { Storage } from '../storage/storage.ts';
import { exportFile, readProgress, readsProgress, type ExportRequest } from './export-file.ts';
import type { ExportFileJob } from './export-job.ts';
import type { ExportSource } from './export-source.ts';

/** Makes export files: here (tests, the `export` script) or on a job thread (the service host). */
export interface FileExporter {
  exportFile(request: ExportRequest): ExportedFile | Promise<ExportedFile>;
}

/** On the caller's thread, through the services' own connection. */
export function inlineExporter(options: {
  readonly storage: Storage;
  readonly source: () => ExportSource;
  readonly now: () => Date;
}): FileExporter {
  return {
    exportFile: (request) =>
      exportFile(
        request,
        options.source(),
        readsProgress(request) ? readProgress(options.storage) : undefined,
        options.now().getTime(),
      ),
  };
}

/** On a job thread of its own, so a package of the whole pack never delays `review.next`. */
export function jobExporter(options: {
  readonly entry: URL;
  readonly storage: Storage;
  readonly source: () => ExportSource;
  readonly context: () => JobContext;
  readonly running: RunningJobs;
}): FileExporter {
  return {
    exportFile(request) {
      // Fails here, with the learner's explanation, when progress cannot be read at all.
      if (readsProgress(request)) options.storage.db();
      const job: ExportFileJob = {
        kind: 'export-file',
        request,
        source: options.source(),
        context: options.context(),
      };
      return options.running.track(runOnJobThread<ExportedFile>(options.entry, job));
    },
  };
}

export function exportHandlers(exporter: FileExporter): Pick<HandlerMap, 'export.file'> {
  return {
    'export.file': ({ format, includeProgress }) =>
      exporter.exportFile({ format, includeProgress }),
  };
}
