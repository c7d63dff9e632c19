import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** Nice value of a job thread: well below the threads that answer the learner, still running. */
const backgroundNice = 10;

/**
 * Lowers the calling thread's priority, so on a busy machine the threads that answer the renderer
 * get the processor first and a 45 MB import never delays them. Linux gives each thread a nice
 * value of its own (its id is in /proc/thread-self); elsewhere this leaves the priority as it is.
 */
export function runInBackground(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isSafeInteger(threadId) && threadId > 0) setPriority(threadId, backgroundNice);
  } catch {
    // No per-thread priority here (macOS, Windows): the job runs at the process's priority.
  }
}
