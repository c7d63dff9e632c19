import { Worker } from 'node:worker_threads';
import { ContractError } from '../../shared/contract/errors.ts';
import { ExplainedStorageFailure } from '../storage/storage-errors.ts';
import type { Job } from './job.ts';
import type { JobOutcome } from './job-outcome.ts';

/**
 * Starts `job` on a thread from `entry` (job-worker.ts or its bundle) and resolves with its value;
 * rejects with its ContractError (or, for a disk failure, an ExplainedStorageFailure), or when
 * the thread ends without an answer.
 */
export function runOnJobThread<T>(entry: URL, job: Job): Promise<T> {
  return startJobThread<T>(entry, job).answer;
}

export interface JobThread<T> {
  /** The job's value, as `runOnJobThread` gives it. */
  readonly answer: Promise<T>;
  /**
   * Resolves when the thread has ended: a job may tidy up after it answered (a sync round copies
   * its WAL back), and nothing may replace the database file until then (RunningJobs).
   */
  readonly ended: Promise<void>;
}

export function startJobThread<T>(entry: URL, job: Job): JobThread<T> {
  const worker = new Worker(entry, { workerData: job });
  const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const answer = new Promise<T>((resolve, reject) => {
    let answered = false;
    worker.once('message', (outcome: JobOutcome<T>) => {
      answered = true;
      if (outcome.ok) {
        resolve(outcome.value);
        return;
      }
      const error = new ContractError(outcome.code, outcome.message);
      reject(outcome.storage ? new ExplainedStorageFailure(error) : error);
    });
    worker.once('error', (error: unknown) => {
      answered = true;
      reject(error instanceof Error ? error : new Error(String(error)));
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the ${job.kind} stopped unexpectedly (exit code ${code})`));
    });
  });
  return { answer, ended };
}
