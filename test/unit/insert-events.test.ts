import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NoticeBoard } from '../../services/notices.ts';
import {
  insertEvent,
  insertEvents,
  type ReviewEvent,
} from '../../services/storage/review-events.ts';
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
});
