import { NoticeBoard } from '../notices.ts';
import { Storage } from '../storage/storage.ts';
import type { RunningJobs } from './running-jobs.ts';
import { outcomeOf, type JobOutcome } from './job-outcome.ts';

/** What a job needs to reach the learner's data from its own thread. */
export interface JobContext {
  readonly dataDir: string;
  readonly appVersion: string;
  /** The time the job was asked for, in ms: the job runs "at" that instant, as an inline one would. */
  readonly now: number;
  readonly busyTimeoutMs?: number;
  /** The pack being studied when the job was asked for: the one its per-pack reads read. */
  readonly packId: string;
}

/**
 * Runs `work` with the job's own connection to the progress database (`Storage.attach`: no
 * recovery, no migration, those are the service host's), closed afterwards; SQLite's WAL lets the
 * host's connection keep reading the last committed state meanwhile.
 */
export function withJobStorage<T>(
  context: JobContext,
  work: (storage: Storage, now: () => Date) => T,
): JobOutcome<T> {
  const now = () => new Date(context.now);
  const storage = new Storage({
    dataDir: context.dataDir,
    notices: new NoticeBoard(now),
    now,
    ...(context.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: context.busyTimeoutMs }),
  });
  try {
    storage.packId = context.packId;
    return outcomeOf(() => {
      storage.attach();
      return work(storage, now);
    }, context.dataDir);
  } finally {
    storage.close();
  }
}

/** What a service that hands its heavy work to job threads is given. */
export interface JobHostOptions {
  /** The job thread's entry (services/jobs/job-worker.ts, or its bundle). */
  readonly entry: URL;
  readonly storage: Storage;
  /** Where and when a job runs, taken when it is asked for. */
  readonly context: () => JobContext;
  readonly running: RunningJobs;
}
