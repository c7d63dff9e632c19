import { appendFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventToDocument } from '../../services/data/progress-document.ts';
import { studyDaysOf } from '../../services/data/record-times.ts';
import { NoticeBoard } from '../../services/notices.ts';
import { allCardStates } from '../../services/storage/card-states.ts';
import { rebuildCardStates } from '../../services/storage/rebuild.ts';
import { eventSql, type ReviewEvent } from '../../services/storage/review-events.ts';
import { num } from '../../services/storage/sqlite.ts';
import { Storage } from '../../services/storage/storage.ts';
import { encodeHeader, encodeLine, syncFileName } from '../../services/sync/line-format.ts';
import { runSyncRound, settleAfterRound } from '../../services/sync/sync-round.ts';
import { sentMark } from '../../services/sync/sync-state.ts';
import { dayMs, ratings } from '../../shared/engine/scheduler.ts';
import { onCleanup, tempDir } from '../support/test-scope.ts';

// What a round leaves behind besides the records it merges: the WAL file back to its usual size
// and the connection's settings as they were (the round checkpoints once, after it answered,
// instead of every 4 MiB), and its sent marks moved on even when it had nothing to send.

const start = Date.parse('2025-01-06T08:00:00.000Z');
const now = start + 200 * dayMs;
const otherDevice = '0000000a-test-4000-8000-00000000000a';

function storageOf(dataDir: string): Storage {
  const at = () => new Date(now);
  const storage = new Storage({ dataDir, notices: new NoticeBoard(at), now: at });
  onCleanup(() => storage.close());
  return storage;
}

/** A device's i-th rating: one a minute, over 400 cards. */
function eventLine(i: number, deviceId = otherDevice): string {
  const at = start + i * 60_000;
  const event: ReviewEvent = {
    id: uuidv7({ msecs: at, seq: i }),
    deviceId,
    cardId: `test:${String(i % 400).padStart(4, '0')}`,
    packId: 'il32-gamma',
    kind: 'rating',
    source: 'review',
    rating: ratings[i % ratings.length] ?? 'good',
    undoes: null,
    quizAnswerId: null,
    studySessionId: null,
    occurredAt: at,
    studyDay: studyDaysOf(at)[0],
    durationMs: 3000,
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

function lines(from: number, to: number, deviceId = otherDevice): string {
  return Array.from({ length: to - from }, (_, k) => eventLine(from + k, deviceId)).join('');
}

function pragmas(storage: Storage): Record<string, unknown> {
  const read = (name: string) => storage.db().prepare(`PRAGMA ${name}`).get()?.[name];
  return Object.fromEntries(
    ['cache_size', 'wal_autocheckpoint', 'journal_size_limit', 'synchronous'].map((name) => [
      name,
      read(name),
    ]),
  );
}

describe('a sync round on a job connection, beside the host', () => {
  it('leaves the WAL file at 4 MiB, its settings as they were, and its sent marks moved on', () => {
    const dataDir = tempDir('sync-bookkeeping-data');
    const folder = tempDir('sync-bookkeeping-folder');
    const host = storageOf(dataDir);
    expect(host.open().state).toBe('ready');
    const file = path.join(folder, syncFileName(otherDevice));
    const first = 12_000;
    writeFileSync(file, encodeHeader(otherDevice) + lines(0, first));

    const job = storageOf(dataDir);
    job.attach();
    const before = pragmas(job);
    // Far more WAL than 4 MiB: without the limit, the file would stay that large.
    const merged = runSyncRound(job, { folder, now: () => now });
    expect(merged.problems).toEqual([]);
    expect(merged.received.events).toBe(first);
    expect(pragmas(job)).toEqual(before);
    // Copied back once the round answered, in one checkpoint that did not wait for the host.
    const walPages = statSync(`${host.file}-wal`).size / 4096;
    expect(walPages).toBeGreaterThan(1024);
    expect(settleAfterRound(job)).toBeGreaterThan(1024);

    appendFileSync(file, lines(first, first + 300));
    const incremental = runSyncRound(job, { folder, now: () => now });
    expect(incremental.received.events).toBe(300);
    expect(incremental.sent.events).toBe(0);
    // Its first write started the WAL afresh, cut back to 4 MiB.
    expect(statSync(`${host.file}-wal`).size).toBeLessThanOrEqual(4 * 1024 * 1024);
    // Nothing of the host's to send, and still the next round starts after every merged row.
    const maxRow = num(host.statement('SELECT MAX(rowid) AS n FROM review_event').get() ?? {}, 'n');
    expect(sentMark(job, 'event')).toBe(maxRow);

    const cached = allCardStates(host);
    expect(cached).toHaveLength(400);
    rebuildCardStates(host);
    expect(allCardStates(host)).toEqual(cached);
  });
});

describe('a sync round that stops half-way (the app killed between two of its commits)', () => {
  it('loses nothing: the next round merges the rest once and leaves card states equal to a rebuild', () => {
    const devices = [
      '0000000b-test-4000-8000-00000000000b',
      '0000000c-test-4000-8000-00000000000c',
    ];
    const perDevice = 300;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16 }), (stopAt) => {
        const dataDir = tempDir('sync-stop-data');
        const folder = tempDir('sync-stop-folder');
        const host = storageOf(dataDir);
        expect(host.open().state).toBe('ready');
        for (const [d, deviceId] of devices.entries()) {
          writeFileSync(
            path.join(folder, syncFileName(deviceId)),
            encodeHeader(deviceId) + lines(d * perDevice, (d + 1) * perDevice, deviceId),
          );
        }
        // The round asks the time once per batch of 50 (12 batches), then to time itself: the
        // stopAt-th question is where it stops, after as many commits.
        let asked = 0;
        const stopping = storageOf(dataDir);
        stopping.attach();
        const clock = () => {
          asked += 1;
          if (asked === stopAt) throw new Error('killed');
          return now;
        };
        try {
          runSyncRound(stopping, { folder, now: clock, batchSize: 50 });
        } catch (error) {
          expect(String(error)).toContain('killed');
        }
        stopping.close();

        const next = storageOf(dataDir);
        next.attach();
        const finished = runSyncRound(next, { folder, now: () => now, batchSize: 50 });
        expect(finished.problems).toEqual([]);
        const count = num(host.statement(eventSql.count).get() ?? {}, 'n');
        expect(count).toBe(devices.length * perDevice);
        const cached = allCardStates(host);
        expect(cached).toHaveLength(400);
        rebuildCardStates(host);
        expect(allCardStates(host)).toEqual(cached);
      }),
      { numRuns: 6 },
    );
  });
});
