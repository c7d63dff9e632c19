import { appendFileSync, mkdirSync, openSync, closeSync, writeSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { v7 as uuidv7 } from 'uuid';
import { eventToDocument } from '../services/data/progress-document.ts';
import { studyDaysOf } from '../services/data/record-times.ts';
import type { JobContext } from '../services/jobs/job-context.ts';
import type { JobOutcome } from '../services/jobs/job-outcome.ts';
import { NoticeBoard } from '../services/notices.ts';
import type { ReviewEvent } from '../services/storage/review-events.ts';
import { Storage } from '../services/storage/storage.ts';
import { legacyPackId } from '../services/storage/pack-scope.ts';
import { encodeHeader, encodeLine, syncFileName } from '../services/sync/line-format.ts';
import type { SyncJob } from '../services/sync/sync-job.ts';
import {
  runSyncRound,
  settleAfterRound,
  type SyncRoundResult,
} from '../services/sync/sync-round.ts';
import { dayMs, ratings } from '../shared/engine/scheduler.ts';
import { withTempDir } from '../test/support/temp-dir.ts';
import { atMost, median, report, round, type Results } from './lib.ts';

/**
 * Sync through a folder: a fresh device merging five other devices' files of 200,000 events each
 * (written here directly, in the sync line format) on a job thread, as the app runs a round; then
 * rounds that each find 1,000 new events across those files. 100,000 cards, as in the storage
 * benchmark's million-event database (ten events a card).
 */
export const devices = 5;
export const eventsPerDevice = 200_000;
/** Ten events a card. */
const cards = (devices * eventsPerDevice) / 10;
const incrementalEvents = 1_000;
const incrementalRuns = 5;
const start = Date.parse('2023-01-02T08:00:00.000Z');
/** One event every 55 s across the devices: a million fill 700 days. */
const eventSpacingMs = 55_000;
/** Every event lies before this; the rounds run at it. */
const now = start + 730 * dayMs;
const jobEntry = new URL('../services/jobs/job-worker.ts', import.meta.url);

export async function measureSync(): Promise<Results> {
  return withTempDir('bench-sync', async (root) => {
    const folder = path.join(root, 'folder');
    mkdirSync(folder);
    const deviceIds = Array.from({ length: devices }, (_, d) => deviceIdOf(d));
    const generated = performance.now();
    for (const [d, deviceId] of deviceIds.entries()) writeDeviceFile(folder, deviceId, d);
    const generationMs = performance.now() - generated;

    const dataDir = path.join(root, 'data');
    createDatabase(dataDir);
    const context: JobContext = { dataDir, appVersion: 'bench', now, packId: legacyPackId };
    const job: SyncJob = { kind: 'sync', folder, context };
    const before = performance.now();
    const { merged, thread } = await mergeOnJobThread(job);
    const mergeMs = performance.now() - before;
    if (merged.received.events !== devices * eventsPerDevice || merged.problems.length > 0) {
      throw new Error(`bench sync merged ${JSON.stringify(merged)}`);
    }

    const incremental: number[] = [];
    const incrementalCpu: number[] = [];
    const settling: number[] = [];
    for (let run = 0; run < incrementalRuns; run += 1) {
      for (const [d, deviceId] of deviceIds.entries()) {
        appendEvents(
          folder,
          deviceId,
          d,
          eventsPerDevice + run * incrementalEvents,
          incrementalEvents / devices,
        );
      }
      const timed = timedRound(dataDir, folder);
      incremental.push(timed.ms);
      incrementalCpu.push(timed.cpuMs);
      settling.push(timed.settleMs);
    }
    const load = loadavg()[0]?.toFixed(1) ?? '?';
    return {
      'sync.merge1MEventsFrom5Devices': atMost(
        round(mergeMs / 1000),
        5,
        's',
        `one run into an empty database on job thread ${thread.id} (not the main thread, whose ` +
          `event loop waited at most ${round(thread.mainMaxDelayMs)} ms meanwhile), to its ` +
          `answer; the thread then copied the WAL back in ${round(thread.settleMs / 1000)} s; ` +
          `${round(merged.linesRead / 1000)}k lines read; files written in ` +
          `${round(generationMs / 1000)} s; load ${load}`,
      ),
      'sync.merge1MEventsCpu': report(
        round(thread.cpuMs / 1000),
        's',
        `CPU time of the job thread for the merge above (at most ${cpuPollMs} ms short): ` +
          `what the merge costs whatever the load; load ${load}`,
      ),
      'sync.incrementalRound1kEvents': atMost(
        round(median(incremental)),
        100,
        'ms',
        `median of ${incrementalRuns}, on the merged million, each to its answer: ` +
          `${incremental.map(round).join(' / ')} ms; CPU ${incrementalCpu.map(round).join(' / ')} ` +
          `ms; then the WAL copied back (settleAfterRound) in ` +
          `${settling.map(round).join(' / ')} ms; load ${load}`,
      ),
    };
  });
}

interface MergeThread {
  readonly id: number;
  /** CPU time the job thread used, sampled every `cpuPollMs`. */
  readonly cpuMs: number;
  /** The longest the main thread's event loop waited while the job ran. */
  readonly mainMaxDelayMs: number;
  /** From the answer to the thread's end: the WAL copied back (`settleSyncJob`). */
  readonly settleMs: number;
}

const cpuPollMs = 100;

/**
 * The merge as the app runs it (services/jobs/job-worker.ts on a thread of its own, as
 * `runOnJobThread` starts it), watched from here: which thread, its CPU time, and how long the
 * main thread's event loop was held up meanwhile.
 */
function mergeOnJobThread(
  job: SyncJob,
): Promise<{ readonly merged: SyncRoundResult; readonly thread: MergeThread }> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const worker = new Worker(jobEntry, { workerData: job });
  let cpuMs = 0;
  const poll = setInterval(() => {
    worker
      .cpuUsage()
      .then((usage) => {
        cpuMs = Math.max(cpuMs, (usage.user + usage.system) / 1000);
      })
      .catch(() => undefined);
  }, cpuPollMs);
  const stop = () => {
    clearInterval(poll);
    delay.disable();
  };
  return new Promise((resolve, reject) => {
    worker.once('message', (outcome: JobOutcome<SyncRoundResult>) => {
      stop();
      if (!outcome.ok) {
        reject(new Error(`bench sync merge: ${outcome.message}`));
        return;
      }
      const answered = performance.now();
      const threadId = worker.threadId;
      const mainMaxDelayMs = delay.max / 1e6;
      // The rounds after it wait for the thread to finish settling, as the app's next round would.
      worker.once('exit', () => {
        const settleMs = performance.now() - answered;
        resolve({
          merged: outcome.value,
          thread: { id: threadId, cpuMs, mainMaxDelayMs, settleMs },
        });
      });
    });
    worker.once('error', (error: unknown) => {
      stop();
      reject(error instanceof Error ? error : new Error(String(error)));
    });
  });
}

function timedRound(
  dataDir: string,
  folder: string,
): { ms: number; cpuMs: number; settleMs: number; result: SyncRoundResult } {
  const at = () => new Date(now);
  const storage = new Storage({ dataDir, notices: new NoticeBoard(at), now: at });
  storage.attach();
  try {
    const before = performance.now();
    const cpuBefore = process.threadCpuUsage();
    const result = runSyncRound(storage, { folder, now: () => now });
    const ms = performance.now() - before;
    const cpu = process.threadCpuUsage(cpuBefore);
    if (result.received.events !== incrementalEvents || result.problems.length > 0) {
      throw new Error(`bench sync incremental round: ${JSON.stringify(result)}`);
    }
    const settling = performance.now();
    settleAfterRound(storage);
    const settleMs = performance.now() - settling;
    return { ms, cpuMs: (cpu.user + cpu.system) / 1000, settleMs, result };
  } finally {
    storage.close();
  }
}

function createDatabase(dataDir: string): void {
  const at = () => new Date(now);
  const storage = new Storage({ dataDir, notices: new NoticeBoard(at), now: at });
  const status = storage.open();
  if (status.state !== 'ready') throw new Error(`bench database: ${status.reason}`);
  storage.close();
}

export function deviceIdOf(d: number): string {
  return `0000000${d}-benc-4000-8000-00000000000${d}`;
}

function writeDeviceFile(folder: string, deviceId: string, d: number): void {
  const fd = openSync(path.join(folder, syncFileName(deviceId)), 'w');
  try {
    writeSync(fd, encodeHeader(deviceId));
    const perWrite = 10_000;
    for (let from = 0; from < eventsPerDevice; from += perWrite) {
      const lines: string[] = [];
      for (let i = from; i < from + perWrite; i += 1) lines.push(eventLine(deviceId, d, i));
      writeSync(fd, lines.join(''));
    }
  } finally {
    closeSync(fd);
  }
}

function appendEvents(
  folder: string,
  deviceId: string,
  d: number,
  from: number,
  count: number,
): void {
  const lines: string[] = [];
  for (let i = from; i < from + count; i += 1) lines.push(eventLine(deviceId, d, i));
  appendFileSync(path.join(folder, syncFileName(deviceId)), lines.join(''));
}

/** The i-th rating of device d: one every 55 s among the devices, every device on every card. */
export function benchEvent(deviceId: string, d: number, i: number): ReviewEvent {
  const at = start + (i * devices + d) * eventSpacingMs;
  return {
    id: uuidv7({ msecs: at, seq: i }),
    deviceId,
    packId: legacyPackId,
    cardId: `bench:${String((i * devices + d) % cards).padStart(6, '0')}`,
    kind: 'rating',
    source: 'review',
    rating: ratings[(i + d) % ratings.length] ?? 'good',
    undoes: null,
    quizAnswerId: null,
    studySessionId: null,
    occurredAt: at,
    studyDay: studyDaysOf(at)[0],
    durationMs: 4000,
    desiredRetention: 0.9,
    fuzz: false,
    phaseBefore: 'review',
    phaseAfter: 'review',
    dueAfter: at + dayMs,
    stabilityAfter: 3,
    difficultyAfter: 5,
    recordedAt: at,
    flag: null,
  };
}

function eventLine(deviceId: string, d: number, i: number): string {
  return encodeLine({ t: 'event', r: eventToDocument(benchEvent(deviceId, d, i)) });
}
