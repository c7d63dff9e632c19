import type { ProgressCharts } from '../../../../../shared/contract/progress.ts';
import {
  activitySteps,
  formatDay,
  formatLongDay,
  monthTicks,
  ratingSeries,
  type HeatmapCell,
  type MasteryBar,
  type QuizPoint,
  type RatingBar,
  type RetentionPoint,
} from '../model/chart-data.ts';
import {
  chartStyle,
  dateTick,
  dayTicks,
  tickInterval,
  timeDomain,
  type ChartSpec,
} from './chart-frame.ts';

/**
 * The Progress charts as Observable Plot specifications. Plot itself is passed in (it is loaded
 * lazily); colours are theme variables, so a chart follows light and dark without redrawing, and
 * sizes are in rem, so a chart grows with the learner's text size.
 */

export type { ChartSize, ChartSpec, Plot } from './chart-frame.ts';

export const ratingColours: Record<(typeof ratingSeries)[number], string> = {
  Again: 'var(--bad)',
  Hard: 'var(--warn)',
  Good: 'var(--good)',
  Easy: 'var(--accent)',
};

/** The heatmap's steps: a surface tint for none, then ever stronger mixes of the accent. */
export const stepColours: readonly string[] = activitySteps.map((_, step) =>
  step === 0
    ? 'var(--surface-2)'
    : `color-mix(in srgb, var(--accent) ${[0, 30, 55, 80, 100][step] ?? 100}%, var(--surface))`,
);

const weekdayLabels = ['Mon', '', 'Wed', '', 'Fri', '', 'Sun'];

export const heatmapChart: ChartSpec<readonly HeatmapCell[]> = (Plot, cells, size) => {
  const weeks = (cells[cells.length - 1]?.week ?? 0) + 1;
  const marginLeft = Math.round(2.6 * size.rem);
  const marginTop = Math.round(1.4 * size.rem);
  const cell = Math.max(7, Math.min(22, Math.floor((size.width - marginLeft - 4) / weeks)));
  const ticks = monthTicks(cells);
  return Plot.plot({
    width: marginLeft + cell * weeks + 4,
    height: marginTop + cell * 7 + 4,
    marginLeft,
    marginTop,
    marginRight: 4,
    marginBottom: 4,
    style: chartStyle(size),
    x: {
      type: 'band',
      domain: Array.from({ length: weeks }, (_, week) => week),
      axis: 'top',
      ticks: [...ticks.keys()],
      tickFormat: (week: number) => ticks.get(week) ?? '',
      tickSize: 0,
      padding: 0.12,
      label: null,
    },
    y: {
      type: 'band',
      domain: [0, 1, 2, 3, 4, 5, 6],
      tickFormat: (weekday: number) => weekdayLabels[weekday] ?? '',
      tickSize: 0,
      padding: 0.12,
      label: null,
    },
    marks: [
      Plot.cell(cells, {
        x: 'week',
        y: 'weekday',
        fill: (d: HeatmapCell) => stepColours[d.step],
        stroke: (d: HeatmapCell) => (d.step === 0 ? 'var(--border)' : 'none'),
        strokeWidth: 0.5,
        rx: 2,
        title: (d: HeatmapCell) =>
          `${formatLongDay(d.day)}: ${d.reviews} reviews, ${d.quizAnswers} quiz answers`,
      }),
    ],
  });
};

export interface ReviewsPerDayData {
  readonly bars: readonly RatingBar[];
  readonly days: ProgressCharts['reviewsPerDay'];
}

export const reviewsPerDayChart: ChartSpec<ReviewsPerDayData> = (Plot, { bars, days }, size) => {
  const domain = days.map((entry) => entry.day);
  return Plot.plot({
    width: size.width,
    height: Math.round(14 * size.rem),
    marginLeft: Math.round(3 * size.rem),
    marginRight: Math.round(1.6 * size.rem),
    marginBottom: Math.round(2 * size.rem),
    marginTop: Math.round(1.2 * size.rem),
    style: chartStyle(size),
    x: {
      type: 'band',
      domain,
      ticks: dayTicks(domain, size, 'last'),
      tickFormat: formatDay,
      label: null,
    },
    y: {
      grid: true,
      label: 'Reviews',
      labelArrow: 'none',
      nice: true,
      insetTop: Math.round(0.6 * size.rem),
    },
    color: { domain: [...ratingSeries], range: ratingSeries.map((r) => ratingColours[r]) },
    marks: [
      Plot.barY(bars, {
        x: 'day',
        y: 'count',
        fill: 'rating',
        order: [...ratingSeries],
        title: (d: RatingBar) => `${formatLongDay(d.day)}: ${d.count} ${d.rating}`,
      }),
      Plot.ruleY([0], { stroke: 'currentColor' }),
      Plot.dot(
        days.filter((entry) => entry.newCards > 0),
        {
          x: 'day',
          y: 'newCards',
          symbol: 'diamond',
          r: Math.max(3, 0.25 * size.rem),
          fill: 'var(--surface)',
          stroke: 'currentColor',
          title: (d: ProgressCharts['reviewsPerDay'][number]) =>
            `${formatLongDay(d.day)}: ${d.newCards} new cards`,
        },
      ),
    ],
  });
};

export interface RetentionData {
  readonly points: readonly RetentionPoint[];
  readonly weeks: ProgressCharts['retentionByWeek'];
  readonly target: number | undefined;
}

export const retentionChart: ChartSpec<RetentionData> = (Plot, { points, weeks, target }, size) => {
  const first = weeks[0]?.weekStart;
  const last = weeks[weeks.length - 1]?.weekStart;
  const domain =
    first && last ? [new Date(`${first}T00:00:00Z`), new Date(`${last}T00:00:00Z`)] : undefined;
  const targetPercent = target === undefined ? undefined : Math.round(target * 100);
  return Plot.plot({
    width: size.width,
    height: Math.round(13 * size.rem),
    marginLeft: Math.round(3 * size.rem),
    marginRight: Math.round(1.5 * size.rem),
    marginBottom: Math.round(2 * size.rem),
    marginTop: Math.round(1.4 * size.rem),
    style: chartStyle(size),
    x: {
      type: 'utc',
      domain,
      label: null,
      ticks: Math.max(2, Math.floor(size.width / (7 * size.rem))),
      tickFormat: (date: Date) => formatDay(date.toISOString().slice(0, 10)),
      inset: size.rem,
    },
    y: { domain: [0, 100], grid: true, label: 'Recalled (%)', labelArrow: 'none' },
    marks: [
      targetPercent === undefined
        ? null
        : Plot.ruleY([targetPercent], { stroke: 'var(--text-muted)', strokeDasharray: '5 4' }),
      targetPercent === undefined
        ? null
        : Plot.text([`target ${targetPercent} %`], {
            y: targetPercent,
            frameAnchor: 'left',
            textAnchor: 'start',
            dy: -0.6 * size.rem,
            dx: 4,
            fill: 'var(--text-muted)',
          }),
      Plot.lineY(points, {
        x: 'date',
        y: (d: RetentionPoint) => d.retention * 100,
        stroke: 'var(--accent)',
        strokeWidth: 2,
      }),
      Plot.dot(points, {
        x: 'date',
        y: (d: RetentionPoint) => d.retention * 100,
        fill: 'var(--accent)',
        r: Math.max(3, 0.25 * size.rem),
      }),
      Plot.text(points, {
        x: 'date',
        y: (d: RetentionPoint) => d.retention * 100,
        text: (d: RetentionPoint) => `${Math.round(d.retention * 100)}`,
        dy: -0.8 * size.rem,
        fill: 'currentColor',
      }),
    ],
  });
};

export const forecastChart: ChartSpec<ProgressCharts['dueForecast']> = (Plot, days, size) => {
  const domain = days.map((entry) => entry.day);
  const ticks = dayTicks(domain, size, 'first');
  return Plot.plot({
    width: size.width,
    height: Math.round(12 * size.rem),
    marginLeft: Math.round(3 * size.rem),
    marginRight: Math.round(1.6 * size.rem),
    marginBottom: Math.round(2 * size.rem),
    marginTop: Math.round(1.4 * size.rem),
    style: chartStyle(size),
    x: {
      type: 'band',
      domain,
      ticks,
      tickFormat: (day: string) => (day === domain[0] ? 'Today' : formatDay(day)),
      label: null,
    },
    y: {
      grid: true,
      label: 'Cards due',
      labelArrow: 'none',
      nice: true,
      domain: maxDomain(days),
      insetTop: Math.round(1.2 * size.rem),
    },
    marks: [
      Plot.barY(days, {
        x: 'day',
        y: 'due',
        fill: 'var(--accent)',
        title: (d: ProgressCharts['dueForecast'][number]) =>
          `${formatLongDay(d.day)}: ${d.due} due`,
      }),
      Plot.ruleY([0], { stroke: 'currentColor' }),
      Plot.text(
        days.filter((entry) => entry.due > 0),
        { x: 'day', y: 'due', text: 'due', dy: -0.6 * size.rem, fill: 'currentColor' },
      ),
    ],
  });
};

/** An all-zero series still gets a readable axis (0–5) instead of a collapsed one. */
function maxDomain(days: ProgressCharts['dueForecast']): [number, number] | undefined {
  return days.every((entry) => entry.due === 0) ? [0, 5] : undefined;
}

export const quizScoresChart: ChartSpec<readonly QuizPoint[]> = (Plot, points, size) => {
  const labelled = points.length <= 20;
  const domain = timeDomain(points.map((point) => point.date));
  return Plot.plot({
    width: size.width,
    height: Math.round(13 * size.rem),
    marginLeft: Math.round(3 * size.rem),
    marginRight: Math.round(1.5 * size.rem),
    marginBottom: Math.round(2 * size.rem),
    marginTop: Math.round(1.4 * size.rem),
    style: chartStyle(size),
    x: {
      type: 'time',
      domain,
      label: null,
      ticks: tickInterval(domain, size),
      tickFormat: (date: Date) => dateTick.format(date),
      inset: size.rem,
    },
    y: { domain: [0, 100], grid: true, label: 'Score (%)', labelArrow: 'none' },
    marks: [
      Plot.lineY(points, { x: 'date', y: 'percent', stroke: 'var(--accent)', strokeWidth: 2 }),
      Plot.dot(points, {
        x: 'date',
        y: 'percent',
        fill: 'var(--accent)',
        r: Math.max(3, 0.25 * size.rem),
        title: (d: QuizPoint) => `${d.date.toLocaleString()}: ${d.label} (${d.percent} %)`,
      }),
      labelled
        ? Plot.text(points, {
            x: 'date',
            y: 'percent',
            text: 'label',
            dy: -0.8 * size.rem,
            fill: 'currentColor',
          })
        : null,
    ],
  });
};

/**
 * Topic names sit above their bars, so long titles need no wide left margin at any text size; the
 * figures share the title's line, or get their own when the chart is narrow for the text size.
 */
export const masteryChart: ChartSpec<readonly MasteryBar[]> = (Plot, bars, size) => {
  const stacked = size.width / size.rem < 42;
  const row = Math.round((stacked ? 4.2 : 2.8) * size.rem);
  const line = 1.3 * size.rem;
  const barTop = stacked ? 2 * line + 0.2 * size.rem : row * 0.5;
  const titleDy = -row / 2 + line * 0.6;
  const ems = (px: number) => px / (0.8 * size.rem);
  return Plot.plot({
    width: size.width,
    height: row * bars.length + Math.round(2.2 * size.rem),
    marginLeft: Math.round(0.5 * size.rem),
    marginRight: Math.round(1.5 * size.rem),
    marginTop: 4,
    marginBottom: Math.round(2 * size.rem),
    style: chartStyle(size),
    x: { domain: [0, 100], grid: true, label: 'Mastery (%)', labelArrow: 'none' },
    y: { type: 'band', domain: bars.map((bar) => bar.topicId), axis: null, padding: 0 },
    marks: [
      Plot.barX(bars, {
        x1: 0,
        x2: 100,
        y: 'topicId',
        fill: 'var(--surface-2)',
        insetTop: barTop,
        insetBottom: row * 0.1,
      }),
      Plot.barX(bars, {
        x: 'percent',
        y: 'topicId',
        fill: 'var(--accent)',
        insetTop: barTop,
        insetBottom: row * 0.1,
      }),
      Plot.text(bars, {
        x: 0,
        y: 'topicId',
        text: 'title',
        textAnchor: 'start',
        dy: titleDy,
        fill: 'currentColor',
        fontWeight: 600,
        // The table under the chart has the full titles.
        // Bold text runs wider than Plot's estimate, hence the margin.
        lineWidth: ems(size.width * (stacked ? 0.8 : 0.6)),
        textOverflow: 'ellipsis-end',
      }),
      Plot.text(bars, {
        x: stacked ? 0 : 100,
        y: 'topicId',
        text: 'label',
        textAnchor: stacked ? 'start' : 'end',
        dy: stacked ? titleDy + line : titleDy,
        fill: 'currentColor',
      }),
    ],
  });
};
