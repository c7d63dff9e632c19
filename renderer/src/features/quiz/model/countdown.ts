/** Milliseconds left until an ISO deadline, never below zero. */
export function remainingMs(deadline: string, now: number): number {
  const end = Date.parse(deadline);
  return Number.isNaN(end) ? 0 : Math.max(0, end - now);
}

/** "12:05", or "1:02:09" from an hour up; whole seconds rounded up, so 0:00 means time is up. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** "4 minutes 30 seconds", for the timer's accessible name (read on demand, never live). */
export function spokenDuration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const part = (n: number, unit: string) => (n === 1 ? `1 ${unit}` : `${n} ${unit}s`);
  const parts = [
    hours > 0 ? part(hours, 'hour') : '',
    minutes > 0 ? part(minutes, 'minute') : '',
    seconds > 0 || total === 0 ? part(seconds, 'second') : '',
  ];
  return parts.filter(Boolean).join(' ');
}

/** When the exam timer speaks up (politely): five minutes and one minute before the end. */
export const announceAtMs = [5 * 60_000, 60_000] as const;

/**
 * The threshold the time left has just fallen to or below, if any: each is announced once, when
 * the clock passes it, and never for a limit that started below it.
 */
export function crossedThreshold(
  previousMs: number,
  currentMs: number,
  thresholds: readonly number[] = announceAtMs,
): number | undefined {
  return thresholds.find((t) => previousMs > t && currentMs <= t);
}

export function thresholdAnnouncement(thresholdMs: number): string {
  return `${spokenDuration(thresholdMs)} left in this exam.`;
}
