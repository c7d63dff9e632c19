import type { ProgressCharts, TopicMastery } from '../../../../../shared/contract/progress.ts';
import { daysBetween, weekStart } from '../../../../../shared/engine/study-day.ts';

/**
 * The Progress charts' data, shaped for Observable Plot and for the tables under each chart.
 * Pure: days are `YYYY-MM-DD` study days; dates for Plot are UTC midnights of those days, so a
 * day never shifts with the time zone.
 */

export function dayDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

const shortDay = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const longDay = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthName = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });

/** "3 Mar" */
export function formatDay(day: string): string {
  return shortDay.format(dayDate(day));
}

/** "Mon, 3 Mar 2025" */
export function formatLongDay(day: string): string {
  return longDay.format(dayDate(day));
}

export function percent(value: number): string {
  return `${Math.round(value * 100)} %`;
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

// --- Calendar heatmap -------------------------------------------------------------------------

/** Activity levels of a day: the heatmap's colour steps, each with words for the legend. */
export const activitySteps = [
  { min: 0, label: 'None' },
  { min: 1, label: '1–9' },
  { min: 10, label: '10–29' },
  { min: 30, label: '30–59' },
  { min: 60, label: '60 or more' },
] as const;

export function activityStep(total: number): number {
  let step = 0;
  activitySteps.forEach((entry, index) => {
    if (total >= entry.min) step = index;
  });
  return step;
}

export interface HeatmapCell {
  readonly day: string;
  /** Weeks since the first column's Monday. */
  readonly week: number;
  /** 0 = Monday … 6 = Sunday. */
  readonly weekday: number;
  readonly reviews: number;
  readonly quizAnswers: number;
  readonly total: number;
  readonly step: number;
}

export function heatmapCells(activity: ProgressCharts['activity']): HeatmapCell[] {
  const first = activity[0];
  if (!first) return [];
  const origin = weekStart(first.day);
  return activity.map((entry) => {
    const offset = daysBetween(origin, entry.day);
    const total = entry.reviews + entry.quizAnswers;
    return {
      day: entry.day,
      week: Math.floor(offset / 7),
      weekday: offset % 7,
      reviews: entry.reviews,
      quizAnswers: entry.quizAnswers,
      total,
      step: activityStep(total),
    };
  });
}

/**
 * The heatmap's x ticks: the column of each month's first day, labelled with the month; the first
 * column is labelled too when its month has room before the next label.
 */
export function monthTicks(cells: readonly HeatmapCell[]): Map<number, string> {
  const ticks = new Map<number, string>();
  for (const cell of cells) {
    if (cell.day.endsWith('-01')) ticks.set(cell.week, monthName.format(dayDate(cell.day)));
  }
  const first = cells[0];
  const firstTick = Math.min(...ticks.keys());
  if (first && firstTick - first.week >= 3) {
    ticks.set(first.week, monthName.format(dayDate(first.day)));
  }
  return new Map([...ticks].sort(([a], [b]) => a - b));
}

export function activitySummary(activity: ProgressCharts['activity']): string {
  const active = activity.filter((entry) => entry.reviews + entry.quizAnswers > 0);
  if (active.length === 0) return `No study yet in the last ${activity.length} days.`;
  const reviews = active.reduce((sum, entry) => sum + entry.reviews, 0);
  const quiz = active.reduce((sum, entry) => sum + entry.quizAnswers, 0);
  const busiest = active.reduce((best, entry) =>
    entry.reviews + entry.quizAnswers > best.reviews + best.quizAnswers ? entry : best,
  );
  return (
    `Studied on ${plural(active.length, 'day')} of the last ${activity.length}: ` +
    `${plural(reviews, 'review')} and ${plural(quiz, 'quiz answer')}. Busiest day: ` +
    `${formatLongDay(busiest.day)} (${busiest.reviews + busiest.quizAnswers}).`
  );
}

// --- Reviews per day ----------------------------------------------------------------------------

export const ratingSeries = ['Again', 'Hard', 'Good', 'Easy'] as const;
export type RatingName = (typeof ratingSeries)[number];

export interface RatingBar {
  readonly day: string;
  readonly date: Date;
  readonly rating: RatingName;
  readonly count: number;
}

/** One row per day and button, Again at the bottom of each stack. */
export function ratingBars(days: ProgressCharts['reviewsPerDay']): RatingBar[] {
  return days.flatMap((entry) =>
    (
      [
        ['Again', entry.again],
        ['Hard', entry.hard],
        ['Good', entry.good],
        ['Easy', entry.easy],
      ] as const
    ).map(([rating, count]) => ({ day: entry.day, date: dayDate(entry.day), rating, count })),
  );
}

export function dayTotal(entry: ProgressCharts['reviewsPerDay'][number]): number {
  return entry.again + entry.hard + entry.good + entry.easy;
}

export function reviewsSummary(days: ProgressCharts['reviewsPerDay']): string {
  const total = days.reduce((sum, entry) => sum + dayTotal(entry), 0);
  if (total === 0) return `No flashcard reviews in the last ${days.length} days.`;
  const again = days.reduce((sum, entry) => sum + entry.again, 0);
  const newCards = days.reduce((sum, entry) => sum + entry.newCards, 0);
  return (
    `${plural(total, 'review')} in the last ${days.length} days, ${plural(newCards, 'new card')}; ` +
    `${percent(again / total)} answered Again.`
  );
}

// --- Retention, forecast, quizzes, mastery -----------------------------------------------------

export interface RetentionPoint {
  readonly weekStart: string;
  readonly date: Date;
  readonly retention: number;
  readonly reviews: number;
}

export function retentionPoints(weeks: ProgressCharts['retentionByWeek']): RetentionPoint[] {
  return weeks.flatMap((week) =>
    week.retention === null
      ? []
      : [
          {
            weekStart: week.weekStart,
            date: dayDate(week.weekStart),
            retention: week.retention,
            reviews: week.reviews,
          },
        ],
  );
}

export function retentionSummary(
  weeks: ProgressCharts['retentionByWeek'],
  target: number | undefined,
): string {
  const reviews = weeks.reduce((sum, week) => sum + week.reviews, 0);
  if (reviews === 0) {
    return `No reviews of learned cards in the last ${weeks.length} weeks.`;
  }
  const passed = weeks.reduce((sum, week) => sum + week.passed, 0);
  const goal = target === undefined ? '' : ` (your target: ${percent(target)})`;
  return `Over the last ${weeks.length} weeks you recalled ${percent(passed / reviews)} of ${plural(reviews, 'review')} of learned cards${goal}.`;
}

export function forecastSummary(days: ProgressCharts['dueForecast']): string {
  const total = days.reduce((sum, day) => sum + day.due, 0);
  if (total === 0) return `Nothing is due in the next ${days.length} days.`;
  const today = days[0]?.due ?? 0;
  const busiest = days.reduce((best, day) => (day.due > best.due ? day : best));
  return (
    `${plural(total, 'card')} come due in the next ${days.length} days, ${today} of them today. ` +
    `Busiest day: ${formatLongDay(busiest.day)} (${busiest.due}).`
  );
}

export interface QuizPoint {
  readonly sessionId: string;
  readonly date: Date;
  readonly percent: number;
  readonly label: string;
  readonly mode: string;
}

export function quizPoints(scores: ProgressCharts['quizScores']): QuizPoint[] {
  return scores.map((score) => ({
    sessionId: score.sessionId,
    date: new Date(score.finishedAt),
    percent: Math.round(score.score * 100),
    label: `${score.correct}/${score.total}`,
    mode: score.mode,
  }));
}

export function quizSummary(scores: ProgressCharts['quizScores']): string {
  if (scores.length === 0) return 'No finished quizzes yet.';
  const last = scores[scores.length - 1];
  const mean = scores.reduce((sum, score) => sum + score.score, 0) / scores.length;
  return (
    `${plural(scores.length, 'quiz', 'quizzes')} finished, averaging ${percent(mean)}` +
    (last ? `; the latest scored ${last.correct} of ${last.total}.` : '.')
  );
}

export interface MasteryBar {
  readonly topicId: string;
  readonly title: string;
  readonly percent: number;
  readonly label: string;
}

export function masteryBars(topics: readonly TopicMastery[]): MasteryBar[] {
  return topics.map((topic) => ({
    topicId: topic.topicId,
    title: topic.title,
    percent: Math.round(topic.mastery * 100),
    label: `${Math.round(topic.mastery * 100)} % · ${topic.seen}/${topic.cards} seen`,
  }));
}

export function masterySummary(topics: readonly TopicMastery[]): string {
  if (topics.length === 0) return 'No flashcards yet, so no mastery to show.';
  const seen = topics.filter((topic) => topic.seen > 0);
  if (seen.length === 0) return `None of the ${topics.length} topics started yet.`;
  const strongest = seen.reduce((best, topic) => (topic.mastery > best.mastery ? topic : best));
  const weakest = seen.reduce((worst, topic) => (topic.mastery < worst.mastery ? topic : worst));
  return (
    `${seen.length} of ${topics.length} topics started. Strongest: ${strongest.title} ` +
    `(${percent(strongest.mastery)}); weakest started: ${weakest.title} (${percent(weakest.mastery)}).`
  );
}

/** Whether the learner has done anything the charts could show. */
export function hasActivity(charts: ProgressCharts): boolean {
  return (
    charts.activity.some((entry) => entry.reviews + entry.quizAnswers > 0) ||
    charts.quizScores.length > 0
  );
}
