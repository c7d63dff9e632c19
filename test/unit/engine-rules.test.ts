import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeMastery } from '../../shared/engine/mastery.ts';
import {
  examForecast,
  examPlan,
  examRiskFloor,
  newCardAllowance,
  nextReview,
  orderReviews,
  reviewAllowance,
} from '../../shared/engine/queue.ts';
import {
  maxFactsBlamedForWrongAnswer,
  quizInformedRatings,
} from '../../shared/engine/quiz-schedule.ts';
import { replayCard, type ReplayEvent } from '../../shared/engine/replay.ts';
import {
  applyRating,
  dayMs,
  newCardState,
  retrievability,
  undoRating,
  type MemoryState,
  type Rating,
} from '../../shared/engine/scheduler.ts';
import { studyStreak } from '../../shared/engine/statistics.ts';
import {
  addDays,
  daysBetween,
  isStudyDay,
  studyDayEnd,
  studyDayOf,
  studyDayStart,
  weekStart,
} from '../../shared/engine/study-day.ts';
import { factId, syntheticCards } from '../support/synthetic-cards.ts';

const config = { desiredRetention: 0.9, fuzz: false };
const t0 = new Date(2025, 2, 3, 9, 0, 0).getTime();

let counter = 0;
function rating(rating: Rating, at: number): ReplayEvent {
  counter += 1;
  return {
    id: `id-${String(counter).padStart(6, '0')}`,
    kind: 'rating',
    rating,
    undoes: null,
    occurredAt: at,
    studyDay: studyDayOf(at),
    desiredRetention: 0.9,
    fuzz: false,
  };
}
function undo(target: ReplayEvent, at: number): ReplayEvent {
  counter += 1;
  return {
    ...target,
    id: `id-${String(counter).padStart(6, '0')}`,
    kind: 'undo',
    rating: null,
    undoes: target.id,
    occurredAt: at,
  };
}

function reviewed(days: number): MemoryState {
  let state = newCardState(t0);
  let at = t0;
  while (at < t0 + days * dayMs) {
    state = applyRating(state, at, 'good', config).state;
    at = state.due;
  }
  return state;
}

describe('study days', () => {
  it('start at 04:00 local time', () => {
    expect(studyDayOf(new Date(2025, 2, 3, 3, 59).getTime())).toBe('2025-03-02');
    expect(studyDayOf(new Date(2025, 2, 3, 4, 0).getTime())).toBe('2025-03-03');
    expect(studyDayStart('2025-03-03')).toBe(new Date(2025, 2, 3, 4).getTime());
    expect(studyDayEnd(new Date(2025, 2, 3, 23, 0).getTime())).toBe(
      new Date(2025, 2, 4, 4).getTime(),
    );
  });

  it('count, add and validate days', () => {
    expect(addDays('2025-02-27', 2)).toBe('2025-03-01');
    expect(daysBetween('2025-03-01', '2025-02-27')).toBe(-2);
    expect(daysBetween('2024-12-31', '2025-12-31')).toBe(365);
    expect(weekStart('2025-03-09')).toBe('2025-03-03');
    expect(isStudyDay('2025-02-29')).toBe(false);
    expect(isStudyDay('2024-02-29')).toBe(true);
    expect(isStudyDay('2024-2-9')).toBe(false);
  });

  it('streak counts consecutive active days ending today or yesterday', () => {
    expect(
      studyStreak(['2025-03-03', '2025-03-02', '2025-03-01', '2025-02-27'], '2025-03-03'),
    ).toEqual({ current: 3, studiedToday: true });
    expect(studyStreak(['2025-03-02', '2025-03-01'], '2025-03-03')).toEqual({
      current: 2,
      studiedToday: false,
    });
    expect(studyStreak(['2025-03-01'], '2025-03-03')).toEqual({ current: 0, studiedToday: false });
    expect(studyStreak([], '2025-03-03')).toEqual({ current: 0, studiedToday: false });
  });
});

describe('replayCard (the fold that defines card state)', () => {
  it('applies ratings in time order whatever the input order', () => {
    const a = rating('good', t0);
    const b = rating('good', t0 + 10 * 60_000);
    const c = rating('hard', t0 + 3 * dayMs);
    const forward = replayCard([a, b, c]);
    expect(replayCard([c, a, b])).toEqual(forward);
    let state = newCardState(t0);
    for (const e of [a, b, c])
      state = applyRating(state, e.occurredAt, e.rating ?? 'good', config).state;
    expect(forward?.state).toEqual(state);
    expect(forward?.lastEventId).toBe(c.id);
    expect(forward?.introducedDay).toBe(studyDayOf(t0));
  });

  it('an undo of the latest rating rolls it back (due = the undo time of the rating)', () => {
    const a = rating('good', t0);
    const b = rating('again', t0 + 10 * 60_000);
    const u = undo(b, t0 + 11 * 60_000);
    const replayed = replayCard([a, b, u]);
    const afterA = applyRating(newCardState(t0), t0, 'good', config);
    const afterB = applyRating(afterA.state, b.occurredAt, 'again', config);
    expect(replayed?.state).toEqual(undoRating(afterB.state, afterB.log));
    expect(replayed?.lastEventId).toBe(u.id);
  });

  it('undoing the first rating makes the card new again (not introduced)', () => {
    const a = rating('good', t0);
    const replayed = replayCard([a, undo(a, t0 + 1000)]);
    expect(replayed?.state.phase).toBe('new');
    expect(replayed?.introducedDay).toBeNull();
  });

  it('an undo of an older rating (merged logs) drops it and refolds the rest', () => {
    const a = rating('good', t0);
    const b = rating('again', t0 + dayMs);
    const c = rating('good', t0 + 2 * dayMs);
    const u = undo(b, t0 + 3 * dayMs);
    expect(replayCard([a, b, c, u])?.state).toEqual(replayCard([a, c])?.state);
  });

  it('ignores an undo whose target is unknown', () => {
    const a = rating('good', t0);
    const stray = { ...undo(a, t0 + 1000), undoes: 'missing' };
    expect(replayCard([a, stray])?.state).toEqual(replayCard([a])?.state);
  });
});

describe('quiz → schedule rule', () => {
  const introduced = reviewed(10);
  const notDue = { ...introduced, due: t0 + 100 * dayMs };
  const due = { ...introduced, due: t0 - 1 };
  const candidates = [
    { cardId: 'new', factIds: ['F001'], state: undefined, lapsedToday: false },
    { cardId: 'fresh-new', factIds: ['F001'], state: newCardState(t0), lapsedToday: false },
    { cardId: 'due', factIds: ['F001'], state: due, lapsedToday: false },
    { cardId: 'not-due', factIds: ['F001', 'F009'], state: notDue, lapsedToday: false },
    { cardId: 'lapsed', factIds: ['F001'], state: due, lapsedToday: true },
    { cardId: 'other-fact', factIds: ['F002'], state: due, lapsedToday: false },
  ];

  it('a wrong answer is a lapse on introduced cards of the fact, once a day, never on new cards', () => {
    expect(
      quizInformedRatings({ factIds: ['F001'], correct: false, answeredAt: t0 }, candidates),
    ).toEqual([
      { cardId: 'due', rating: 'again' },
      { cardId: 'not-due', rating: 'again' },
    ]);
  });

  it('a right answer is Good only on due cards', () => {
    expect(
      quizInformedRatings({ factIds: ['F001'], correct: true, answeredAt: t0 }, candidates),
    ).toEqual([
      { cardId: 'due', rating: 'good' },
      { cardId: 'lapsed', rating: 'good' },
    ]);
  });

  it('a wrong answer spanning many facts blames none', () => {
    const many = Array.from({ length: maxFactsBlamedForWrongAnswer + 1 }, (_, i) => factId(i));
    expect(
      quizInformedRatings({ factIds: many, correct: false, answeredAt: t0 }, candidates),
    ).toEqual([]);
    // F001…F004 include F002, so the due card of F002 is credited too.
    expect(
      quizInformedRatings({ factIds: many, correct: true, answeredAt: t0 }, candidates),
    ).toEqual([
      { cardId: 'due', rating: 'good' },
      { cardId: 'lapsed', rating: 'good' },
      { cardId: 'other-fact', rating: 'good' },
    ]);
  });

  it('an item testing no fact changes nothing', () => {
    expect(
      quizInformedRatings({ factIds: [], correct: false, answeredAt: t0 }, candidates),
    ).toEqual([]);
  });
});

describe('daily queue rules', () => {
  const limits = { newPerDay: 10, reviewsPerDay: 50 };

  it('new cards: the daily limit, less those introduced today, capped by what is unseen', () => {
    expect(newCardAllowance({ limits, introducedToday: 4, unseen: 100, exam: null })).toEqual({
      allowance: 6,
      target: 10,
      examPace: null,
    });
    expect(
      newCardAllowance({ limits, introducedToday: 12, unseen: 100, exam: null }).allowance,
    ).toBe(0);
    expect(newCardAllowance({ limits, introducedToday: 0, unseen: 3, exam: null }).allowance).toBe(
      3,
    );
    expect(reviewAllowance(limits, 45)).toBe(5);
    expect(reviewAllowance(limits, 60)).toBe(0);
  });

  it('exam mode paces new cards so every card is introduced before the exam day', () => {
    const exam = examPlan('2025-03-08', '2025-03-03');
    expect(exam?.studyDaysLeft).toBe(5);
    // 100 unseen + 0 today over 5 days: 20 a day, above the limit of 10.
    const pace = newCardAllowance({ limits, introducedToday: 0, unseen: 100, exam });
    expect(pace).toEqual({ allowance: 20, target: 20, examPace: 20 });
    // Simulate the days: everything is introduced before the exam.
    let unseen = 100;
    for (let day = 0; day < 5; day++) {
      const today = addDays('2025-03-03', day);
      const allowance = newCardAllowance({
        limits,
        introducedToday: 0,
        unseen,
        exam: examPlan('2025-03-08', today),
      }).allowance;
      unseen -= allowance;
    }
    expect(unseen).toBe(0);
    // The limit still applies when it is the higher of the two.
    expect(newCardAllowance({ limits, introducedToday: 0, unseen: 20, exam }).allowance).toBe(10);
    // Passed exams switch exam mode off.
    expect(examPlan('2025-03-01', '2025-03-03')).toBeNull();
    expect(examPlan(null, '2025-03-03')).toBeNull();
  });

  it('orders reviews by due date, or by predicted recall on exam day in exam mode', () => {
    const weak = { ...reviewed(3), due: t0 + 2 * dayMs };
    const strong = { ...reviewed(60), due: t0 + dayMs };
    const cards = [
      { cardId: 'strong', state: strong },
      { cardId: 'weak', state: weak },
    ];
    expect(orderReviews(cards, null).map((c) => c.cardId)).toEqual(['strong', 'weak']);
    const exam = examPlan(addDays(studyDayOf(t0), 30), studyDayOf(t0));
    expect(exam).not.toBeNull();
    if (!exam) return;
    expect(retrievability(weak, exam.examAt)).toBeLessThan(retrievability(strong, exam.examAt));
    expect(orderReviews(cards, exam).map((c) => c.cardId)).toEqual(['weak', 'strong']);
    expect(nextReview(cards, exam)?.cardId).toBe('weak');
    expect(nextReview(cards, null)?.cardId).toBe('strong');
    expect(nextReview<(typeof cards)[number]>([], exam)).toBeUndefined();
  });

  it('exam risk floor: reviews below it recall strictly better; the review that set it is not below', () => {
    const examAt = t0 + 30 * dayMs;
    // Elapsed ms per unit of stability, as SQL computes it (card-states `examReviewsByRisk`).
    const risk = (lastReview: number, stability: number) =>
      Math.max(0, examAt - lastReview) / stability;
    const review = fc.record({
      lastReview: fc.integer({ min: examAt - 4000 * dayMs, max: examAt + dayMs }),
      stability: fc.oneof(
        fc.double({ min: 0.001, max: 36_500, noNaN: true }),
        fc.integer({ min: -5, max: 5 }).map((nudge) => 3.1 * (1 + nudge * 1e-10)),
      ),
    });
    const recall = (r: { lastReview: number; stability: number }) =>
      retrievability({ phase: 'review', ...r }, examAt);
    fc.assert(
      fc.property(review, review, (a, b) => {
        const floor = examRiskFloor(recall(a));
        expect(risk(a.lastReview, a.stability)).toBeGreaterThanOrEqual(floor);
        if (risk(b.lastReview, b.stability) < floor) expect(recall(b)).toBeGreaterThan(recall(a));
      }),
      { numRuns: 2000 },
    );
  });

  it('forecasts exam-day recall: keeping up beats stopping; unseen cards count as 0 when stopping', () => {
    const today = studyDayOf(t0);
    const exam = examPlan(addDays(today, 20), today);
    if (!exam) throw new Error('no exam plan');
    const cards = [
      { state: reviewed(30) },
      { state: reviewed(5) },
      { state: undefined },
      { state: undefined },
    ];
    const forecast = examForecast({ cards, now: t0, today, exam, pace: 1, config });
    expect(forecast.cards).toBe(4);
    expect(forecast.unseen).toBe(2);
    expect(forecast.sampled).toBe(4);
    expect(forecast.ifYouStopNow).toBeLessThan(0.5);
    expect(forecast.ifYouKeepUp).toBeGreaterThan(forecast.ifYouStopNow);
    expect(forecast.ifYouKeepUp).toBeGreaterThan(0.85);
  });
});

describe('concept mastery', () => {
  it('averages recall over the cards testing each fact, entity, topic; unseen counts 0', () => {
    const cards = syntheticCards(6, { facts: 3 });
    const states = new Map([[cards[0]?.id ?? '', reviewed(20)]]);
    const index = computeMastery(cards, (id) => states.get(id), t0 + 20 * dayMs);
    const f1 = index.facts.get('F001');
    // Cards 0 and 3 test F001; cards 2 and 5 test F003 and F001.
    expect(f1?.cards).toBe(4);
    expect(f1?.seen).toBe(1);
    const recall = retrievability(reviewed(20), t0 + 20 * dayMs);
    expect(f1?.mastery).toBeCloseTo(recall / 4, 10);
    expect(index.facts.get('F002')?.mastery).toBe(0);
    expect(index.topics.get('topic-a')?.cards).toBe(2);
    expect(index.entities.get('entity-0')?.cards).toBe(2);
  });
});
