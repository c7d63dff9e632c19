import { spawn } from 'node:child_process';
import type { Server } from 'node:http';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { openPreview } from '../preview/open-preview.ts';
import { startPreviewServer } from '../preview/server.ts';
import { openAppServices } from '../services/app-services.ts';
import { createHandlerRegistry } from '../services/service-registry.ts';
import type { HostOpenOptions } from '../services/host/protocol.ts';
import { median, percentile } from './lib.ts';

/**
 * What a long call (an import, a restore, an export) does to the threads that answer the
 * renderer: the call is sent to the preview (the renderer's path: HTTP, token, body limit) while
 * `review.next` is called every ~20 ms from another process (stall-load-client.ts), and the thread
 * answering HTTP is watched by `monitorEventLoopDelay`. `review.next` is answered by the service
 * host, so its latency shows how long the host's thread was held up.
 */

const root = path.join(import.meta.dirname, '..');
const rendererDir = path.join(root, 'out', 'renderer');
const node24 = path.join(root, 'node_modules', '.bin', 'node');

/** One long call as a learner would send it, and how the threads answering the renderer fared. */
export interface StallRun {
  /** The HTTP thread's longest event-loop stall. */
  readonly stallMs: number;
  /** The 99th percentile of the HTTP thread's event-loop delay. */
  readonly delayP99Ms: number;
  /** How long the HTTP thread itself ran during its longest stall; the rest it waited for a core. */
  readonly stallCpuMs: number;
  readonly nextP50: number;
  readonly nextP95: number;
  /** The slowest `review.next` during the call: the host's longest hold-up, plus the trip. */
  readonly nextMax: number;
  /** review.next before the call, with nothing else running. */
  readonly idleP50: number;
  readonly idleP95: number;
  readonly callMs: number;
  /** review.next calls that got no answer (the server dropped them). */
  readonly failed: number;
}

/** A server answering the renderer on this thread, over services somewhere (see below). */
export interface Layout {
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

export function serviceOptions(dataDir: string): HostOpenOptions {
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
export async function hostLayout(dataDir: string): Promise<Layout> {
  const preview = await openPreview({ rendererDir, port: 0, services: serviceOptions(dataDir) });
  return { port: preview.port, token: preview.token, close: () => preview.close() };
}

/** The layout before issue 14: the services on the thread that answers the renderer. */
export async function inProcessLayout(dataDir: string): Promise<Layout> {
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

/** What the load client prints last. */
interface ClientResult {
  readonly callMs: number;
  readonly latencies: number[];
  readonly idle: number[];
  readonly failed: number;
}

/** What the load client sends: `channel` with the bytes of `bodyFile` (none: an empty body). */
export interface LongCall {
  readonly channel: string;
  readonly bodyFile?: string;
}

/** Opens `layout` on `dataDir`, sends `call` with review.next beside it, and closes again. */
export async function measureStall(
  open: (dataDir: string) => Promise<Layout>,
  dataDir: string,
  call: LongCall,
): Promise<StallRun> {
  const layout = await open(dataDir);
  const stall = monitorEventLoopDelay({ resolution: 5 });
  let ownWork: WorkInStalls | undefined;
  try {
    const client = spawn(
      node24,
      [
        path.join(import.meta.dirname, 'stall-load-client.ts'),
        String(layout.port),
        layout.token,
        call.channel,
        ...(call.bodyFile === undefined ? [] : [call.bodyFile]),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let result: ClientResult | undefined;
    for await (const line of createInterface({ input: client.stdout })) {
      if (line === 'start') {
        stall.enable();
        ownWork = watchOwnWork();
      } else result = JSON.parse(line) as ClientResult;
    }
    stall.disable();
    const stallCpuMs = ownWork?.stop() ?? Number.NaN;
    if (!result) throw new Error(`The load client stopped without a result (${call.channel}).`);
    return {
      stallMs: stall.max / 1e6,
      delayP99Ms: stall.percentile(99) / 1e6,
      stallCpuMs,
      nextP50: percentile(result.latencies, 50),
      nextP95: percentile(result.latencies, 95),
      nextMax: Math.max(...result.latencies),
      idleP50: percentile(result.idle, 50),
      idleP95: percentile(result.idle, 95),
      callMs: result.callMs,
      failed: result.failed,
    };
  } finally {
    await layout.close();
  }
}

/** The median of each figure over several runs. */
export function medianRun(runs: readonly StallRun[]): StallRun {
  const of = (pick: (run: StallRun) => number) => median(runs.map(pick));
  return {
    stallMs: of((run) => run.stallMs),
    delayP99Ms: of((run) => run.delayP99Ms),
    stallCpuMs: of((run) => run.stallCpuMs),
    nextP50: of((run) => run.nextP50),
    nextP95: of((run) => run.nextP95),
    nextMax: of((run) => run.nextMax),
    idleP50: of((run) => run.idleP50),
    idleP95: of((run) => run.idleP95),
    callMs: of((run) => run.callMs),
    failed: of((run) => run.failed),
  };
}

/** How much of the HTTP thread's longest stall it ran itself, and its delay p99. */
export function ownShare(run: StallRun): string {
  return `the thread itself ran ${run.stallCpuMs.toFixed(1)} ms of its longest stall; delay p99 ${run.delayP99Ms.toFixed(1)} ms`;
}
