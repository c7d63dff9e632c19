import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BackupService } from '../services/backup/backup-service.ts';
import { DataService } from '../services/data/data-service.ts';
import { NoticeBoard } from '../services/notices.ts';
import { Storage } from '../services/storage/storage.ts';
import { makeTempDir, removeTempDir } from '../test/support/temp-dir.ts';
import { atMost, report, type Results } from './lib.ts';
import {
  hostLayout,
  inProcessLayout,
  measureStall,
  medianRun,
  ownShare,
  type Layout,
  type StallRun,
} from './stall.ts';
import { buildDatabase } from './storage.ts';

const targetBytes = 45 * 1024 * 1024;
/** A synthetic review event takes ~480 bytes in a progress file. */
const bytesPerEvent = 480;
const runs = 3;

/**
 * A valid `data.import` body of about 45 MB: a file made by the real export from a synthetic
 * history, as the renderer sends it.
 */
function importBody(dir: string): { file: string; bytes: number; events: number } {
  const events = Math.ceil(targetBytes / bytesPerEvent);
  const source = path.join(dir, 'source');
  mkdirSync(source);
  buildDatabase(source, events, 10_000);
  const now = () => new Date();
  const storage = new Storage({ dataDir: source, notices: new NoticeBoard(now), now });
  storage.open();
  try {
    const data = new DataService({
      storage,
      backups: new BackupService({ storage, now }),
      now,
      appVersion: 'bench',
    });
    const { content } = data.exportDocument();
    const file = path.join(dir, 'import-body.json');
    writeFileSync(file, JSON.stringify({ content }));
    return { file, bytes: Buffer.byteLength(content), events };
  } finally {
    storage.close();
  }
}

async function measureLayout(
  open: (dataDir: string) => Promise<Layout>,
  bodyFile: string,
  tmp: string,
): Promise<StallRun> {
  const measured: StallRun[] = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = path.join(tmp, `data-${open.name}-${i}`);
    measured.push(await measureStall(open, dataDir, { channel: 'data.import', bodyFile }));
  }
  return medianRun(measured);
}

/**
 * Issue 14: a 45 MB `data.import` sent to the preview while `review.next` is called every ~20 ms
 * (bench/stall.ts). Measured in today's layout (services on a worker thread, the import on a job
 * thread) and in the one before (everything on the answering thread).
 */
export async function measureImportStall(): Promise<Results> {
  const tmp = makeTempDir('bench-import');
  try {
    const { file, bytes, events } = importBody(tmp);
    const size = `${(bytes / 1024 / 1024).toFixed(1)} MB, ${events} events`;
    const after = await measureLayout(hostLayout, file, tmp);
    const before = await measureLayout(inProcessLayout, file, tmp);
    const during = (run: StallRun) =>
      `p50 ${run.nextP50.toFixed(1)} ms, ${run.failed} dropped; import ${(run.callMs / 1000).toFixed(1)} s`;
    return {
      'Import 45 MB: longest stall of the answering thread': atMost(
        after.stallMs,
        50,
        'ms',
        `${size}; ${ownShare(after)}`,
      ),
      'Import 45 MB: review.next p95 during it': report(after.nextP95, 'ms', during(after)),
      'Import 45 MB, services on the answering thread (before): stall': report(
        before.stallMs,
        'ms',
        ownShare(before),
      ),
      'Import 45 MB, services on the answering thread (before): review.next p95': report(
        before.nextP95,
        'ms',
        during(before),
      ),
    };
  } finally {
    removeTempDir(tmp);
  }
}
