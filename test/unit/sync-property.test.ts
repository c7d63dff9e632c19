import {
  copyFileSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  truncateSync,
} from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NoticeBoard } from '../../services/notices.ts';
import { Catalog } from '../../services/review/catalog.ts';
import { ReviewService } from '../../services/review/review-service.ts';
import { SettingsService } from '../../services/settings/settings-service.ts';
import { allCardStates } from '../../services/storage/card-states.ts';
import { rebuildCardStates } from '../../services/storage/rebuild.ts';
import { Storage } from '../../services/storage/storage.ts';
import type { RecordCounts } from '../../services/data/merge-plan.ts';
import { runSyncRound, type SyncRoundResult } from '../../services/sync/sync-round.ts';
import { syncFileName } from '../../services/sync/line-format.ts';
import { dayMs } from '../../shared/engine/scheduler.ts';
import { syntheticCards } from '../support/synthetic-cards.ts';
import { makeTempDir, removeTempDir } from '../support/temp-dir.ts';

// Several devices study on their own, each with a clock of its own, and sync through copies of one
// folder that a sync service delivers late, in any order, and sometimes only half-way. Once every
// file has arrived whole, every device must hold every event once and the same card states.

const start = Date.parse('2025-03-03T09:00:00.000Z');
const cards = syntheticCards(8);

interface Device {
  readonly storage: Storage;
  readonly review: ReviewService;
  readonly settings: SettingsService;
  /** This device's view of the shared folder. */
  readonly folder: string;
  readonly skew: number;
  readonly dataDir: string;
}

type Step =
  | {
      readonly kind: 'study';
      readonly device: number;
      readonly answers: number;
      readonly undo: boolean;
    }
  | { readonly kind: 'sync'; readonly device: number }
  | { readonly kind: 'deliver'; readonly from: number; readonly to: number; readonly part: number }
  | { readonly kind: 'setting'; readonly device: number; readonly newCardsPerDay: number }
  | { readonly kind: 'wait'; readonly ms: number };

const step = (devices: number): fc.Arbitrary<Step> => {
  const device = fc.integer({ min: 0, max: devices - 1 });
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('study' as const),
        device,
        answers: fc.integer({ min: 1, max: 8 }),
        undo: fc.boolean(),
      }),
    },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), device }) },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('deliver' as const),
        from: device,
        to: device,
        // Below 1: the copy stops part-way through the file, as a sync service's copy in progress.
        part: fc.oneof(fc.constant(1), fc.double({ min: 0.05, max: 0.95, noNaN: true })),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('setting' as const),
        device,
        newCardsPerDay: fc.integer({ min: 1, max: 40 }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('wait' as const),
        ms: fc.integer({ min: 60_000, max: 2 * dayMs }),
      }),
    },
  );
};

const scenario = fc.integer({ min: 3, max: 5 }).chain((devices) =>
  fc.record({
    skews: fc.array(
      fc.integer({ min: -4 * 60, max: 4 * 60 }).map((minutes) => minutes * 60_000),
      {
        minLength: devices,
        maxLength: devices,
      },
    ),
    late: fc.integer({ min: 0, max: devices - 1 }),
    steps: fc.array(step(devices), { minLength: 8, maxLength: 24 }),
  }),
);

describe('sync between devices (property)', () => {
  it('ends with every event once and identical card states on every device, whatever the order', () => {
    fc.assert(
      fc.property(scenario, ({ skews, late, steps }) => {
        let global = start;
        const root = makeTempDir('sync-property');
        const devices: Device[] = [];
        try {
          for (const [index, skew] of skews.entries()) {
            devices.push(openDevice(path.join(root, `device-${index}`), () => global + skew, skew));
          }
          for (const action of steps) {
            switch (action.kind) {
              case 'study':
                study(
                  devices[action.device],
                  action.answers,
                  action.undo,
                  () => (global += 20_000),
                );
                break;
              case 'sync':
                syncOn(devices[action.device], global);
                break;
              case 'deliver':
                // The late device's file reaches no one until the end, days later.
                if (action.from !== late && action.from !== action.to) {
                  deliver(devices[action.from], devices[action.to], action.part);
                }
                break;
              case 'setting':
                devices[action.device]?.settings.update({ newCardsPerDay: action.newCardsPerDay });
                global += 1000;
                break;
              case 'wait':
                global += action.ms;
                break;
            }
          }

          // Days later, past every clock's skew: each device writes what it has, every file
          // arrives whole everywhere, and each device reads them.
          global += 3 * dayMs;
          for (const device of devices) syncOn(device, global);
          deliverAll(devices);
          for (const device of devices) expect(syncOn(device, global).problems).toEqual([]);

          const reference = devices[0];
          if (!reference) throw new Error('no device');
          const allIds = new Set(devices.flatMap(eventIds));
          const linesPerEvent = eventLinesInFolder(reference);
          for (const id of allIds) expect(linesPerEvent.get(id)).toBe(1);
          for (const device of devices) {
            expect(new Set(eventIds(device))).toEqual(allIds);
            expect(allCardStates(device.storage)).toEqual(allCardStates(reference.storage));
            expect(device.settings.get()).toEqual(reference.settings.get());
          }
          // The cache is the replay of the log.
          const cached = allCardStates(reference.storage);
          rebuildCardStates(reference.storage);
          expect(allCardStates(reference.storage)).toEqual(cached);

          // Syncing again changes nothing.
          for (const device of devices) {
            const again = syncOn(device, global);
            expect(total(again.received) + total(again.sent)).toBe(0);
          }
          for (const device of devices) {
            expect(allCardStates(device.storage)).toEqual(cached);
          }
        } finally {
          for (const device of devices) device.storage.close();
          removeTempDir(root);
        }
      }),
      { numRuns: 8, seed: 20261202, endOnFailure: true },
    );
  });
});

function openDevice(dir: string, clock: () => number, skew: number): Device {
  const now = () => new Date(clock());
  const dataDir = path.join(dir, 'data');
  const storage = new Storage({ dataDir, notices: new NoticeBoard(now), now });
  storage.open();
  const settings = new SettingsService(storage, now, { fuzz: false });
  const review = new ReviewService({ storage, settings, now, catalog: new Catalog(cards) });
  const folder = path.join(dir, 'folder');
  mkdirSync(folder, { recursive: true });
  return { storage, review, settings, folder, skew, dataDir };
}

function study(device: Device | undefined, answers: number, undo: boolean, tick: () => void): void {
  if (!device) return;
  for (let i = 0; i < answers; i += 1) {
    const next = device.review.next();
    if (!next.item) break;
    device.review.answer({
      cardId: next.item.card.id,
      rating: (['again', 'hard', 'good', 'easy'] as const)[i % 4] ?? 'good',
      durationMs: 1500,
      expectedVersion: next.item.stateVersion,
    });
    tick();
  }
  if (undo) {
    try {
      device.review.undo();
    } catch {
      // Nothing of this device's left to undo (or it changed since): a learner's "undo" does nothing.
    }
  }
}

function syncOn(device: Device | undefined, global: number): SyncRoundResult {
  if (!device) throw new Error('no device');
  return runSyncRound(device.storage, {
    folder: device.folder,
    now: () => global + device.skew,
    batchSize: 7,
  });
}

/** The sync service copies the owner's file into another device's folder, whole or part-way. */
function deliver(from: Device | undefined, to: Device | undefined, part: number): void {
  if (!from || !to) return;
  const name = syncFileName(from.storage.deviceId);
  const source = path.join(from.folder, name);
  let size: number;
  try {
    size = statSync(source).size;
  } catch {
    return;
  }
  const target = path.join(to.folder, name);
  copyFileSync(source, target);
  if (part < 1) truncateSync(target, Math.floor(size * part));
}

function deliverAll(devices: readonly Device[]): void {
  for (const from of devices) for (const to of devices) if (from !== to) deliver(from, to, 1);
}

function eventIds(device: Device): string[] {
  return device.storage
    .statement(`SELECT id FROM review_event`)
    .all()
    .map((row) => String(row.id));
}

/** How often each event id appears across every device's own file. */
function eventLinesInFolder(device: Device): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of readdirSync(device.folder)) {
    for (const line of readFileSync(path.join(device.folder, name), 'utf8').split('\n').slice(1)) {
      if (!line) continue;
      const record = JSON.parse(line.slice(9)) as { t: string; r: { id?: string } };
      if (record.t === 'event' && record.r.id)
        counts.set(record.r.id, (counts.get(record.r.id) ?? 0) + 1);
    }
  }
  return counts;
}

function total(counts: RecordCounts): number {
  const { events, quizSessions, quizAnswers, studySessions, settings, reports } = counts;
  return events + quizSessions + quizAnswers + studySessions + settings + reports;
}
