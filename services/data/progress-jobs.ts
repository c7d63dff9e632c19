import { runOnJobThread } from '../jobs/run-job.ts';
import type { RunningJobs } from '../jobs/running-jobs.ts';
import type { Storage } from '../storage/storage.ts';
import type { DataService, ExportedDocument, ImportResult } from './data-service.ts';
import type { ProgressTransfer } from './handlers.ts';
import type { JobContext } from '../jobs/job-context.ts';
import type { ProgressJob } from './progress-job.ts';

export interface ProgressJobsOptions {
  /** The job thread's entry (services/jobs/job-worker.ts, or its bundle). */
  readonly entry: URL;
  readonly storage: Storage;
  /** Reset stays inline: it only moves files and writes the settings back. */
  readonly data: DataService;
  /** Where and when a job runs, taken when it is asked for. */
  readonly context: () => JobContext;
  readonly running: RunningJobs;
}

/**
 * Export and import on a job thread each (see progress-job.ts), so this thread keeps answering.
 * The caller must not write progress while an import runs (the service host holds writes back).
 */
export class ProgressJobs implements ProgressTransfer {
  readonly #options: ProgressJobsOptions;

  constructor(options: ProgressJobsOptions) {
    this.#options = options;
  }

  async exportDocument(): Promise<ExportedDocument> {
    this.#options.storage.db();
    return (await this.#run({
      kind: 'export',
      context: this.#options.context(),
    })) as ExportedDocument;
  }

  async importDocument(content: string): Promise<ImportResult> {
    this.#options.storage.assertWritable();
    const job: ProgressJob = { kind: 'import', content, context: this.#options.context() };
    const result = (await this.#run(job)) as ImportResult;
    // Written through another connection: every cache of this one reloads.
    this.#options.storage.markBulkChange();
    return result;
  }

  reset(): ReturnType<DataService['reset']> {
    return this.#options.data.reset();
  }

  #run(job: ProgressJob): Promise<ImportResult | ExportedDocument> {
    return this.#options.running.track(runOnJobThread(this.#options.entry, job));
  }
}
