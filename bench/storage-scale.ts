// Measures progress storage at scale: `node bench/storage-scale.ts [events] [cards]`.
// Builds a database with `events` review events over `cards` cards (default 1,000,000 / 100,000),
// then times opening it, building the queue and the Home/Progress reads. Figures, not a test.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { openAppServices } from '../services/app-services.ts';
import { NoticeBoard } from '../services/notices.ts';
import { Storage, databaseFileName } from '../services/storage/storage.ts';
import { migrate } from '../services/storage/migrations.ts';
import type { StudyCard } from '../shared/engine/types.ts';

const eventCount = Number(process.argv[2] ?? 1_000_000);
const cardCount = Number(process.argv[3] ?? 100_000);
const now = Date.parse('2025-06-01T09:00:00.000Z');
const day = 86_400_000;
const dir = mkdtempSync(path.join(tmpdir(), 'pathwise-bench-'));
const file = path.join(dir, databaseFileName);

function time<T>(label: string, fn: () => T, repeat = 1): T {
  let result: T | undefined;
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    result = fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)] ?? 0;
  console.log(
    `${label.padEnd(44)} ${median.toFixed(1).padStart(8)} ms${repeat > 1 ? ` (median of ${repeat})` : ''}`,
  );
  return result as T;
}

const cardId = (i: number) => `bench:${String(i).padStart(6, '0')}`;

time(`build ${eventCount} events, ${cardCount} cards`, () => {
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF');
  migrate(db);
  db.exec('BEGIN');
  const insertEvent = db.prepare(`INSERT INTO review_event (id, device_id, card_id, kind, source,
    rating, undoes, occurred_at, study_day, duration_ms, desired_retention, fuzz, phase_before,
    phase_after, due_after, stability_after, difficulty_after, recorded_at)
    VALUES (?, 'bench', ?, 'rating', 'review', ?, NULL, ?, ?, 4000, 0.9, 1, 'review', 'review',
      ?, 12.5, 5.2, ?)`);
  const ratings = ['again', 'hard', 'good', 'easy'];
  for (let i = 0; i < eventCount; i++) {
    const at = now - 400 * day + Math.floor((i / eventCount) * 400 * day);
    const hex = at.toString(16).padStart(12, '0');
    const id = `${hex.slice(0, 8)}-${hex.slice(8)}-7000-8000-${String(i).padStart(12, '0')}`;
    const studyDay = new Date(at).toISOString().slice(0, 10);
    insertEvent.run(
      id,
      cardId(i % cardCount),
      ratings[i % 4] ?? 'good',
      at,
      studyDay,
      at + 5 * day,
      at,
    );
  }
  const insertState = db.prepare(
    `INSERT INTO card_state VALUES (?, ?, ?, ?, 5.2, 3, 10, 0, 10, 1, ?, '2025-01-01', ?)`,
  );
  for (let i = 0; i < cardCount; i++) {
    const phase = i % 50 === 0 ? 'learning' : 'review';
    const due = now + ((i % 60) - 5) * day; // ~8% overdue or due today
    const stability = 1 + (i % 90);
    // As FSRS schedules at 0.9 retention: due one stability after the last review.
    insertState.run(cardId(i), phase, due, stability, due - stability * day, `event-${i}`);
  }
  db.exec('COMMIT');
  db.close();
});

const cards: StudyCard[] = Array.from({ length: cardCount + 500 }, (_, i) => ({
  id: cardId(i),
  kind: 'fact-forward',
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

time(
  'Storage.open (quick_check, migrate, no replay)',
  () => {
    const storage = new Storage({
      dataDir: dir,
      notices: new NoticeBoard(() => new Date(now)),
      now: () => new Date(now),
    });
    const status = storage.open();
    if (status.state !== 'ready') throw new Error(status.reason);
    storage.close();
  },
  5,
);

const services = time('openAppServices (no daily backup)', () =>
  openAppServices({
    dataDir: dir,
    dataDirKind: 'test',
    transport: 'http',
    bundledPacksDir: '/nonexistent',
    appVersion: 'bench',
    now: () => new Date(now),
    dailyBackupDelayMs: null,
  }),
);
time('review.setCatalog (100k cards)', () => services.review.setCatalog(cards));
time('review.counts (first: loads introduced ids)', () => services.review.counts());
time('review.counts', () => services.review.counts(), 9);
time('review.next (queue build + preview)', () => services.review.next(), 9);
services.settings.update({ examDate: '2025-06-20' });
time('review.next, exam mode', () => services.review.next(), 9);
services.settings.update({ examDate: null });
time(
  'review.answer (one durable write)',
  () => {
    const next = services.review.next();
    if (!next.item) throw new Error('nothing due');
    return services.review.answer({
      cardId: next.item.card.id,
      rating: 'good',
      durationMs: 1,
      expectedVersion: next.item.stateVersion,
    });
  },
  9,
);
time('progress.summary', () => services.progress.summary(), 3);
time('progress.charts', () => services.progress.charts(), 3);
time('progress.mastery', () => services.progress.mastery(), 3);
time('backup (VACUUM INTO)', () => services.backups.create('manual'));
services.close();
console.log(`database: ${file}`);
