import type { ErrorCode } from '../../shared/contract/errors.ts';
import { ContractError } from '../../shared/contract/errors.ts';
import { storageFailure } from '../storage/storage-errors.ts';

/**
 * Heavy work (a progress import or export, a pack's validation) runs on a worker thread of its own
 * (job-worker.ts), so the thread answering `review.next` never waits for it. A new thread per job:
 * a 64 MB import's memory goes with it, and jobs are rare. A job answers with an outcome, never a
 * thrown error, so a learner's error keeps its code across the thread.
 */
export type JobOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly code: ErrorCode;
      readonly message: string;
      /** A disk failure, explained for the learner (full, read-only, failing). */
      readonly storage: boolean;
    };

/** Runs `work` on the job's thread and turns what it throws into an outcome. */
export function outcomeOf<T>(work: () => T, dataDir?: string): JobOutcome<T> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    if (error instanceof ContractError) {
      return { ok: false, code: error.code, message: error.message, storage: false };
    }
    const explained = dataDir === undefined ? undefined : storageFailure(error, dataDir);
    if (explained) {
      return { ok: false, code: explained.code, message: explained.message, storage: true };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, code: 'internal', message, storage: false };
  }
}
