import { parentPort, workerData } from 'node:worker_threads';
import { validatePack } from '../../shared/pack/validate.ts';
import { runBackupJob } from '../backup/backup-job.ts';
import { runProgressJob } from '../data/progress-job.ts';
import { runInBackground } from './background-priority.ts';
import type { Job } from './job.ts';
import { outcomeOf } from './job-outcome.ts';

function run(job: Job) {
  switch (job.kind) {
    case 'import':
    case 'export':
      return runProgressJob(job);
    case 'backup':
      return runBackupJob(job);
    case 'validate-pack':
      return outcomeOf(() => validatePack(job.files));
  }
}

// The entry of a job's worker thread: one job, one answer, then the thread ends.
runInBackground();
parentPort?.postMessage(run(workerData as Job));
