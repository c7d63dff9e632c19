import type { ErrorCode } from '../../shared/contract/errors.ts';
import { ContractError } from '../../shared/contract/errors.ts';
import { BackupService } from '../backup/backup-service.ts';
import { NoticeBoard } from '../notices.ts';
import { storageFailure } from '../storage/storage-errors.ts';
import { Storage } from '../storage/storage.ts';
import { DataService, type ExportedDocument, type ImportResult } from './data-service.ts';

/**
 * The heavy half of `data.import` and `data.export`, run on a thread of its own so the thread
 * answering `review.next` never waits for it: parsing and checking a document of up to 64 MB,
 * planning the merge, the backup before it and the one all-or-nothing write, or reading every
 * record and serialising them. It works through its own connection; SQLite's WAL lets the other
 * connection keep reading the last committed state meanwhile.
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

export type JobOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly code: ErrorCode;
      readonly message: string;
      /** A disk failure, explained for the learner (full, read-only, failing). */
      readonly storage: boolean;
    };

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
    storage.attach();
    const data = new DataService({
      storage,
      backups: new BackupService({ storage, now }),
      now,
      appVersion: context.appVersion,
    });
    const value = job.kind === 'import' ? data.importDocument(job.content) : data.exportDocument();
    return { ok: true, value };
  } catch (error) {
    return failed(error, context.dataDir);
  } finally {
    storage.close();
  }
}

function failed(error: unknown, dataDir: string): JobOutcome<never> {
  if (error instanceof ContractError) {
    return { ok: false, code: error.code, message: error.message, storage: false };
  }
  const explained = storageFailure(error, dataDir);
  if (explained) {
    return { ok: false, code: explained.code, message: explained.message, storage: true };
  }
  return {
    ok: false,
    code: 'internal',
    message: error instanceof Error ? error.message : String(error),
    storage: false,
  };
}
