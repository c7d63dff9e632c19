import { describe, expect, it } from 'vitest';
import type { Rating } from '../../shared/engine/scheduler.ts';
import { dayMs } from '../../shared/engine/scheduler.ts';
import { addDays, studyDayOf } from '../../shared/engine/study-day.ts';
import { factId, syntheticCards, syntheticPack } from '../support/synthetic-cards.ts';
import { openTestServices } from '../support/test-services.ts';

type Services = ReturnType<typeof openTestServices>;

function studyAll(services: Services, rating: Rating = 'good', max = 200): number {
  let answered = 0;
  for (; answered < max; answered++) {
    const next = services.review.next();
    if (!next.item) break;
    services.review.answer({
      cardId: next.item.card.id,
      rating,
      durationMs: 1000,
      expectedVersion: next.item.stateVersion,
    });
    services.clock.advance(2000);
  }
  return answered;
}

describe('progress summary (Home)', () => {
  it('starts with new cards to learn, no streak, every topic at zero', () => {
    const services = openTestServices({ cards: syntheticCards(9), pack: syntheticPack() });
    const summary = services.progress.summary();
    expect(summary.today).toMatchObject({ new: 9, learning: 0, review: 0, unseen: 9 });
    expect(summary.streak).toEqual({ current: 0, studiedToday: false });
    expect(summary.exam).toBeNull();
    expect(summary.nextSteps).toEqual([{ kind: 'new-cards', count: 9 }]);
    expect(summary.totals).toEqual({ cards: 9, seen: 0, reviews: 0 });
    expect(summary.masteryByTopic.map((t) => [t.topicId, t.title, t.mastery, t.cards])).toEqual([
      ['topic-a', 'Title of topic-a', 0, 3],
      ['topic-b', 'Title of topic-b', 0, 3],
      ['topic-c', 'Title of topic-c', 0, 3],
    ]);
    services.close();
  });

  it('counts a streak of consecutive study days, kept alive until the end of today', () => {
    const services = openTestServices({ cards: syntheticCards(40) });
    services.settings.update({ newCardsPerDay: 3 });
    for (let day = 0; day < 3; day++) {
      studyAll(services);
      services.clock.advance(dayMs);
    }
    // Day 4 has begun without study: yesterday still counts.
    expect(services.progress.summary().streak).toEqual({ current: 3, studiedToday: false });
    studyAll(services);
    expect(services.progress.summary().streak).toEqual({ current: 4, studiedToday: true });
    services.clock.advance(2 * dayMs);
    expect(services.progress.summary().streak).toEqual({ current: 0, studiedToday: false });
    // A quiz answer is study too.
    const session = services.quizRecords.startQuizSession({ mode: 'practice', config: {} });
    services.quizRecords.recordQuizAnswer({
      sessionId: session.sessionId,
      itemId: 'i',
      kind: 'mcq',
      factIds: [],
      topic: 'topic-a',
      correct: true,
      response: 1,
      durationMs: 1,
    });
    expect(services.progress.summary().streak).toEqual({ current: 1, studiedToday: true });
    services.close();
  });

  it('says what to study next: due work first, then weak topics; caught up shows when more is due', () => {
    // One fact per card: no card is a sibling of another, so all six can be studied today.
    const services = openTestServices({
      cards: syntheticCards(6, { facts: 6 }),
      pack: syntheticPack(),
    });
    studyAll(services, 'again', 6);
    // A day later the failed cards' predicted recall has dropped: their topics are weak.
    services.clock.advance(dayMs);
    const steps = services.progress.summary().nextSteps;
    expect(steps[0]).toMatchObject({ kind: 'learning-due' });
    expect(steps.some((s) => s.kind === 'weak-topic')).toBe(true);
    studyAll(services, 'easy');
    services.clock.advance(25 * 60_000);
    studyAll(services, 'easy');
    const caughtUp = services.progress.summary().nextSteps[0];
    expect(caughtUp?.kind).toBe('caught-up');
    if (caughtUp?.kind === 'caught-up')
      expect(Date.parse(caughtUp.nextDueAt ?? '')).toBeGreaterThan(services.clock.ms());
    services.close();
  });

  it('shows the exam countdown, pace and forecast', () => {
    const services = openTestServices({ cards: syntheticCards(30) });
    const today = studyDayOf(services.clock.ms());
    services.settings.update({ examDate: addDays(today, 10), newCardsPerDay: 1 });
    studyAll(services, 'good');
    const exam = services.progress.summary().exam;
    expect(exam).toMatchObject({ date: addDays(today, 10), daysLeft: 10, pace: 3 });
    expect(exam?.forecast.cards).toBe(30);
    expect(exam?.forecast.unseen).toBe(27);
    expect(exam?.forecast.ifYouKeepUp).toBeGreaterThan(exam?.forecast.ifYouStopNow ?? 1);
    services.close();
  });
});

describe('progress charts', () => {
  it('reports activity, answers per day, true retention, due forecast and quiz scores', () => {
    const services = openTestServices({
      cards: syntheticCards(12, { facts: 12 }),
      pack: syntheticPack(),
    });
    services.settings.update({ newCardsPerDay: 12 });
    studyAll(services, 'good');
    services.clock.advance(20 * 60_000);
    studyAll(services, 'good');
    services.clock.advance(4 * dayMs);
    const reviewed = studyAll(services, 'again', 3) + studyAll(services, 'good', 5);
    const session = services.quizRecords.startQuizSession({ mode: 'exam', config: {} });
    services.quizRecords.recordQuizAnswer({
      sessionId: session.sessionId,
      itemId: 'i',
      kind: 'mcq',
      factIds: [factId(0)],
      topic: 'topic-a',
      correct: true,
      response: 1,
      durationMs: 1,
    });
    services.quizRecords.finishQuizSession({ sessionId: session.sessionId });

    const charts = services.progress.charts();
    const today = studyDayOf(services.clock.ms());
    expect(charts.activity).toHaveLength(365);
    expect(charts.activity.at(-1)).toMatchObject({ day: today, quizAnswers: 1 });
    expect(charts.activity.at(-1)?.reviews).toBeGreaterThanOrEqual(reviewed);
    expect(charts.reviewsPerDay).toHaveLength(30);
    const first = charts.reviewsPerDay.find((d) => d.newCards > 0);
    expect(first?.newCards).toBe(12);
    const last = charts.reviewsPerDay.at(-1);
    expect(last?.again).toBeGreaterThanOrEqual(3);
    expect(charts.retentionByWeek).toHaveLength(12);
    const measured = charts.retentionByWeek.filter((w) => w.reviews > 0);
    expect(measured.length).toBeGreaterThan(0);
    for (const week of measured) expect(week.retention).toBeCloseTo(week.passed / week.reviews, 10);
    expect(charts.dueForecast).toHaveLength(30);
    expect(charts.dueForecast[0]?.day).toBe(today);
    expect(charts.dueForecast.reduce((sum, d) => sum + d.due, 0)).toBe(12);
    expect(charts.quizScores).toEqual([
      expect.objectContaining({
        sessionId: session.sessionId,
        correct: 1,
        total: 1,
        score: 1,
        mode: 'exam',
      }),
    ]);
    expect(charts.masteryByTopic).toHaveLength(3);
    services.close();
  });
});

describe('concept mastery', () => {
  it('gives a value per fact, entity, topic and pathway node', () => {
    const services = openTestServices({
      cards: syntheticCards(6, { facts: 3 }),
      pack: syntheticPack(),
    });
    // Two cards share each fact: a card's siblings wait until the next day.
    studyAll(services, 'easy');
    services.clock.advance(dayMs);
    studyAll(services, 'easy');
    const mastery = services.progress.mastery();
    expect(mastery.facts.map((f) => f.id)).toEqual(['F001', 'F002', 'F003']);
    for (const fact of mastery.facts) {
      expect(fact.mastery).toBeGreaterThan(0.9);
      expect(fact.seen).toBe(fact.cards);
    }
    expect(mastery.entities.length).toBeGreaterThan(0);
    expect(mastery.nodes.map((n) => [n.nodeId, n.facts])).toEqual([
      ['a', 1],
      ['b', 3],
      ['c', 2],
      ['d', 0],
    ]);
    expect(mastery.nodes.find((n) => n.nodeId === 'd')?.mastery).toBeNull();
    expect(services.progress.mastery({ pathwayId: 'D9' }).nodes).toEqual([]);
    services.close();
  });
});
