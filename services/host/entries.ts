/**
 * Where the threads' and processes' entries are. Built, each is a bundle beside the one that
 * starts it (out/preview/, out/main/: see scripts/build.ts); from source (tests, the source
 * preview, the bench), Node 24 runs the TypeScript files themselves.
 */
const built = !import.meta.url.endsWith('.ts');

/** The service host on a worker thread (host-worker.ts). */
export const hostWorkerEntry = built
  ? new URL('./service-host.js', import.meta.url)
  : new URL('./host-worker.ts', import.meta.url);

/** Heavy work on a thread of its own: an import, an export, a pack's validation (services/jobs/). */
export const jobWorkerEntry = built
  ? new URL('./job-worker.js', import.meta.url)
  : new URL('../jobs/job-worker.ts', import.meta.url);

/** The FSRS optimiser, in a process of its own (services/optimiser/): its native code can abort. */
export const optimiserEntry = built
  ? new URL('./optimiser-child.js', import.meta.url)
  : new URL('../optimiser/optimiser-child.ts', import.meta.url);
