import { copyFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { databaseFileName } from '../services/storage/storage.ts';
import { makeTempDir, removeTempDir } from '../test/support/temp-dir.ts';
import { atMost, report, type Results } from './lib.ts';
import { hostLayout, measureStall, medianRun, ownShare, type StallRun } from './stall.ts';
import { buildDatabase } from './storage.ts';

const runs = 3;
/** ~100k events: a long study history, about 48 MB as a progress file. */
const events = 100_000;
const backupId = '2025-06-01T09-00-00-000Z-manual';

/** A data folder holding a copy of `template`'s database, and the same as a manual backup. */
function dataFolder(template: string, dir: string): string {
  mkdirSync(path.join(dir, 'backups'), { recursive: true });
  const database = path.join(template, databaseFileName);
  copyFileSync(database, path.join(dir, databaseFileName));
  copyFileSync(database, path.join(dir, 'backups', `${backupId}.sqlite`));
  return dir;
}

async function measureRuns(tmp: string, template: string, channel: string, bodyFile?: string) {
  const measured: StallRun[] = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = dataFolder(template, path.join(tmp, `${channel}-${i}`));
    measured.push(await measureStall(hostLayout, dataDir, { channel, bodyFile }));
  }
  return medianRun(measured);
}

function figures(name: string, run: StallRun, size: string): Results {
  return {
    [`${name}: longest stall of the answering thread`]: atMost(
      run.stallMs,
      50,
      'ms',
      `${size}; ${ownShare(run)}`,
    ),
    [`${name}: review.next p95 during it`]: report(
      run.nextP95,
      'ms',
      `p50 ${run.nextP50.toFixed(1)} ms, slowest ${run.nextMax.toFixed(1)} ms, ${run.failed} dropped (before it: p50 ${run.idleP50.toFixed(1)}, p95 ${run.idleP95.toFixed(1)} ms); ${name.toLowerCase()} ${(run.callMs / 1000).toFixed(1)} s`,
    ),
  };
}

/**
 * Issue 14: a restore of a large database (its check, the safety backup, the copy: on a job
 * thread; only the swap on the host) and an export of ~100k events (read and serialised, answer
 * included, on a job thread) sent to the preview while `review.next` is called every ~20 ms
 * (bench/stall.ts): how long the thread answering HTTP stalled, and how long `review.next`, which
 * the service host answers, waited.
 */
export async function measureHostStalls(): Promise<Results> {
  const tmp = makeTempDir('bench-host-stall');
  try {
    const template = path.join(tmp, 'template');
    mkdirSync(template);
    // Few cards: review.next stays quick, so what the call adds to it shows.
    buildDatabase(template, events, 1_000);
    const bytes = statSync(path.join(template, databaseFileName)).size;
    const size = `${(bytes / 1024 / 1024).toFixed(1)} MB database, ${events} events`;
    const restoreBody = path.join(tmp, 'restore-body.json');
    writeFileSync(restoreBody, JSON.stringify({ id: backupId }));
    const restore = await measureRuns(tmp, template, 'backup.restore', restoreBody);
    const exported = await measureRuns(tmp, template, 'data.export');
    return {
      ...figures('Restore', restore, size),
      ...figures('Export', exported, size),
    };
  } finally {
    removeTempDir(tmp);
  }
}
