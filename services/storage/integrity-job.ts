import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { outcomeOf, type JobOutcome } from '../jobs/job-outcome.ts';
import { damageOf } from './database-checks.ts';
import { classifyOpenFailure, describe } from './storage-errors.ts';

/**
 * The integrity check (`PRAGMA quick_check`, ~0.75 ms per MB) of a database too large to check
 * while opening, on a job thread (services/jobs/), through a read-only connection of its own: the
 * service host keeps answering, and writing, meanwhile. Answers the damage found, or null.
 */
export interface IntegrityJob {
  readonly kind: 'integrity-check';
  readonly file: string;
  readonly busyTimeoutMs?: number;
}

export function runIntegrityJob(job: IntegrityJob): JobOutcome<string | null> {
  return outcomeOf(() => damageOfFile(job), path.dirname(job.file));
}

function damageOfFile(job: IntegrityJob): string | null {
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(job.file, { readOnly: true, timeout: job.busyTimeoutMs ?? 3000 });
    return damageOf(db, job.file) ?? null;
  } catch (error) {
    if (classifyOpenFailure(error, job.file).kind !== 'corrupt') throw error;
    return describe(error);
  } finally {
    if (db?.isOpen) db.close();
  }
}
