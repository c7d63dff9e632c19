import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insertParameterEvent } from '../../services/optimiser/parameter-rows.ts';
import { allCardStates, replayedRecord } from '../../services/storage/card-states.ts';
import { rebuildCardStates } from '../../services/storage/rebuild.ts';
import {
  eventSql,
  fromDbReviewEvent,
  insertEvent,
  toReplayEvent,
  type ReviewEvent,
} from '../../services/storage/review-events.ts';
import { withTransaction } from '../../services/storage/sqlite.ts';
import { syncFileName } from '../../services/sync/line-format.ts';
import { runSyncRound } from '../../services/sync/sync-round.ts';
import { replayCard } from '../../shared/engine/replay.ts';
import { defaultWeights, ratings, type Rating } from '../../shared/engine/scheduler.ts';
import { NoticeBoard } from '../../services/notices.ts';
import { Catalog } from '../../services/review/catalog.ts';
import { ReviewService } from '../../services/review/review-service.ts';
import { SettingsService } from '../../services/settings/settings-service.ts';
import { Storage } from '../../services/storage/storage.ts';
import type { StudyCard } from '../../shared/engine/types.ts';
import { syntheticCards } from '../support/synthetic-cards.ts';
import { onCleanup, tempDir } from '../support/test-scope.ts';

// The merge's bulk path (events looked up a chunk at a time, bound by position, cards replayed
// from the replay columns or folded forward) must store what the plain path stores: every field
// of every event, and card states equal to a replay of each card's whole log read row by row.

/** A device as the sync property test makes one: its storage, review and settings on a hand clock. */
interface Device {
  readonly storage: Storage;
  readonly review: ReviewService;
  at: number;
}

const cards = syntheticCards(10);

function openDevice(at: number, deck: readonly StudyCard[] = cards): Device {
  const device: Device = { at } as Device;
  const now = () => new Date(device.at);
  const storage = new Storage({
    dataDir: tempDir('sync-bulk-data'),
    notices: new NoticeBoard(now),
    now,
  });
  storage.open();
  onCleanup(() => storage.close());
  const settings = new SettingsService(storage, now, { fuzz: false });
  const review = new ReviewService({ storage, settings, now, catalog: new Catalog(deck) });
  return Object.assign(device, { storage, review });
}

function sync(device: Device, folder: string, batchSize?: number) {
  return runSyncRound(device.storage, {
    folder,
    now: () => device.at,
    ...(batchSize === undefined ? {} : { batchSize }),
  });
}

function study(device: Device, answers: readonly Rating[], undoAfter: number): void {
  for (const [i, rating] of answers.entries()) {
    const next = device.review.next();
    if (!next.item) return;
    device.review.answer({
      cardId: next.item.card.id,
      rating,
      durationMs: 1500,
      expectedVersion: next.item.stateVersion,
    });
    device.at += 45_000 + i * 7_000;
    if (i === undoAfter) device.review.undo();
  }
}

function storedEvents(storage: Storage): ReviewEvent[] {
  return storage.statement(`SELECT * FROM review_event ORDER BY id`).all().map(fromDbReviewEvent);
}

/** Each card's state as a replay of its log, read whole row by row (the plain path). */
function replayedCardByCard(storage: Storage) {
  const byCard = new Map<string, ReviewEvent[]>();
  for (const event of storedEvents(storage)) {
    byCard.set(event.cardId, [...(byCard.get(event.cardId) ?? []), event]);
  }
  return [...byCard.keys()].sort().flatMap((cardId) => {
    const replayed = replayCard((byCard.get(cardId) ?? []).map(toReplayEvent));
    return replayed ? [replayedRecord(cardId, replayed)] : [];
  });
}

const session = fc.record({
  answers: fc.array(fc.constantFrom(...ratings), { minLength: 1, maxLength: 14 }),
  undoAfter: fc.integer({ min: -1, max: 13 }),
  skewMs: fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 }),
});

describe('the bulk merge', () => {
  it('stores every event and the card states the plain per-event path gives, on random study from three devices', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(session, { minLength: 1, maxLength: 3 }), {
          minLength: 3,
          maxLength: 3,
        }),
        fc.integer({ min: 1, max: 9 }),
        (devicesSessions, batchSize) => {
          const folder = tempDir('sync-bulk-folder');
          const base = Date.parse('2025-05-05T09:00:00.000Z');
          const devices = devicesSessions.map((sessions) => ({
            device: openDevice(base + (sessions[0]?.skewMs ?? 0)),
            sessions,
          }));
          // Each device studies and syncs in turn, so later devices fold onto earlier ones' cards.
          for (let round = 0; round < 3; round += 1) {
            for (const { device, sessions } of devices) {
              const now = sessions[round];
              if (!now) continue;
              study(device, now.answers, now.undoAfter);
              sync(device, folder);
              device.at += 3_600_000;
            }
          }
          const fresh = openDevice(base + 30 * 86_400_000);
          const merged = sync(fresh, folder, batchSize);
          expect(merged.problems).toEqual([]);

          const everyEvent = devices
            .flatMap(({ device }) => storedEvents(device.storage))
            .filter((event, i, all) => all.findIndex((e) => e.id === event.id) === i)
            .sort((a, b) => (a.id < b.id ? -1 : 1));
          expect(storedEvents(fresh.storage)).toEqual(everyEvent);
          expect(merged.received.events).toBe(everyEvent.length);
          const expected = replayedCardByCard(fresh.storage);
          expect(allCardStates(fresh.storage)).toEqual(expected);
          rebuildCardStates(fresh.storage);
          expect(allCardStates(fresh.storage)).toEqual(expected);
        },
      ),
      { numRuns: 4, seed: 20261202, endOnFailure: true },
    );
  });

  it('folds merged ratings forward with the fitted FSRS weights in effect, as the rebuild does', () => {
    const folder = tempDir('sync-bulk-weights');
    const base = Date.parse('2025-05-05T09:00:00.000Z');
    // Every stage of the model moves: first ratings, reviews and same-day steps.
    const fitted = defaultWeights.map((w, i) =>
      i <= 3 ? w / 4 : i === 8 ? w - 1.2 : i === 17 ? w / 2 : w,
    );
    const devices = [openDevice(base), openDevice(base + 60_000)];
    for (const device of devices) {
      withTransaction(device.storage.db(), () =>
        insertParameterEvent(device.storage, {
          id: `01960000-0000-7000-8000-00000000000${devices.indexOf(device)}`,
          deviceId: `device-${devices.indexOf(device)}`,
          kind: 'apply',
          weights: fitted,
          undoes: null,
          occurredAt: base - 86_400_000,
          figures: null,
        }),
      );
    }
    const [a, b] = devices as [Device, Device];
    study(a, ['good', 'hard', 'good'], -1);
    sync(a, folder);
    sync(b, folder);
    // Later ratings on the same cards arrive after b has cached them: b folds them forward.
    a.at += 3 * 86_400_000;
    study(a, ['good', 'easy', 'again'], -1);
    b.at = a.at + 60_000;
    sync(a, folder);
    expect(sync(b, folder).received.events).toBe(3);
    const folded = allCardStates(b.storage);
    rebuildCardStates(b.storage);
    expect(folded).toEqual(allCardStates(b.storage));
    expect(folded).toEqual(allCardStates(a.storage));
  });

  it('stores each field of an event in its own column', () => {
    const { storage } = openDevice(Date.now());
    const event: ReviewEvent = {
      id: '01960000-0000-7000-8000-000000000001',
      deviceId: 'device-a',
      packId: 'wnt-bone',
      cardId: 'card:1',
      kind: 'rating',
      source: 'quiz',
      rating: 'hard',
      undoes: null,
      quizAnswerId: null,
      studySessionId: null,
      occurredAt: 1_745_000_000_001,
      studyDay: '2025-04-18',
      durationMs: 1234,
      desiredRetention: 0.87,
      fuzz: true,
      phaseBefore: 'learning',
      phaseAfter: 'review',
      dueAfter: 1_745_100_000_002,
      stabilityAfter: 2.5,
      difficultyAfter: 6.25,
      recordedAt: 1_745_000_000_003,
      flag: null,
    };
    withTransaction(storage.db(), () => insertEvent(storage, event));
    expect(storage.statement(eventSql.byId).get(event.id)).toEqual({
      id: event.id,
      device_id: 'device-a',
      pack_id: 'wnt-bone',
      card_id: 'card:1',
      kind: 'rating',
      source: 'quiz',
      rating: 'hard',
      undoes: null,
      quiz_answer_id: null,
      study_session_id: null,
      occurred_at: 1_745_000_000_001,
      study_day: '2025-04-18',
      duration_ms: 1234,
      desired_retention: 0.87,
      fuzz: 1,
      phase_before: 'learning',
      phase_after: 'review',
      due_after: 1_745_100_000_002,
      stability_after: 2.5,
      difficulty_after: 6.25,
      recorded_at: 1_745_000_000_003,
      flag: null,
    });
  });
});

describe('an incremental round', () => {
  it('reads only the bytes added since the last round', () => {
    const folder = tempDir('sync-bulk-folder');
    const manyCards = syntheticCards(40);
    const start = Date.parse('2025-05-05T09:00:00.000Z');
    const a = openDevice(start, manyCards);
    const b = openDevice(start, manyCards);
    const answers = Array.from({ length: 30 }, (_, i) => ratings[i % ratings.length] ?? 'good');
    study(a, answers, -1);
    sync(a, folder);
    const file = path.join(folder, syncFileName(a.storage.deviceId));
    b.at = a.at;
    const first = sync(b, folder);
    expect(first.problems).toEqual([]);
    expect(first.received.events).toBeGreaterThan(20);
    const readBefore = statSync(file).size;

    // Spoil a line in the middle of what b has read: only a reader going back over it would see.
    // The start and end of the read part, which b checks to notice a replaced file, stay as they are.
    const bytes = readFileSync(file);
    const middle = bytes.indexOf('"cardId"', Math.floor(readBefore / 2));
    expect(middle).toBeGreaterThan(4096);
    expect(middle).toBeLessThan(readBefore - 4096);
    bytes.write('"cardXd"', middle, 'latin1');
    writeFileSync(file, bytes);

    a.at += 86_400_000;
    study(a, ['good', 'hard', 'good'], -1);
    sync(a, folder);
    const added = statSync(file).size - readBefore;
    b.at = a.at;
    const second = sync(b, folder);
    expect(second.problems).toEqual([]);
    expect(second.received.events).toBe(3);
    const newLines = readFileSync(file).subarray(readBefore).toString('utf8').split('\n');
    expect(added).toBeGreaterThan(0);
    expect(second.linesRead).toBe(newLines.length - 1);
  });
});
