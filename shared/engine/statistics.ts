import { addDays, daysBetween } from './study-day.ts';

/** Small pure helpers for the Home and Progress figures. */

export interface Streak {
  /** Consecutive study days with activity, ending today, or yesterday when today has none yet. */
  readonly current: number;
  readonly studiedToday: boolean;
}

/** `activeDays` newest first, without duplicates; stops reading at the first gap. */
export function studyStreak(activeDays: Iterable<string>, today: string): Streak {
  let current = 0;
  let expected: string | undefined;
  let studiedToday = false;
  for (const day of activeDays) {
    if (expected === undefined) {
      const gap = daysBetween(day, today);
      if (gap > 1) break;
      if (gap < 0) continue; // a day after today (a clock moved back): ignore it
      studiedToday = gap === 0;
      current = 1;
      expected = addDays(day, -1);
      continue;
    }
    if (day === expected) {
      current += 1;
      expected = addDays(day, -1);
    } else if (day < expected) {
      break;
    }
  }
  return { current, studiedToday };
}

/** Every day from `from` to `to` inclusive, with `valueOf` or `empty` for days without data. */
export function eachDay<T>(
  from: string,
  to: string,
  valueOf: (day: string) => T | undefined,
  empty: (day: string) => T,
): T[] {
  const result: T[] = [];
  const count = daysBetween(from, to);
  for (let offset = 0; offset <= count; offset++) {
    const day = addDays(from, offset);
    result.push(valueOf(day) ?? empty(day));
  }
  return result;
}

/** Share of successful recalls, or null when there was nothing to measure. */
export function ratio(passed: number, total: number): number | null {
  return total === 0 ? null : passed / total;
}
