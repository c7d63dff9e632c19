import { noMarks } from '../../shared/engine/card-actions.ts';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Catalog } from '../../services/review/catalog.ts';
import {
  countExamReviews,
  nextExamReview,
  type ExamDay,
} from '../../services/review/exam-reviews.ts';
import {
  cardStateSql,
  fromDbCardState,
  putCardState,
  type CardStateRecord,
} from '../../services/storage/card-states.ts';
import type { Storage } from '../../services/storage/storage.ts';
import { examPlan, nextReview } from '../../shared/engine/queue.ts';
import {
  dayMs,
  elapsedPerStabilityAt,
  phases,
  retrievability,
} from '../../shared/engine/scheduler.ts';
import { addDays, studyDayEnd, studyDayOf } from '../../shared/engine/study-day.ts';
import { syntheticCards } from '../support/synthetic-cards.ts';
import { openTestServices } from '../support/test-services.ts';

/**
 * The exam-mode queue as it was built before the covering index (migration v4), kept as the
 * oracle: every candidate read as a full card state, filtered by the catalog, then `nextReview`.
 */
function materialisedExamReviews(
  storage: Storage,
  catalog: Catalog,
  day: ExamDay,
): { count: number; next: CardStateRecord | undefined } {
  const columns = `card_id, phase, due, stability, difficulty, elapsed_days, scheduled_days,
    learning_steps, reps, lapses, last_review, introduced_day, last_event_id, suspended,
    buried_day, flag`;
  const db = storage.db();
  const due = db
    .prepare(
      `SELECT ${columns} FROM card_state
        WHERE phase = 'review' AND due < ? ORDER BY due, card_id`,
    )
    .all(day.dayEnd)
    .map(fromDbCardState);
  const atRisk =
    day.exam.examAt <= day.dayEnd
      ? []
      : db
          .prepare(
            `SELECT ${columns} FROM card_state
              WHERE phase = 'review' AND due >= :due_from
                AND (:exam_at - last_review) > stability * :per_stability_ms`,
          )
          .all({
            due_from: day.exam.examAt,
            exam_at: day.exam.examAt,
            per_stability_ms: elapsedPerStabilityAt(day.desiredRetention) * dayMs,
          })
          .map(fromDbCardState);
  const candidates = [...due, ...atRisk].filter((record) => catalog.has(record.cardId));
  return { count: candidates.length, next: nextReview(candidates, day.exam) };
}

const services = openTestServices();
afterAll(() => services.close());
const now = services.clock.ms();
const today = studyDayOf(now);
const cards = syntheticCards(40);

function examDay(daysAhead: number, desiredRetention: number): ExamDay {
  const exam = examPlan(addDays(today, daysAhead), today);
  if (!exam) throw new Error('the exam is in the past');
  return { dayEnd: studyDayEnd(now), exam, desiredRetention };
}

interface Row {
  readonly card: number;
  readonly phase: (typeof phases)[number];
  readonly due: number;
  readonly stability: number;
  readonly lastReview: number | null;
}

function record(row: Row): CardStateRecord {
  return {
    cardId: cards[row.card]?.id ?? `not-a-card:${row.card}`,
    state: {
      phase: row.phase,
      due: row.due,
      stability: row.stability,
      difficulty: 5,
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 3,
      lapses: 0,
      lastReview: row.lastReview,
    },
    introducedDay: row.phase === 'new' ? null : '2025-01-01',
    lastEventId: `event-${row.card}`,
    marks: noMarks,
  };
}

function store(rows: readonly Row[]): void {
  services.storage.statement(cardStateSql.deleteAll).run();
  for (const row of rows) putCardState(services.storage, record(row));
  services.storage.markBulkChange();
}

/** A few fixed times as well as any, so that equal due dates and equal recalls are common. */
const around = (fixedDays: readonly number[], minDays: number, maxDays: number) =>
  fc
    .oneof(
      { arbitrary: fc.constantFrom(...fixedDays).map((days) => days * dayMs), weight: 3 },
      { arbitrary: fc.integer({ min: minDays * dayMs, max: maxDays * dayMs }), weight: 1 },
    )
    .map((offset) => now + offset);
const rowArbitrary = fc.record({
  // Ids past the catalog stand for stored states of cards no longer generated.
  card: fc.integer({ min: 0, max: cards.length + 9 }),
  phase: fc.oneof(
    { arbitrary: fc.constant('review' as const), weight: 6 },
    { arbitrary: fc.constantFrom(...phases), weight: 1 },
  ),
  due: around([-5, -1, 0, 3, 20, 50], -60, 60),
  // From ts-fsrs's least stability up. Near-equal stabilities give near-equal risks, whose recall
  // ties after rounding: the case where the riskiest card is not always the one shown.
  stability: fc.oneof(
    {
      arbitrary: fc
        .tuple(fc.constantFrom(0.001, 0.5, 3.1, 10, 250, 36_500), fc.integer({ min: -4, max: 4 }))
        .map(([stability, nudge]) => Math.max(0.001, stability * (1 + nudge * 1e-9))),
      weight: 3,
    },
    { arbitrary: fc.double({ min: 0.001, max: 36_500, noNaN: true }), weight: 1 },
  ),
  // Rarely none (recall 0); 2 h ago is after the exam's start when the exam is today.
  lastReview: fc.option(around([-40, -12, -3, -2 / 24], -400, 1), { freq: 80 }),
});
const tableArbitrary = fc.uniqueArray(rowArbitrary, {
  maxLength: 45,
  selector: (row) => row.card,
});
const dayArbitrary = fc
  .tuple(
    fc.integer({ min: 0, max: 45 }),
    fc.oneof(
      fc.constantFrom(0.7, 0.9, 0.97, 0.99),
      fc.double({ min: 0.7, max: 0.99, noNaN: true }),
    ),
  )
  .map(([ahead, retention]) => examDay(ahead, retention));

describe('exam-mode review queue (covering index, top by risk)', () => {
  it('counts and picks exactly what materialising every candidate did', () => {
    const catalog = new Catalog(cards);
    fc.assert(
      fc.property(tableArbitrary, dayArbitrary, (rows, day) => {
        store(rows);
        const expected = materialisedExamReviews(services.storage, catalog, day);
        expect(countExamReviews(services.storage, catalog, day)).toBe(expected.count);
        expect(nextExamReview(services.storage, catalog, day)).toEqual(expected.next);
      }),
      { numRuns: 400 },
    );
  });

  it('breaks ties in rounded recall by due date, not by the raw risk order', () => {
    const catalog = new Catalog(cards);
    const day = examDay(10, 0.99);
    const lastReview = now - 40 * dayMs;
    const riskier: Row = { card: 0, phase: 'review', due: now - dayMs, stability: 3.1, lastReview };
    // A hair more stable (less risk), due earlier: the same recall after rounding, so it wins.
    const earlier: Row = { ...riskier, card: 1, due: now - 2 * dayMs, stability: 3.1 + 1e-9 };
    store([riskier, earlier]);
    const [a, b] = [riskier, earlier].map((row) =>
      retrievability(record(row).state, day.exam.examAt),
    );
    expect(a).toBe(b);
    expect(nextExamReview(services.storage, catalog, day)?.cardId).toBe(cards[1]?.id);
    expect(materialisedExamReviews(services.storage, catalog, day).next?.cardId).toBe(cards[1]?.id);
  });

  it('skips the riskiest cards when they are not in the catalog', () => {
    const day = examDay(5, 0.9);
    const base = { phase: 'review', due: now - dayMs, lastReview: now - 30 * dayMs } as const;
    store([
      { ...base, card: 0, stability: 1 },
      { ...base, card: 1, stability: 2 },
      { ...base, card: 2, stability: 50 },
    ]);
    const catalog = new Catalog(cards.slice(1));
    expect(nextExamReview(services.storage, catalog, day)?.cardId).toBe(cards[1]?.id);
    expect(countExamReviews(services.storage, catalog, day)).toBe(2);
    expect(nextExamReview(services.storage, new Catalog([]), day)).toBeUndefined();
  });
});

describe('review service in exam mode', () => {
  it('shows the next review and counts due reviews as the materialised queue did', () => {
    const catalog = new Catalog(cards.slice(0, 30));
    services.review.setCatalog(catalog.cards);
    services.settings.update({ reviewsPerDay: 99_999 });
    // Nothing in learning (it would come first), and no review after now (ts-fsrs refuses it).
    const reviewOnly = fc.uniqueArray(
      rowArbitrary.map((row): Row => ({
        ...row,
        phase: row.phase === 'review' ? row.phase : 'new',
        lastReview: row.lastReview === null ? null : Math.min(row.lastReview, now),
      })),
      { maxLength: 45, selector: (row) => row.card },
    );
    fc.assert(
      fc.property(reviewOnly, dayArbitrary, (rows, day) => {
        store(rows);
        services.settings.update({
          examDate: day.exam.examDay,
          desiredRetention: day.desiredRetention,
        });
        const expected = materialisedExamReviews(services.storage, catalog, day);
        const next = services.review.next();
        expect(next.counts.dueReviews).toBe(expected.count);
        expect(next.counts.review).toBe(expected.count);
        const shown = next.item?.queue === 'review' ? next.item.card.id : undefined;
        expect(shown).toBe(expected.next?.cardId);
      }),
      { numRuns: 120 },
    );
  });
});
