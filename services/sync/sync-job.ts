import { withJobStorage, type JobContext } from '../jobs/job-context.ts';
import type { JobOutcome } from '../jobs/job-outcome.ts';
import { runSyncRound, settleAfterRound, type SyncRoundResult } from './sync-round.ts';

/**
 * A sync round on a job thread (services/jobs/), through a connection of its own: reading and
 * checking other devices' files and merging them never holds up the thread that answers.
 */
export interface SyncJob {
  readonly kind: 'sync';
  readonly folder: string;
  readonly context: JobContext;
}

export function runSyncJob(job: SyncJob): JobOutcome<SyncRoundResult> {
  // The round's clock starts at the job's instant (the app's clock) and runs on in real time.
  const startedAt = performance.now();
  const now = () => job.context.now + Math.round(performance.now() - startedAt);
  return withJobStorage(job.context, (storage) =>
    runSyncRound(storage, { folder: job.folder, now }),
  );
}

/** After the job answered: the round's writes copied back from the WAL (`settleAfterRound`). */
export function settleSyncJob(job: SyncJob): void {
  withJobStorage(job.context, (storage) => settleAfterRound(storage));
}
