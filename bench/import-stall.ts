import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { openPreview } from '../preview/open-preview.ts';
import { startPreviewServer } from '../preview/server.ts';
import { createHandlerRegistry, openAppServices } from '../services/app-services.ts';
import { BackupService } from '../services/backup/backup-service.ts';
import { DataService } from '../services/data/data-service.ts';
import type { HostOpenOptions } from '../services/host/protocol.ts';
import { NoticeBoard } from '../services/notices.ts';
import { Storage } from '../services/storage/storage.ts';
import { makeTempDir, removeTempDir } from '../test/support/temp-dir.ts';
import { atMost, median, percentile, report, type Results } from './lib.ts';
import { buildDatabase } from './storage.ts';

const root = path.join(import.meta.dirname, '..');
const rendererDir = path.join(root, 'out', 'renderer');
const node24 = path.join(root, 'node_modules', '.bin', 'node');
const targetBytes = 45 * 1024 * 1024;
/** A synthetic review event takes ~480 bytes in a progress file. */
const bytesPerEvent = 480;
const runs = 3;

/** One import as a learner would send it, and how the thread answering the renderer fared. */
interface Run {
  readonly stallMs: number;
  /** The 99th percentile of the answering thread's event-loop delay. */
  readonly delayP99Ms: number;
  /** How long the answering thread itself ran during its longest stall; the rest it waited for a core. */
  readonly stallCpuMs: number;
  readonly nextP50: number;
  readonly nextP95: number;
  readonly importMs: number;
  /** review.next calls that got no answer (the server dropped them). */
  readonly failed: number;
}

/** A server answering the renderer on this thread, over services somewhere (see below). */
interface Layout {
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

function serviceOptions(dataDir: string): HostOpenOptions {
  return {
    dataDir,
    dataDirKind: 'preview-custom',
    transport: 'http',
    bundledPacksDir: path.join(root, 'assets', 'packs'),
    appVersion: 'bench',
    dailyBackupDelayMs: null,
  };
}

/** Today's layout: the preview's own start-up, services on a worker thread (openPreview). */
async function hostLayout(dataDir: string): Promise<Layout> {
  const preview = await openPreview({ rendererDir, port: 0, services: serviceOptions(dataDir) });
  return { port: preview.port, token: preview.token, close: () => preview.close() };
}

/** The layout before issue 14: the services on the thread that answers the renderer. */
async function inProcessLayout(dataDir: string): Promise<Layout> {
  const services = openAppServices(serviceOptions(dataDir));
  const token = 'bench-token';
  const server: Server = await startPreviewServer({
    rendererDir,
    dispatcher: createHandlerRegistry(services),
    token,
  });
  return {
    port: (server.address() as { port: number }).port,
    token,
    close: () => {
      server.close();
      services.close();
      return Promise.resolve();
    },
  };
}

/** A valid progress file of about 45 MB, exported by the real export from a synthetic history. */
function progressFile(dir: string): { file: string; bytes: number; events: number } {
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
    const file = path.join(dir, 'progress.json');
    writeFileSync(file, content);
    return { file, bytes: Buffer.byteLength(content), events };
  } finally {
    storage.close();
  }
}

interface WorkInStalls {
  /** Stops watching; the thread's own CPU time during its longest stall, in ms. */
  stop(): number;
}

/**
 * Tells a stall the thread caused from one it waited out: on a loaded machine a thread that has
 * nothing to do still waits for a core. Samples every 2 ms the thread's own CPU time
 * (process.threadCpuUsage) and keeps it for the longest gap between samples.
 */
function watchOwnWork(): WorkInStalls {
  let last = performance.now();
  let lastCpu = process.threadCpuUsage();
  let longest = { gap: 0, cpuMs: 0 };
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = process.threadCpuUsage(lastCpu);
    if (now - last > longest.gap)
      longest = { gap: now - last, cpuMs: (cpu.user + cpu.system) / 1000 };
    last = now;
    lastCpu = process.threadCpuUsage();
  }, 2);
  return {
    stop() {
      clearInterval(timer);
      return longest.cpuMs;
    },
  };
}

async function measureRun(open: (dataDir: string) => Promise<Layout>, file: string, dir: string) {
  const layout = await open(dir);
  const stall = monitorEventLoopDelay({ resolution: 5 });
  let ownWork: WorkInStalls | undefined;
  try {
    const client = spawn(
      node24,
      [
        path.join(import.meta.dirname, 'import-load-client.ts'),
        String(layout.port),
        layout.token,
        file,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let result: { importMs: number; latencies: number[]; failed: number } | undefined;
    for await (const line of createInterface({ input: client.stdout })) {
      if (line === 'start') {
        stall.enable();
        ownWork = watchOwnWork();
      } else result = JSON.parse(line) as { importMs: number; latencies: number[]; failed: number };
    }
    stall.disable();
    const stallCpuMs = ownWork?.stop() ?? Number.NaN;
    if (!result) throw new Error('The load client stopped without a result.');
    return {
      stallMs: stall.max / 1e6,
      delayP99Ms: stall.percentile(99) / 1e6,
      stallCpuMs,
      nextP50: percentile(result.latencies, 50),
      nextP95: percentile(result.latencies, 95),
      importMs: result.importMs,
      failed: result.failed,
    } satisfies Run;
  } finally {
    await layout.close();
  }
}

async function measureLayout(
  open: (dataDir: string) => Promise<Layout>,
  file: string,
  tmp: string,
): Promise<Run> {
  const measured: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = path.join(tmp, `data-${open.name}-${i}`);
    measured.push(await measureRun(open, file, dataDir));
  }
  return {
    stallMs: median(measured.map((run) => run.stallMs)),
    delayP99Ms: median(measured.map((run) => run.delayP99Ms)),
    stallCpuMs: median(measured.map((run) => run.stallCpuMs)),
    nextP50: median(measured.map((run) => run.nextP50)),
    nextP95: median(measured.map((run) => run.nextP95)),
    importMs: median(measured.map((run) => run.importMs)),
    failed: median(measured.map((run) => run.failed)),
  };
}

/**
 * Issue 14: a 45 MB `data.import` sent to the preview (the renderer's path: HTTP, token, body
 * limit) while `review.next` is called every ~20 ms, with the thread that answers the renderer
 * watched by `monitorEventLoopDelay`. Measured in today's layout (services on a worker thread,
 * the import on a job thread) and in the one before (everything on the answering thread).
 */
export async function measureImportStall(): Promise<Results> {
  const tmp = makeTempDir('bench-import');
  try {
    const { file, bytes, events } = progressFile(tmp);
    const size = `${(bytes / 1024 / 1024).toFixed(1)} MB, ${events} events`;
    const after = await measureLayout(hostLayout, file, tmp);
    const before = await measureLayout(inProcessLayout, file, tmp);
    const ownShare = (run: Run) =>
      `the thread itself ran ${run.stallCpuMs.toFixed(1)} ms of its longest stall; delay p99 ${run.delayP99Ms.toFixed(1)} ms`;
    const during = (run: Run) =>
      `p50 ${run.nextP50.toFixed(1)} ms, ${run.failed} dropped; import ${(run.importMs / 1000).toFixed(1)} s`;
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
