import { describe, expect, it } from 'vitest';
import type { ProgressCharts } from '../../shared/contract/progress.ts';
import { addDays } from '../../shared/engine/study-day.ts';
import {
  activityStep,
  activitySummary,
  dayTotal,
  forecastSummary,
  hasActivity,
  heatmapCells,
  masteryBars,
  masterySummary,
  monthTicks,
  quizPoints,
  quizSummary,
  ratingBars,
  retentionPoints,
  retentionSummary,
  reviewsSummary,
} from '../../renderer/src/features/progress/model/chart-data.ts';

function activity(from: string, days: number, active: Record<string, [number, number]> = {}) {
  return Array.from({ length: days }, (_, i) => {
    const day = addDays(from, i);
    const [reviews, quizAnswers] = active[day] ?? [0, 0];
    return { day, reviews, quizAnswers };
  });
}

const emptyCharts = (): ProgressCharts => ({
  activity: activity('2024-03-04', 365),
  reviewsPerDay: [],
  retentionByWeek: [],
  dueForecast: [],
  quizScores: [],
  masteryByTopic: [],
});

describe('calendar heatmap', () => {
  it('places each day in its week column and weekday row, Monday first', () => {
    // 2025-03-05 is a Wednesday: the first column starts on Monday 3 March.
    const cells = heatmapCells(activity('2025-03-05', 10, { '2025-03-10': [4, 2] }));
    expect(cells[0]).toMatchObject({ day: '2025-03-05', week: 0, weekday: 2, total: 0, step: 0 });
    expect(cells[5]).toMatchObject({ day: '2025-03-10', week: 1, weekday: 0, total: 6, step: 1 });
    expect(cells[9]).toMatchObject({ day: '2025-03-14', week: 1, weekday: 4 });
  });

  it('steps activity at 1, 10, 30 and 60', () => {
    expect([0, 1, 9, 10, 29, 30, 59, 60, 500].map(activityStep)).toEqual([
      0, 1, 1, 2, 2, 3, 3, 4, 4,
    ]);
  });

  it('labels each month at the column of its first day, and the first column when there is room', () => {
    const cells = heatmapCells(activity('2025-01-08', 60));
    const ticks = monthTicks(cells);
    expect([...ticks.values()]).toEqual(['Jan', 'Feb', 'Mar']);
    const feb = cells.find((c) => c.day === '2025-02-01');
    expect(ticks.get(feb?.week ?? -1)).toBe('Feb');
    // Starting two days before a month: no room for the first partial month's label.
    expect([...monthTicks(heatmapCells(activity('2025-01-30', 40))).values()]).toEqual([
      'Feb',
      'Mar',
    ]);
  });

  it('summarises the year in words', () => {
    expect(activitySummary(activity('2025-01-01', 365))).toBe('No study yet in the last 365 days.');
    expect(
      activitySummary(activity('2025-01-01', 30, { '2025-01-03': [10, 0], '2025-01-20': [3, 12] })),
    ).toBe(
      'Studied on 2 days of the last 30: 13 reviews and 12 quiz answers. Busiest day: Mon, 20 Jan 2025 (15).',
    );
  });
});

describe('reviews, retention, forecast, quizzes, mastery', () => {
  const busy = { day: '2025-03-01', again: 1, hard: 2, good: 3, easy: 4, newCards: 5 };
  const idle = { day: '2025-03-02', again: 0, hard: 0, good: 0, easy: 0, newCards: 0 };
  const days: ProgressCharts['reviewsPerDay'] = [busy, idle];

  it('stacks ratings Again first, one row per day and button', () => {
    const bars = ratingBars(days);
    expect(bars).toHaveLength(8);
    expect(bars.slice(0, 4).map((b) => [b.rating, b.count])).toEqual([
      ['Again', 1],
      ['Hard', 2],
      ['Good', 3],
      ['Easy', 4],
    ]);
    expect(bars[0]?.date.toISOString()).toBe('2025-03-01T00:00:00.000Z');
    expect(dayTotal(busy)).toBe(10);
    expect(reviewsSummary(days)).toBe(
      '10 reviews in the last 2 days, 5 new cards; 10 % answered Again.',
    );
    expect(reviewsSummary([idle])).toBe('No flashcard reviews in the last 1 days.');
  });

  it('plots retention only for weeks with reviews, and says the overall rate against the target', () => {
    const none = { weekStart: '2025-02-24', reviews: 0, passed: 0, retention: null };
    const weeks: ProgressCharts['retentionByWeek'] = [
      none,
      { weekStart: '2025-03-03', reviews: 20, passed: 18, retention: 0.9 },
      { weekStart: '2025-03-10', reviews: 10, passed: 6, retention: 0.6 },
    ];
    expect(retentionPoints(weeks).map((p) => [p.weekStart, p.retention])).toEqual([
      ['2025-03-03', 0.9],
      ['2025-03-10', 0.6],
    ]);
    expect(retentionSummary(weeks, 0.9)).toBe(
      'Over the last 3 weeks you recalled 80 % of 30 reviews of learned cards (your target: 90 %).',
    );
    expect(retentionSummary([none], 0.9)).toBe('No reviews of learned cards in the last 1 weeks.');
  });

  it('summarises the forecast with today and the busiest day', () => {
    expect(
      forecastSummary([
        { day: '2025-03-03', due: 4 },
        { day: '2025-03-04', due: 9 },
        { day: '2025-03-05', due: 0 },
      ]),
    ).toBe(
      '13 cards come due in the next 3 days, 4 of them today. Busiest day: Tue, 4 Mar 2025 (9).',
    );
    expect(forecastSummary([{ day: '2025-03-03', due: 0 }])).toBe(
      'Nothing is due in the next 1 days.',
    );
  });

  it('turns quiz sessions into points with their score label', () => {
    const scores: ProgressCharts['quizScores'] = [
      {
        sessionId: 'a',
        finishedAt: '2025-03-01T10:00:00.000Z',
        mode: 'practice',
        correct: 7,
        total: 10,
        score: 0.7,
      },
      {
        sessionId: 'b',
        finishedAt: '2025-03-02T10:00:00.000Z',
        mode: 'exam',
        correct: 9,
        total: 10,
        score: 0.9,
      },
    ];
    expect(quizPoints(scores).map((p) => [p.percent, p.label])).toEqual([
      [70, '7/10'],
      [90, '9/10'],
    ]);
    expect(quizSummary(scores)).toBe(
      '2 quizzes finished, averaging 80 %; the latest scored 9 of 10.',
    );
    expect(quizSummary([])).toBe('No finished quizzes yet.');
  });

  it('labels mastery bars with percent and cards seen, and names the strongest and weakest topics', () => {
    const topics = [
      { topicId: 'a', title: 'A', mastery: 0.42, cards: 10, seen: 4 },
      { topicId: 'b', title: 'B', mastery: 0.81, cards: 5, seen: 5 },
      { topicId: 'c', title: 'C', mastery: 0, cards: 3, seen: 0 },
    ];
    expect(masteryBars(topics).map((b) => b.label)).toEqual([
      '42 % · 4/10 seen',
      '81 % · 5/5 seen',
      '0 % · 0/3 seen',
    ]);
    expect(masterySummary(topics)).toBe(
      '2 of 3 topics started. Strongest: B (81 %); weakest started: A (42 %).',
    );
    expect(masterySummary([])).toBe('No flashcards yet, so no mastery to show.');
  });

  it('knows a new learner has nothing to chart', () => {
    const charts = emptyCharts();
    expect(hasActivity(charts)).toBe(false);
    expect(
      hasActivity({ ...charts, activity: activity('2025-01-01', 3, { '2025-01-02': [0, 1] }) }),
    ).toBe(true);
  });
});
