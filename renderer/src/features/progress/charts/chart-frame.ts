import type * as PlotModule from '@observablehq/plot';
import { dayMs } from '../../../components/format.ts';

/** What every Progress chart shares: its size, its style, and ticks that leave room for their labels. */

export type Plot = typeof PlotModule;

export interface ChartSize {
  /** Available width in CSS pixels. */
  readonly width: number;
  /** Pixels per rem: the learner's text size. */
  readonly rem: number;
}

export type ChartSpec<T> = (plot: Plot, data: T, size: ChartSize) => SVGSVGElement | HTMLElement;

export function chartStyle(size: ChartSize): string {
  return [
    'background: transparent',
    'color: var(--text)',
    `font-size: ${(0.8 * size.rem).toFixed(1)}px`,
    'font-family: var(--font)',
    'overflow: visible',
  ].join('; ');
}

/**
 * Day labels a week apart (two or more weeks when the chart is narrow for the text size), counted
 * from `anchor` ('last': today is the last day; 'first': today is the first).
 */
export function dayTicks(
  days: readonly string[],
  size: ChartSize,
  anchor: 'first' | 'last',
): string[] {
  const band = size.width / Math.max(1, days.length);
  const weeks = Math.max(1, Math.ceil((4.5 * size.rem) / (7 * band)));
  const step = 7 * weeks;
  return days.filter((_, index) =>
    anchor === 'last' ? (days.length - 1 - index) % step === 0 : index % step === 0,
  );
}

export const dateTick = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });

/** The time span to draw: the points' own, widened to at least a day on each side. */
export function timeDomain(dates: readonly Date[]): [Date, Date] | undefined {
  if (dates.length === 0) return undefined;
  const times = dates.map((date) => date.getTime());
  const first = Math.min(...times);
  const last = Math.max(...times);
  const pad = last - first < 2 * dayMs ? dayMs : 0;
  return [new Date(first - pad), new Date(last + pad)];
}

/** Whole days, weeks or months, whichever leaves room for each label ("27 Nov" ≈ 4 rem). */
export function tickInterval(domain: [Date, Date] | undefined, size: ChartSize): string {
  if (!domain) return 'day';
  const days = (domain[1].getTime() - domain[0].getTime()) / dayMs;
  const fit = size.width / (5 * size.rem);
  if (days <= fit) return 'day';
  if (days / 7 <= fit) return 'week';
  return 'month';
}
