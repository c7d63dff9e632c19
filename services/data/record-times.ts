import { dayMs } from '../../shared/engine/scheduler.ts';
import { rolloverHour } from '../../shared/engine/study-day.ts';
import { idAfterRecordMs, timeOfUuidv7 } from '../storage/ids.ts';
import type { QuizAnswerRecord, QuizSessionRecord } from '../storage/quiz-rows.ts';
import type { ReportEvent } from '../storage/report-rows.ts';
import type { ReviewEvent } from '../storage/review-events.ts';
import type { SettingRecord } from '../storage/setting-rows.ts';
import type { StudySessionRecord } from '../storage/study-session-rows.ts';
import { reject } from './parse-document.ts';

/**
 * What the times of a record an import writes must agree with: our clock, its id and its study
 * day. The progress document records no time zone, so a study day is checked against every real
 * UTC offset (−12:00 to +14:00). Records already stored are not judged again: re-importing them
 * writes nothing, and an export made before the clock was set back must import again.
 */

/** Imported records may be this far ahead of our clock (another device's clock may run fast). */
export const clockSkewToleranceMs = 5 * 60_000;

/**
 * An id is made from the same clock as its record, as the record is written: it may come a moment
 * before the record's time (a report takes its id first), never more than this.
 */
export const idBeforeRecordMs = 60_000;

const hourMs = 3_600_000;
const westmostOffsetMs = -12 * hourMs;
const eastmostOffsetMs = 14 * hourMs;

/** The study days `at` falls on somewhere on Earth: the first and last, as YYYY-MM-DD. */
export function studyDaysOf(at: number): readonly [string, string] {
  const day = (offset: number) => utcDay(at + offset - rolloverHour * hourMs);
  return [day(westmostOffsetMs), day(eastmostOffsetMs)];
}

/** Why `studyDay` cannot be the study day of `at` in any time zone, or undefined when it can. */
export function studyDayMismatch(studyDay: string, at: number): string | undefined {
  const [first, last] = studyDaysOf(at);
  if (first <= studyDay && studyDay <= last) return undefined;
  return (
    `is filed under study day ${studyDay} but is dated ${new Date(at).toISOString()}, ` +
    `which is study day ${first === last ? first : `${first} to ${last}`} depending on the time zone`
  );
}

/** Why an id's embedded time cannot belong to a record made at `at`, or undefined when it can. */
export function idTimeMismatch(id: string, at: number): string | undefined {
  const idTime = timeOfUuidv7(id);
  if (idTime === undefined) return 'has no UUIDv7 time';
  if (idTime >= at - idBeforeRecordMs && idTime <= at + idAfterRecordMs) return undefined;
  const apart = Math.abs(idTime - at);
  const distance =
    apart >= 2 * dayMs ? `${Math.round(apart / dayMs)} days` : `${Math.round(apart / 60_000)} min`;
  return (
    `has an id made at ${new Date(idTime).toISOString()}, ${distance} ` +
    `${idTime < at ? 'before' : 'after'} its own time ${new Date(at).toISOString()} ` +
    `(ids may lie at most 1 min before and ${idAfterRecordMs / dayMs} days after it)`
  );
}

/** The records an import would write (those already stored identically are left out). */
export interface RecordsToWrite {
  readonly events: readonly ReviewEvent[];
  readonly quizSessions: readonly QuizSessionRecord[];
  /** Local sessions the import finishes. */
  readonly finishedSessions: readonly QuizSessionRecord[];
  readonly quizAnswers: readonly QuizAnswerRecord[];
  readonly studySessions: readonly StudySessionRecord[];
  readonly settings: readonly SettingRecord[];
  readonly reports: readonly ReportEvent[];
}

/** Throws `import-rejected` with the first record whose times cannot be right. */
export function checkRecordTimes(records: RecordsToWrite, now: number): void {
  const limit = now + clockSkewToleranceMs;
  const clock = `this device's clock reads ${new Date(now).toISOString()}`;
  const check = (what: string, id: string, at: number, ...later: (number | null)[]) => {
    const mismatch = idTimeMismatch(id, at);
    if (mismatch !== undefined) reject(`${what} ${id} ${mismatch}.`);
    // An id from the future would hold every later local id behind it.
    const idTime = timeOfUuidv7(id);
    if (idTime !== undefined && idTime > limit) {
      reject(`${what} ${id} has an id made at ${iso(idTime)}, in the future (${clock}).`);
    }
    for (const time of [at, ...later]) {
      if (time !== null && time > limit) {
        reject(`${what} ${id} is dated ${iso(time)}, in the future (${clock}).`);
      }
    }
  };
  const day = (what: string, id: string, studyDay: string, at: number) => {
    const mismatch = studyDayMismatch(studyDay, at);
    if (mismatch !== undefined) reject(`${what} ${id} ${mismatch}.`);
  };

  for (const event of records.events) {
    day('Event', event.id, event.studyDay, event.occurredAt);
    check('Event', event.id, event.occurredAt, event.recordedAt);
  }
  for (const session of [...records.quizSessions, ...records.finishedSessions]) {
    check('Quiz session', session.id, session.startedAt, session.finishedAt);
  }
  for (const answer of records.quizAnswers) {
    day('Quiz answer', answer.id, answer.studyDay, answer.answeredAt);
    check('Quiz answer', answer.id, answer.answeredAt);
  }
  for (const session of records.studySessions) {
    check('Study session', session.id, session.startedAt, session.lastActivityAt);
  }
  for (const report of records.reports) check('Report', report.id, report.occurredAt);
  for (const setting of records.settings) {
    if (setting.updatedAt > limit) {
      reject(
        `Setting ${setting.key} is dated ${iso(setting.updatedAt)}, in the future (${clock}).`,
      );
    }
  }
}

const iso = (at: number) => new Date(at).toISOString();

/**
 * Days already written out, by day number: a merge asks twice per event (for the westmost and the
 * eastmost zone), and its events come in time order, so a few days serve a whole batch.
 */
const utcDays = new Map<number, string>();

function utcDay(at: number): string {
  const day = Math.floor(at / dayMs);
  const known = utcDays.get(day);
  if (known !== undefined) return known;
  const date = new Date(at);
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  const text = `${y}-${m}-${d}`;
  if (utcDays.size >= 64) utcDays.clear();
  utcDays.set(day, text);
  return text;
}
