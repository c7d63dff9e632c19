import { useEffect, useId, useRef, useState } from 'react';
import {
  crossedThreshold,
  formatCountdown,
  remainingMs,
  spokenDuration,
  thresholdAnnouncement,
} from '../model/countdown.ts';

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * The exam's time left. The clock itself is silent (a timer is not a live region); five minutes
 * and one minute before the end a polite message says so, and at zero the quiz finishes.
 */
export function Countdown({
  deadline,
  onTimeUp,
}: {
  readonly deadline: string;
  readonly onTimeUp: () => void;
}) {
  const now = useNow(500);
  const remaining = remainingMs(deadline, now);
  const labelId = useId();
  const previous = useRef(remaining);
  const ended = useRef(false);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const crossed = crossedThreshold(previous.current, remaining);
    previous.current = remaining;
    if (crossed !== undefined) setAnnouncement(thresholdAnnouncement(crossed));
    if (remaining <= 0 && !ended.current) {
      ended.current = true;
      onTimeUp();
    }
  }, [remaining, onTimeUp]);

  const low = remaining <= 60_000;
  return (
    <div className={`qz-timer${low ? ' qz-timer-low' : ''}`}>
      <span id={labelId} className="qz-timer-label">
        Time left
      </span>
      <span
        role="timer"
        aria-labelledby={labelId}
        aria-describedby={`${labelId}-spoken`}
        className="qz-timer-value"
      >
        {formatCountdown(remaining)}
      </span>
      <span id={`${labelId}-spoken`} className="visually-hidden">
        {spokenDuration(remaining)}
      </span>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </div>
  );
}
