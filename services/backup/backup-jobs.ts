import type { BackupInfo } from '../../shared/contract/backup.ts';
import type { JobHostOptions } from '../jobs/job-context.ts';
import { runOnJobThread } from '../jobs/run-job.ts';
import type { BackupJob } from './backup-job.ts';
import type { BackupService, PreparedRestore, RestoreResult } from './backup-service.ts';
import type { BackupKeeping } from './handlers.ts';

export interface BackupJobsOptions extends JobHostOptions {
  /** Lists backups and swaps a prepared restore in: quick, so here. */
  readonly backups: BackupService;
}

/**
 * Backups and restores with their copying on job threads (backup-job.ts), so this thread keeps
 * answering. A restore swaps the file here, once its safety backup is written and no job still
 * uses the file; the caller holds writes back until the restore has answered.
 */
export class BackupJobs implements BackupKeeping {
  readonly #options: BackupJobsOptions;

  constructor(options: BackupJobsOptions) {
    this.#options = options;
  }

  /** A backup of the database as it is now (the last committed state). */
  run(reason: 'manual' | 'daily' | 'before-reset'): Promise<BackupInfo> {
    this.#options.storage.db();
    return this.#run({ kind: 'backup', reason, context: this.#options.context() });
  }

  list(): BackupInfo[] {
    return this.#options.backups.list();
  }

  create(reason: 'manual'): Promise<BackupInfo> {
    return this.run(reason);
  }

  async restore(id: string): Promise<RestoreResult> {
    const { storage, backups, running, context } = this.#options;
    storage.assertWritable();
    const prepared = await this.#run<PreparedRestore>({
      kind: 'prepare-restore',
      id,
      context: context(),
    });
    return running.whenIdle(() => backups.putInPlace(prepared));
  }

  #run<T = BackupInfo>(job: BackupJob): Promise<T> {
    return this.#options.running.track(runOnJobThread<T>(this.#options.entry, job));
  }
}
