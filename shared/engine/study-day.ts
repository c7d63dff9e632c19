/**
 * Study days, in the learner's local time: a day starts at 04:00, so a late-night session counts
 * toward the evening it began in (Anki's rollover). Days are `YYYY-MM-DD` strings.
 */

export const rolloverHour = 4;

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isStudyDay(value: string): boolean {
  const match = dayPattern.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(y, m - 1, d);
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d;
}

/** The study day a moment belongs to. */
export function studyDayOf(at: number): string {
  const date = new Date(at);
  if (date.getHours() < rolloverHour) date.setDate(date.getDate() - 1);
  return formatDay(date);
}

/** When a study day begins (its 04:00, local time). */
export function studyDayStart(day: string): number {
  const [y, m, d] = parseDay(day);
  return new Date(y, m - 1, d, rolloverHour).getTime();
}

/** When the study day holding `at` ends, i.e. the next one begins. */
export function studyDayEnd(at: number): number {
  return studyDayStart(addDays(studyDayOf(at), 1));
}

export function addDays(day: string, count: number): string {
  const [y, m, d] = parseDay(day);
  return formatDay(new Date(y, m - 1, d + count));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parseDay(from);
  const [y2, m2, d2] = parseDay(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** The Monday starting the week that holds `day`. */
export function weekStart(day: string): string {
  const [y, m, d] = parseDay(day);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

function parseDay(day: string): [number, number, number] {
  const match = dayPattern.exec(day);
  if (!match) throw new Error(`"${day}" is not a day (YYYY-MM-DD).`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function formatDay(date: Date): string {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
