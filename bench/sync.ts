import { appendFileSync, mkdirSync, openSync, closeSync, writeSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { eventToDocument } from '../services/data/progress-document.ts';
import { studyDaysOf } from '../services/data/record-times.ts';
import type { JobContext } from '../services/jobs/job-context.ts';
import { runOnJobThread } from '../services/jobs/run-job.ts';
import { NoticeBoard } from '../services/notices.ts';
import type { ReviewEvent } from '../services/storage/review-events.ts';
import { Storage } from '../services/storage/storage.ts';
import { encodeHeader, encodeLine, syncFileName } from '../services/sync/line-format.ts';
import type { SyncJob } from '../services/sync/sync-job.ts';
import { runSyncRound, type SyncRoundResult } from '../services/sync/sync-round.ts';
import { dayMs, ratings } from '../shared/engine/scheduler.ts';
import { withTempDir } from '../test/support/temp-dir.ts';
import { atMost, median, round, type Results } from './lib.ts';

/**
 * Sync through a folder: a fresh device merging five other devices' files of 200,000 events each
 * (written here directly, in the sync line format) on a job thread, as the app runs a round; then
 * rounds that each find 1,000 new events across those files. 100,000 cards, as in the storage
 * benchmark's million-event database (ten events a card).
 */
const devices = 5;
const eventsPerDevice = 200_000;
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
    const context: JobContext = { dataDir, appVersion: 'bench', now };
    const job: SyncJob = { kind: 'sync', folder, context };
    const before = performance.now();
    const merged = await runOnJobThread<SyncRoundResult>(jobEntry, job);
    const mergeMs = performance.now() - before;
    if (merged.received.events !== devices * eventsPerDevice || merged.problems.length > 0) {
      throw new Error(`bench sync merged ${JSON.stringify(merged)}`);
    }

    const incremental: number[] = [];
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
      incremental.push(timedRound(dataDir, folder).ms);
    }
    return {
      'sync.merge1MEventsFrom5Devices': atMost(
        round(mergeMs / 1000),
        5,
        's',
        `one run on a job thread, into an empty database; ${round(merged.linesRead / 1000)}k lines read; files written in ${round(generationMs / 1000)} s; load ${loadavg()[0]?.toFixed(1) ?? '?'}`,
      ),
      'sync.incrementalRound1kEvents': atMost(
        round(median(incremental)),
        100,
        'ms',
        `median of ${incrementalRuns}, on the merged million; each ${incremental.map(round).join(' / ')} ms`,
      ),
    };
  });
}

function timedRound(dataDir: string, folder: string): { ms: number; result: SyncRoundResult } {
  const at = () => new Date(now);
  const storage = new Storage({ dataDir, notices: new NoticeBoard(at), now: at });
  storage.attach();
  try {
    const before = performance.now();
    const result = runSyncRound(storage, { folder, now: () => now });
    const ms = performance.now() - before;
    if (result.received.events !== incrementalEvents || result.problems.length > 0) {
      throw new Error(`bench sync incremental round: ${JSON.stringify(result)}`);
    }
    return { ms, result };
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

function deviceIdOf(d: number): string {
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
function eventLine(deviceId: string, d: number, i: number): string {
  const at = start + (i * devices + d) * eventSpacingMs;
  const rating = ratings[(i + d) % ratings.length] ?? 'good';
  const event: ReviewEvent = {
    id: uuidv7({ msecs: at, seq: i }),
    deviceId,
    cardId: `bench:${String((i * devices + d) % cards).padStart(6, '0')}`,
    kind: 'rating',
    source: 'review',
    rating,
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
  return encodeLine({ t: 'event', r: eventToDocument(event) });
}
