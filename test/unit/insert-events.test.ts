import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NoticeBoard } from '../../services/notices.ts';
import { eventToDocument } from '../../services/data/progress-document.ts';
import {
  eventKinds,
  eventSources,
  insertEvent,
  insertEvents,
  uncheckedMoveFrom,
  type ReviewEvent,
} from '../../services/storage/review-events.ts';
import { parseSyncRecord } from '../../services/sync/sync-records.ts';
import { flagColours } from '../../shared/engine/card-actions.ts';
import { phases, ratings } from '../../shared/engine/scheduler.ts';
import { withTransaction } from '../../services/storage/sqlite.ts';
import { Storage } from '../../services/storage/storage.ts';
import { validEvent } from '../support/event-arbitrary.ts';
import { onCleanup, tempDir } from '../support/test-scope.ts';

// A merge stores its events through a staging table (insertEvents); the app's own writes store
// one at a time (insertEvent). Both must leave the very same log: the same rows, rowids and
// storage classes, and the same refusals.

function openStorage(): Storage {
  const now = () => new Date(Date.parse('2025-05-05T09:00:00.000Z'));
  const storage = new Storage({
    dataDir: tempDir('insert-events'),
    notices: new NoticeBoard(now),
    now,
  });
  storage.open();
  onCleanup(() => storage.close());
  return storage;
}

/** Every column with its storage class, in rowid order: what "the same log" means here. */
function storedLog(storage: Storage): unknown[] {
  const columns = storage
    .statement(`SELECT name FROM pragma_table_info('review_event')`)
    .all()
    .map((row) => String(row.name));
  const select = columns.map((column) => `${column}, typeof(${column}) AS "${column}:type"`);
  return storage
    .statement(`SELECT rowid, ${select.join(', ')} FROM review_event ORDER BY rowid`)
    .all();
}

/** Runs `write` in a transaction: what it stored, or the message it was refused with. */
function outcome(storage: Storage, write: () => void): { log: unknown[]; error?: string } {
  try {
    withTransaction(storage.db(), write);
    return { log: storedLog(storage) };
  } catch (error) {
    return { log: storedLog(storage), error: String(error) };
  }
}

/**
 * Random logs: undos point at an earlier event (or at none, which the log refuses at commit),
 * quiz answers and study sessions are left out (their rows are not made here), and now and then
 * an event comes twice.
 */
const logs = fc
  .array(fc.tuple(validEvent, fc.nat(), fc.boolean(), fc.integer({ min: 0, max: 30 })), {
    maxLength: 40,
  })
  .map((drawn) => {
    const events: ReviewEvent[] = [];
    for (const [event, pick, dangling, repeat] of drawn) {
      const earlier = events[pick % Math.max(1, events.length)];
      const undoes =
        event.kind !== 'undo' ? null : dangling || !earlier ? event.undoes : earlier.id;
      events.push({ ...event, undoes, quizAnswerId: null, studySessionId: null });
      if (repeat === 0 && earlier) events.push(earlier);
    }
    return events;
  });

describe('insertEvents', () => {
  it('stores a log exactly as inserting its events one by one does, or refuses it the same way', () => {
    fc.assert(
      fc.property(logs, fc.integer({ min: 0, max: 40 }), (events, storedFirst) => {
        const one = openStorage();
        const staged = openStorage();
        const before = events
          .slice(0, storedFirst)
          .filter((e, i, all) => e.kind !== 'undo' && all.findIndex((o) => o.id === e.id) === i);
        for (const storage of [one, staged]) {
          withTransaction(storage.db(), () => {
            for (const event of before) insertEvent(storage, event);
          });
        }
        const rest = events.slice(storedFirst);
        const byOne = outcome(one, () => {
          for (const event of rest) insertEvent(one, event);
        });
        const byStage = outcome(staged, () => insertEvents(staged, rest));
        expect(byStage.log).toEqual(byOne.log);
        expect(byStage.error === undefined).toBe(byOne.error === undefined);
      }),
      { numRuns: 25 },
    );
  });

  it('leaves nothing staged after a refusal: the next merge stores only its own events', () => {
    const storage = openStorage();
    const [first, second, third] = fc.sample(
      validEvent.filter((event) => event.kind === 'rating'),
      { numRuns: 3, seed: 4 },
    ) as [ReviewEvent, ReviewEvent, ReviewEvent];
    const plain = (event: ReviewEvent) => ({ ...event, quizAnswerId: null, studySessionId: null });
    withTransaction(storage.db(), () => insertEvents(storage, [plain(first)]));
    expect(() =>
      withTransaction(storage.db(), () => insertEvents(storage, [plain(second), plain(first)])),
    ).toThrow(/UNIQUE constraint failed: review_event\.id/);
    expect(storedLog(storage)).toHaveLength(1);
    withTransaction(storage.db(), () => insertEvents(storage, [plain(third)]));
    const ids = storage.statement('SELECT id FROM review_event ORDER BY rowid').all();
    expect(ids.map((row) => row.id)).toEqual([first.id, third.id]);
  });

  it('is given only events that hold every CHECK of the log: what the document checks take, random or malformed', () => {
    // A large move skips the log's CHECKs (insertEvents), so whatever a sync line or an import
    // gets through the document's checks (the hand check, else the schema) must hold all of
    // them: fields of a valid event swapped for values valid alone but maybe not together.
    const values: Record<string, readonly unknown[]> = {
      kind: [...eventKinds, 'other'],
      source: [...eventSources, 'other'],
      rating: [...ratings, null, 'other'],
      undoes: [null, '0190a0b0-0000-7000-8000-000000000001'],
      quizAnswerId: [null, '0190a0b0-0000-7000-8000-000000000002'],
      flag: [...flagColours, null, 'other'],
      phaseBefore: [...phases, 'other'],
      phaseAfter: [...phases, 'other'],
      durationMs: [-1, 0, 1500, 1.5],
      fuzz: [true, false, 0, 1],
    };
    const swap = fc.oneof(
      ...Object.entries(values).map(([key, options]) =>
        fc.constantFrom(...options).map((value) => ({ [key]: value })),
      ),
    );
    const swaps = fc
      .array(swap, { maxLength: 3 })
      .map((each) => Object.assign({}, ...each) as Record<string, unknown>);
    const storage = openStorage();
    storage.db().exec('PRAGMA foreign_keys = OFF');
    let taken = 0;
    fc.assert(
      fc.property(validEvent, swaps, (event, swapped) => {
        const document = { ...eventToDocument(event), ...swapped };
        const parsed = parseSyncRecord({ t: 'event', r: document }, event.deviceId);
        if (!parsed.ok || parsed.record.t !== 'event') return;
        taken += 1;
        // Alone in the log (rolled back after), so only the row's own constraints can refuse it.
        storage.db().exec('BEGIN');
        try {
          expect(() => insertEvent(storage, parsed.record.r as ReviewEvent)).not.toThrow();
        } finally {
          storage.db().exec('ROLLBACK');
        }
      }),
      { numRuns: 400 },
    );
    expect(taken).toBeGreaterThan(40);
  });

  it('stores a large move exactly as one by one, CHECKs skipped or not', () => {
    const events = fc
      .sample(validEvent, { numRuns: uncheckedMoveFrom + 10, seed: 7 })
      .filter((event, i, all) => all.findIndex((other) => other.id === event.id) === i)
      .map((event) => ({
        ...event,
        undoes: null,
        kind: event.kind === 'undo' ? 'rating' : event.kind,
      }))
      .map((event) => ({
        ...event,
        rating: event.rating ?? (event.kind === 'rating' ? 'good' : null),
      }))
      .map((event) => ({ ...event, quizAnswerId: null, studySessionId: null }));
    expect(events.length).toBeGreaterThanOrEqual(uncheckedMoveFrom);
    const one = openStorage();
    const staged = openStorage();
    withTransaction(one.db(), () => {
      for (const event of events) insertEvent(one, event);
    });
    withTransaction(staged.db(), () => insertEvents(staged, events));
    expect(storedLog(staged)).toEqual(storedLog(one));
    const checks = staged.db().prepare('PRAGMA ignore_check_constraints').get();
    expect(checks?.ignore_check_constraints).toBe(0);
  });
});
