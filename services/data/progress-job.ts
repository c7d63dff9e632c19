import { BackupService } from '../backup/backup-service.ts';
import { outcomeOf, type JobOutcome } from '../jobs/job-outcome.ts';
import { NoticeBoard } from '../notices.ts';
import { Storage } from '../storage/storage.ts';
import { DataService, type ExportedDocument, type ImportResult } from './data-service.ts';

/**
 * `data.import` and `data.export` on a job thread (services/jobs/): parsing and checking a
 * document of up to 64 MB, planning the merge, the backup before it and the one all-or-nothing
 * write; or reading every record and serialising them. It works through its own connection;
 * SQLite's WAL lets the service host's connection keep reading the last committed state meanwhile.
 */
export type ProgressJob =
  | { readonly kind: 'import'; readonly content: string; readonly context: JobContext }
  | { readonly kind: 'export'; readonly context: JobContext };

export interface JobContext {
  readonly dataDir: string;
  readonly appVersion: string;
  /** The time the job was asked for, in ms: the job runs "at" that instant, as an inline one would. */
  readonly now: number;
  readonly busyTimeoutMs?: number;
}

export function runProgressJob(job: ProgressJob): JobOutcome<ImportResult | ExportedDocument> {
  const { context } = job;
  const now = () => new Date(context.now);
  const storage = new Storage({
    dataDir: context.dataDir,
    notices: new NoticeBoard(now),
    now,
    ...(context.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: context.busyTimeoutMs }),
  });
  try {
    return outcomeOf(() => {
      storage.attach();
      const data = new DataService({
        storage,
        backups: new BackupService({ storage, now }),
        now,
        appVersion: context.appVersion,
      });
      return job.kind === 'import' ? data.importDocument(job.content) : data.exportDocument();
    }, context.dataDir);
  } finally {
    storage.close();
  }
}
