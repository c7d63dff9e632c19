import { parentPort, workerData } from 'node:worker_threads';
import { runProgressJob, type ProgressJob } from './progress-job.ts';

// The entry of a progress job's worker thread: one job, one answer, then the thread ends.
parentPort?.postMessage(runProgressJob(workerData as ProgressJob));
