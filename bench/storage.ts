import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { openAppServices, type AppServices } from '../services/app-services.ts';
import { NoticeBoard } from '../services/notices.ts';
import { migrate } from '../services/storage/migrations.ts';
import { Storage, databaseFileName } from '../services/storage/storage.ts';
import type { StudyCard } from '../shared/engine/types.ts';
import { makeTempDir, removeTempDir } from '../test/support/temp-dir.ts';
import { atLeast, atMost, median, percentile, report, type Results } from './lib.ts';
import { legacyPackId } from '../services/storage/pack-scope.ts';

const now = Date.parse('2025-06-01T09:00:00.000Z');
const day = 86_400_000;
const bundledPacksDir = path.join(import.meta.dirname, '..', 'assets', 'packs');
const cardId = (i: number) => `bench:${String(i).padStart(6, '0')}`;

/**
 * A progress database of `events` review events over `cards` cards in `dir`, written directly
 * (fast, not durable) so the benchmark measures reading it, not building it. Card states are spread
 * so ~8 % are due today, as in a steady study habit.
 */
export function buildDatabase(dir: string, events: number, cards: number): void {
  const db = new DatabaseSync(path.join(dir, databaseFileName));
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF');
  migrate(db);
  db.exec('BEGIN');
  const insertEvent = db.prepare(`INSERT INTO review_event (id, device_id, card_id, kind, source,
    rating, undoes, occurred_at, study_day, duration_ms, desired_retention, fuzz, phase_before,
    phase_after, due_after, stability_after, difficulty_after, recorded_at)
    VALUES (?, 'bench', ?, 'rating', 'review', ?, NULL, ?, ?, 4000, 0.9, 1, 'review', 'review',
      ?, 12.5, 5.2, ?)`);
  const ratings = ['again', 'hard', 'good', 'easy'];
  for (let i = 0; i < events; i++) {
    const at = now - 400 * day + Math.floor((i / events) * 400 * day);
    const hex = at.toString(16).padStart(12, '0');
    const id = `${hex.slice(0, 8)}-${hex.slice(8)}-7000-8000-${String(i).padStart(12, '0')}`;
    insertEvent.run(
      id,
      cardId(i % cards),
      ratings[i % 4] ?? 'good',
      at,
      new Date(at).toISOString().slice(0, 10),
      at + 5 * day,
      at,
    );
  }
  const insertState = db.prepare(
    `INSERT INTO card_state (card_id, phase, due, stability, difficulty, elapsed_days,
      scheduled_days, learning_steps, reps, lapses, last_review, introduced_day, last_event_id,
      pack_id)
      VALUES (?, ?, ?, ?, 5.2, 3, 10, 0, 10, 1, ?, '2025-01-01', ?, ?)`,
  );
  for (let i = 0; i < cards; i++) {
    const due = now + ((i % 60) - 5) * day;
    const stability = 1 + (i % 90);
    insertState.run(
      cardId(i),
      i % 50 === 0 ? 'learning' : 'review',
      due,
      stability,
      due - stability * day,
      `event-${i}`,
      legacyPackId,
    );
  }
  db.exec('COMMIT');
  db.close();
}

function syntheticCards(count: number): StudyCard[] {
  return Array.from({ length: count + 500 }, (_, i) => ({
    id: cardId(i),
    kind: 'fact-cloze',
    front: 'q',
    back: 'a',
    factIds: [`F${String((i % 999) + 1).padStart(3, '0')}`],
    entityIds: [`entity-${i % 300}`],
    topic: `topic-${i % 12}`,
    pathwayIds: [],
    citations: [],
    highYield: false,
    teachingRank: i,
  }));
}

export function services(dir: string, cards: number): AppServices {
  const opened = openAppServices({
    dataDir: dir,
    dataDirKind: 'test',
    transport: 'http',
    bundledPacksDir,
    appVersion: 'bench',
    now: () => new Date(now),
    dailyBackupDelayMs: null,
  });
  opened.review.setCatalog(syntheticCards(cards));
  return opened;
}

interface OpenMemory {
  before: number;
  afterOpen: number;
  afterQueue: number;
}

/** Memory is measured in a child process, where nothing else has touched the database yet. */
function openMemory(dir: string): OpenMemory {
  const child = spawnSync(
    process.execPath,
    [path.join(import.meta.dirname, 'storage-open-memory.ts'), dir],
    { encoding: 'utf8' },
  );
  if (child.status !== 0) throw new Error(`storage-open-memory failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as OpenMemory;
}

function times(runs: number, fn: () => unknown): number[] {
  fn();
  return Array.from({ length: runs }, () => {
    const start = performance.now();
    fn();
    return performance.now() - start;
  });
}

function queueBuild(dir: string, cards: number): { normal: number; exam: number } {
  const opened = services(dir, cards);
  try {
    const normal = median(times(9, () => opened.review.next()));
    opened.settings.update({ examDate: '2025-06-20' });
    const exam = median(times(9, () => opened.review.next()));
    return { normal, exam };
  } finally {
    opened.close();
  }
}

/** Durable answers (WAL, synchronous = FULL), one transaction each, as the learner makes them. */
function writesPerSecond(dir: string, cards: number): { perSecond: number; p95: number } {
  const opened = services(dir, cards);
  try {
    const samples: number[] = [];
    for (let i = 0; i < 200; i++) {
      const next = opened.review.next();
      if (!next.item) break;
      const start = performance.now();
      opened.review.answer({
        cardId: next.item.card.id,
        rating: 'good',
        durationMs: 1,
        expectedVersion: next.item.stateVersion,
      });
      samples.push(performance.now() - start);
    }
    return { perSecond: 1000 / median(samples), p95: percentile(samples, 95) };
  } finally {
    opened.close();
  }
}

/** Builds the two databases (~45 MB and ~435 MB) in temporary folders, always removed after. */
export function measureStorage(): Results {
  const small = makeTempDir('bench-db');
  const large = makeTempDir('bench-db');
  try {
    buildDatabase(small, 100_000, 10_000);
    buildDatabase(large, 1_000_000, 100_000);
    return measureOn(small, large);
  } finally {
    removeTempDir(small);
    removeTempDir(large);
  }
}

function measureOn(small: string, large: string): Results {
  const sizeMb = statSync(path.join(large, databaseFileName)).size / 2 ** 20;

  const openTimes = times(5, () => {
    const storage = new Storage({
      dataDir: large,
      notices: new NoticeBoard(() => new Date(now)),
      now: () => new Date(now),
    });
    const status = storage.open();
    if (status.state !== 'ready') throw new Error(`bench database refused: ${status.reason}`);
    storage.close();
  });
  const memory = openMemory(large);

  const queueSmall = queueBuild(small, 10_000);
  const queueLarge = queueBuild(large, 100_000);
  const writes = writesPerSecond(small, 10_000);

  return {
    'storage.open1MEvents': atMost(
      median(openTimes),
      300,
      'ms',
      `median of 5; ${Math.round(sizeMb)} MB file, no log replay`,
    ),
    'storage.memoryOpen1MEvents': report(
      memory.afterOpen - memory.before,
      'MB',
      `RSS growth from opening it, in a fresh process (${memory.before.toFixed(0)} MB before)`,
    ),
    'storage.memoryFirstQueue1MEvents': report(
      memory.afterQueue - memory.before,
      'MB',
      'RSS growth from the whole start on it: packs, services and the first queue of 100,000 cards',
    ),
    'queue.build10kCards': atMost(
      queueSmall.normal,
      50,
      'ms',
      'review.next: queue + four previewed states, median of 9',
    ),
    'queue.build100kCards': atMost(
      queueLarge.normal,
      50,
      'ms',
      'review.next at 100,000 cards, median of 9',
    ),
    'queue.build100kCardsExamMode': atMost(
      queueLarge.exam,
      50,
      'ms',
      'exam date set: ordered by recall on exam day',
    ),
    'storage.durableAnswersPerSecond': atLeast(
      writes.perSecond,
      20,
      '/s',
      `review.answer, WAL + synchronous FULL, 10k cards; p95 ${writes.p95.toFixed(1)} ms`,
    ),
  };
}
