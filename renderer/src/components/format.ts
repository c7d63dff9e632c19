/** Plain-text formatting shared by screens: pure functions, so they are unit-tested alone. */

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
export const dayMs = 24 * hourMs;
const monthDays = 365.25 / 12;
const yearDays = 365.25;
/** A non-breaking space: "10 min" and "80 %" never wrap between number and unit. */
const nbsp = '\u00a0';

function oneDecimal(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/**
 * How long until a card comes back, as an answer button shows it: "<1 min", "10 min", "3 h",
 * "3 d", "1.2 mo", "1.5 y". Whole units up to days; months and years keep one decimal, because
 * "1 mo" and "2 mo" are too coarse to tell two buttons apart.
 */
export function humaniseInterval(ms: number): string {
  if (!Number.isFinite(ms) || ms < minuteMs) return `<1${nbsp}min`;
  if (ms < hourMs) return `${Math.round(ms / minuteMs)}${nbsp}min`;
  if (ms < dayMs) {
    const hours = Math.round(ms / hourMs);
    return hours >= 24 ? `1${nbsp}d` : `${hours}${nbsp}h`;
  }
  const days = ms / dayMs;
  if (days < monthDays) {
    return `${Math.round(days)}${nbsp}d`;
  }
  if (days < yearDays) return `${oneDecimal(days / monthDays)}${nbsp}mo`;
  return `${oneDecimal(days / yearDays)}${nbsp}y`;
}

/** The same interval spelled out for screen readers and sentences: "10 minutes", "1.2 months". */
export function intervalInWords(ms: number): string {
  const short = humaniseInterval(ms);
  const [number = '', unit = ''] = short.split(nbsp);
  if (number === '<1') return 'less than a minute';
  const plural = number !== '1';
  const words: Record<string, string> = {
    min: plural ? 'minutes' : 'minute',
    h: plural ? 'hours' : 'hour',
    d: plural ? 'days' : 'day',
    mo: plural ? 'months' : 'month',
    y: plural ? 'years' : 'year',
  };
  return `${number} ${words[unit] ?? unit}`;
}

/** A share from 0 to 1 as a whole percentage: "80 %". */
export function percent(share: number): string {
  const value = Number.isFinite(share) ? Math.round(Math.max(0, Math.min(1, share)) * 100) : 0;
  return `${value}${nbsp}%`;
}

/** A share from 0 to 1 as a CSS width for a bar: "42%". */
export function barWidth(share: number): string {
  const value = Number.isFinite(share) ? Math.max(0, Math.min(1, share)) * 100 : 0;
  return `${Math.round(value * 10) / 10}%`;
}

/** Time spent, e.g. "45 s", "4 min 12 s", "1 h 5 min". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}${nbsp}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    const rest = seconds % 60;
    return rest === 0 ? `${minutes}${nbsp}min` : `${minutes}${nbsp}min ${rest}${nbsp}s`;
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours}${nbsp}h` : `${hours}${nbsp}h ${rest}${nbsp}min`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function sameLocalDay(a: Date, b: Date): boolean {
  return (
    a.getFullYear() === b.getFullYear() &&
    a.getMonth() === b.getMonth() &&
    a.getDate() === b.getDate()
  );
}

/**
 * When something is due, relative to now, in the learner's locale: "in 8 minutes", "today at
 * 14:30", "tomorrow at 09:10", "on Monday 3 March at 09:10".
 */
export function formatDueAt(iso: string, now: Date = new Date(), locale?: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return 'at an unknown time';
  const ms = at.getTime() - now.getTime();
  if (ms <= 0) return 'now';
  if (ms < hourMs) return `in ${intervalInWords(ms)}`;
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(at);
  if (sameLocalDay(at, now)) return `today at ${time}`;
  const tomorrow = new Date(now);
  tomorrow.setDate(now.getDate() + 1);
  if (sameLocalDay(at, tomorrow)) return `tomorrow at ${time}`;
  const day = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(at.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  }).format(at);
  return `on ${day} at ${time}`;
}

const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A calendar day (`YYYY-MM-DD`) in words: "Monday 3 March 2025". In English like the rest of the
 * interface, and without Intl: Home shows it at start, where a first DateTimeFormat costs
 * milliseconds of locale loading.
 */
export function formatStudyDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  const date = new Date(y, m - 1, d, 12);
  return `${weekdays[date.getDay()] ?? ''} ${d} ${months[m - 1] ?? ''} ${y}`;
}

/** A moment with date and time, for lists such as backups: "3 Mar 2025, 14:30". */
export function formatDateTime(iso: string, locale?: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes}${nbsp}B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)}${nbsp}KB`;
  return `${oneDecimal(bytes / 1024 / 1024)}${nbsp}MB`;
}
