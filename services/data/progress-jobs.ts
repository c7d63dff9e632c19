import type { BackupInfo } from '../../shared/contract/backup.ts';
import type { BackupJobs } from '../backup/backup-jobs.ts';
import { runOnJobThread } from '../jobs/run-job.ts';
import { SerializedEnvelope, type AnswerForm } from '../registry.ts';
import {
  resetRefused,
  type DataService,
  type ExportedDocument,
  type ImportResult,
} from './data-service.ts';
import type { ProgressTransfer } from './handlers.ts';
import type { JobHostOptions } from '../jobs/job-context.ts';
import type { ProgressJob } from './progress-job.ts';

export interface ProgressJobsOptions extends JobHostOptions {
  /** A reset erases here, after its safety backup was made on a job thread. */
  readonly data: DataService;
  readonly backups: BackupJobs;
}

/**
 * Export and import on a job thread each (see progress-job.ts), and a reset's safety backup, so
 * this thread keeps answering. The caller must not write progress while an import or a reset runs
 * (the service host holds writes back).
 */
export class ProgressJobs implements ProgressTransfer {
  readonly #options: ProgressJobsOptions;

  constructor(options: ProgressJobsOptions) {
    this.#options = options;
  }

  /** Answered as JSON, the job serialises the whole answer too: this thread only passes it on. */
  async exportDocument(form: AnswerForm): Promise<ExportedDocument | SerializedEnvelope> {
    this.#options.storage.db();
    const context = this.#options.context();
    if (form === 'json') {
      const json = await this.#run<Uint8Array>({ kind: 'export', answer: 'json', context });
      return new SerializedEnvelope(json);
    }
    return this.#run<ExportedDocument>({ kind: 'export', answer: 'value', context });
  }

  async importDocument(content: string): Promise<ImportResult> {
    this.#options.storage.assertWritable();
    const job: ProgressJob = { kind: 'import', content, context: this.#options.context() };
    const result = await this.#run<ImportResult>(job);
    // Written through another connection: every cache of this one reloads.
    this.#options.storage.markBulkChange();
    return result;
  }

  /** The safety backup on a job thread; the erase (moving files) here, once no job uses them. */
  async reset(): Promise<{ backup: BackupInfo }> {
    const { storage, backups, running, data } = this.#options;
    storage.assertWritable();
    const backup = await backups.run('before-reset').catch(resetRefused);
    return running.whenIdle(() => data.eraseBackedUp(backup));
  }

  #run<T>(job: ProgressJob): Promise<T> {
    return this.#options.running.track(runOnJobThread<T>(this.#options.entry, job));
  }
}
