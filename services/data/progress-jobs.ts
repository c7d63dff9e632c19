import { Worker } from 'node:worker_threads';
import { ContractError } from '../../shared/contract/errors.ts';
import { ExplainedStorageFailure } from '../storage/storage-errors.ts';
import type { Storage } from '../storage/storage.ts';
import type { DataService, ExportedDocument, ImportResult } from './data-service.ts';
import type { ProgressTransfer } from './handlers.ts';
import type { JobContext, JobOutcome, ProgressJob } from './progress-job.ts';

export interface ProgressJobsOptions {
  /** The job worker's entry (services/data/job-worker.ts, or its bundle). */
  readonly entry: URL;
  readonly storage: Storage;
  /** Reset stays inline: it only moves files and writes the settings back. */
  readonly data: DataService;
  readonly appVersion: string;
  readonly now: () => Date;
  readonly busyTimeoutMs?: number;
}

/**
 * Export and import on a worker thread each (see progress-job.ts), so this thread keeps
 * answering. A new thread per job: a 64 MB import's memory goes with it, and jobs are rare.
 * The caller must not write progress while an import runs (the service host holds writes back).
 */
export class ProgressJobs implements ProgressTransfer {
  readonly #options: ProgressJobsOptions;

  constructor(options: ProgressJobsOptions) {
    this.#options = options;
  }

  async exportDocument(): Promise<ExportedDocument> {
    this.#options.storage.db();
    return (await this.#run({ kind: 'export', context: this.#context() })) as ExportedDocument;
  }

  async importDocument(content: string): Promise<ImportResult> {
    this.#options.storage.assertWritable();
    const job: ProgressJob = { kind: 'import', content, context: this.#context() };
    const result = (await this.#run(job)) as ImportResult;
    // Written through another connection: every cache of this one reloads.
    this.#options.storage.markBulkChange();
    return result;
  }

  reset(): ReturnType<DataService['reset']> {
    return this.#options.data.reset();
  }

  #context(): JobContext {
    const { storage, appVersion, now, busyTimeoutMs } = this.#options;
    return {
      dataDir: storage.dataDir,
      appVersion,
      now: now().getTime(),
      ...(busyTimeoutMs === undefined ? {} : { busyTimeoutMs }),
    };
  }

  #run(job: ProgressJob): Promise<ImportResult | ExportedDocument> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(this.#options.entry, { workerData: job });
      let answered = false;
      worker.once('message', (outcome: JobOutcome<ImportResult | ExportedDocument>) => {
        answered = true;
        if (outcome.ok) resolve(outcome.value);
        else {
          const error = new ContractError(outcome.code, outcome.message);
          reject(outcome.storage ? new ExplainedStorageFailure(error) : error);
        }
      });
      worker.once('error', (error: unknown) => {
        answered = true;
        reject(error instanceof Error ? error : new Error(String(error)));
      });
      worker.once('exit', (code) => {
        if (!answered) {
          reject(new Error(`the ${job.kind} stopped unexpectedly (exit code ${code})`));
        }
      });
    });
  }
}
