import type { RunningJobs } from '../jobs/running-jobs.ts';
import type { IntegrityJob } from './integrity-job.ts';
import type { Storage } from './storage.ts';

/** Runs an integrity job (integrity-job.ts) on a job thread; resolves with the damage found. */
export type RunIntegrityJob = (job: IntegrityJob) => Promise<string | null>;

/**
 * The integrity check a large database skipped while opening, on a job thread, so the host keeps
 * answering meanwhile; its outcome is settled here (Storage.settleIntegrity: damage moves the file
 * aside and raises the usual notice) once no job uses the file. Checks again when the file was
 * replaced while it ran (a restore of a large backup). Rejects when the check could not run.
 */
export async function checkIntegrityOnJobThread(
  storage: Storage,
  run: RunIntegrityJob,
  running: RunningJobs,
  busyTimeoutMs?: number,
): Promise<'ok' | 'recovered' | 'skipped'> {
  let outcome: 'ok' | 'recovered' | 'skipped' = 'skipped';
  while (storage.unverified && outcome !== 'recovered') {
    const opening = storage.opening;
    const job: IntegrityJob = {
      kind: 'integrity-check',
      file: storage.file,
      ...(busyTimeoutMs === undefined ? {} : { busyTimeoutMs }),
    };
    const damage = await running.track(run(job));
    outcome = await running.whenIdle(() => storage.settleIntegrity(opening, damage ?? undefined));
  }
  return outcome;
}
