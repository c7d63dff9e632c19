/**
 * Where the threads' and processes' entries are. Built, each is a bundle beside the one that
 * starts it (out/preview/, out/main/: see scripts/build.ts); from source (tests, the source
 * preview, the bench), Node 24 runs the TypeScript files themselves.
 */
const built = import.meta.url.endsWith('.js');

/** The service host on a worker thread (host-worker.ts). */
export const hostWorkerEntry = built
  ? new URL('./service-host.js', import.meta.url)
  : new URL('./host-worker.ts', import.meta.url);

/** A progress import or export on a worker thread (services/data/job-worker.ts). */
export const progressJobEntry = built
  ? new URL('./progress-job.js', import.meta.url)
  : new URL('../data/job-worker.ts', import.meta.url);
