import { parentPort, workerData } from 'node:worker_threads';
import { validatePack } from '../../shared/pack/validate.ts';
import { runBackupJob } from '../backup/backup-job.ts';
import { runProgressJob } from '../data/progress-job.ts';
import { runExportFileJob } from '../export/export-job.ts';
import { runIntegrityJob } from '../storage/integrity-job.ts';
import { runSyncJob, settleSyncJob } from '../sync/sync-job.ts';
import { runInBackground } from './background-priority.ts';
import type { Job } from './job.ts';
import { outcomeOf, type JobOutcome } from './job-outcome.ts';

function run(job: Job): JobOutcome<unknown> {
  switch (job.kind) {
    case 'import':
    case 'export':
      return runProgressJob(job);
    case 'backup':
    case 'prepare-restore':
      return runBackupJob(job);
    case 'integrity-check':
      return runIntegrityJob(job);
    case 'export-file':
      return runExportFileJob(job);
    case 'sync':
      return runSyncJob(job);
    case 'validate-pack':
      return outcomeOf(() => validatePack(job.files));
  }
}

/** Bytes a job answers with (a serialised export) are moved to the host, not copied. */
function transferOf(outcome: JobOutcome<unknown>): ArrayBuffer[] {
  return outcome.ok && outcome.value instanceof Uint8Array
    ? [outcome.value.buffer as ArrayBuffer]
    : [];
}

// The entry of a job's worker thread: one job, one answer, then the thread ends.
runInBackground();
const job = workerData as Job;
const outcome = run(job);
parentPort?.postMessage(outcome, transferOf(outcome));
// Housekeeping that the answer need not wait for, on this thread before it ends.
if (job.kind === 'sync' && outcome.ok) settleSyncJob(job);
