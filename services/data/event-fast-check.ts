import { flagColours, type FlagColour } from '../../shared/engine/card-actions.ts';
import { phases, ratings, type Phase, type Rating } from '../../shared/engine/scheduler.ts';
import { isStudyDay } from '../../shared/engine/study-day.ts';
import { isUuidv7 } from '../storage/ids.ts';
import { eventKinds, eventSources, type ReviewEvent } from '../storage/review-events.ts';
import { textProblem } from './parse-document.ts';
import { packIdPattern } from '../../shared/pack/schema-ids.ts';
import { legacyPackId } from '../storage/pack-scope.ts';

/**
 * A fast path for the one record a merge meets a million times: an event of the progress
 * document (`documentEventSchema`, progress-document.ts), checked by hand. It answers only "yes,
 * and here is the event" or "not sure": whatever it does not take is handed to the zod schema,
 * which stays the one definition of the format and the one source of every error message. It
 * takes a subset of what the schema takes (times only in the exact form the app writes), and
 * test/unit/event-fast-check.test.ts holds it to that on random and malformed input: every
 * record it takes, the schema takes and reads as the very same event, and `findBadText` finds no
 * text in it that SQLite would not store as given (its other strings are ids, times, days and
 * names from a list, which hold neither a NUL nor a lone surrogate).
 */

const keys = new Set([
  'id',
  'deviceId',
  'cardId',
  'kind',
  'source',
  'rating',
  'undoes',
  'quizAnswerId',
  'studySessionId',
  'occurredAt',
  'studyDay',
  'durationMs',
  'desiredRetention',
  'fuzz',
  'phaseBefore',
  'phaseAfter',
  'dueAfter',
  'stabilityAfter',
  'difficultyAfter',
  'recordedAt',
  'flag',
  'packId',
]);
/**
 * Every key but `flag`, which files made before card actions existed lack, and `packId`, which
 * records of the legacy pack leave out (progress-document.ts).
 */
const optionalKeys = new Set(['flag', 'packId']);
const requiredKeys = keys.size - optionalKeys.size;

const maxDurationMs = 86_400_000;
/** The only time form taken here: what `Date.prototype.toISOString` writes for years 0–9999. */
const canonicalTime = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

type Fields = Readonly<Record<string, unknown>>;

/** The event a document record holds, when it is certainly valid; undefined means "ask zod". */
export function fastDocumentEvent(value: unknown): ReviewEvent | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  if (Object.getPrototypeOf(value) !== Object.prototype || !hasOnlyKnownKeys(value)) {
    return undefined;
  }
  const r = value as Fields;
  const kind = oneOf(r.kind, eventKinds);
  const source = oneOf(r.source, eventSources);
  const rating = r.rating === null ? null : oneOf<Rating>(r.rating, ratings);
  const flag =
    r.flag === undefined || r.flag === null ? null : oneOf<FlagColour>(r.flag, flagColours);
  const phaseBefore = oneOf<Phase>(r.phaseBefore, phases);
  const phaseAfter = oneOf<Phase>(r.phaseAfter, phases);
  const undoes = optionalUuid(r.undoes);
  const quizAnswerId = optionalUuid(r.quizAnswerId);
  const studySessionId = optionalUuid(r.studySessionId);
  const occurredAt = time(r.occurredAt);
  const dueAfter = time(r.dueAfter);
  const recordedAt = time(r.recordedAt);
  if (
    kind === undefined ||
    source === undefined ||
    rating === undefined ||
    flag === undefined ||
    phaseBefore === undefined ||
    phaseAfter === undefined ||
    undoes === undefined ||
    quizAnswerId === undefined ||
    studySessionId === undefined ||
    occurredAt === undefined ||
    dueAfter === undefined ||
    recordedAt === undefined
  ) {
    return undefined;
  }
  const { id, deviceId, cardId, studyDay, durationMs, desiredRetention, fuzz, packId } = r;
  const pack = packId === undefined ? legacyPackId : packId;
  if (typeof pack !== 'string' || pack.length > 100 || !packIdPattern.test(pack)) {
    return undefined;
  }
  const { stabilityAfter, difficultyAfter } = r;
  if (
    !isUuid(id) ||
    !isText(deviceId, 64) ||
    !isText(cardId, 200) ||
    typeof studyDay !== 'string' ||
    studyDay.length > 10 ||
    !isStudyDay(studyDay) ||
    !Number.isInteger(durationMs) ||
    (durationMs as number) < 0 ||
    (durationMs as number) > maxDurationMs ||
    !isNumberIn(desiredRetention, 0.5, 0.999) ||
    typeof fuzz !== 'boolean' ||
    !isNumberIn(stabilityAfter, 0, Number.POSITIVE_INFINITY) ||
    !isNumberIn(difficultyAfter, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY)
  ) {
    return undefined;
  }
  // The schema's cross-field rules, in the same words as its refinements.
  if ((kind === 'rating' || kind === 'cram') !== (rating !== null)) return undefined;
  if ((kind === 'undo') !== (undoes !== null)) return undefined;
  if ((kind === 'flag') !== (flag !== null)) return undefined;
  if (
    kind === 'cram' &&
    (source !== 'review' || quizAnswerId !== null || phaseBefore !== phaseAfter)
  ) {
    return undefined;
  }
  return {
    id,
    deviceId,
    packId: pack,
    cardId,
    kind,
    source,
    rating,
    undoes,
    quizAnswerId,
    studySessionId,
    occurredAt,
    studyDay,
    durationMs: durationMs as number,
    desiredRetention: desiredRetention,
    fuzz,
    phaseBefore,
    phaseAfter,
    dueAfter,
    stabilityAfter: stabilityAfter,
    difficultyAfter: difficultyAfter,
    recordedAt,
    flag,
  };
}

function hasOnlyKnownKeys(value: object): boolean {
  let required = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key) || !keys.has(key)) return false;
    if (!optionalKeys.has(key)) required += 1;
  }
  return required === requiredKeys && Object.getOwnPropertySymbols(value).length === 0;
}

function oneOf<T extends string>(value: unknown, options: readonly T[]): T | undefined {
  return (options as readonly unknown[]).includes(value) ? (value as T) : undefined;
}

/** Free text the schema bounds, holding nothing `findBadText` would refuse. */
function isText(value: unknown, max: number): value is string {
  return (
    typeof value === 'string' &&
    value.length >= 1 &&
    value.length <= max &&
    textProblem(value) === undefined
  );
}

function isUuid(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 36 && isUuidv7(value);
}

/** A UUIDv7 or null; undefined when it is neither. */
function optionalUuid(value: unknown): string | null | undefined {
  if (value === null) return null;
  return isUuid(value) ? value : undefined;
}

function isNumberIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

/** Epoch milliseconds of a time written as the app writes one; undefined for any other form. */
function time(value: unknown): number | undefined {
  if (typeof value !== 'string' || !canonicalTime.test(value)) return undefined;
  // A calendar date and a clock time in range, checked from the digits: cheaper than writing the
  // parsed time back out to compare (a third of the whole check, three times an event).
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (digits(value, 11, 2) > 23 || digits(value, 14, 2) > 59 || digits(value, 17, 2) > 59) {
    return undefined;
  }
  // Date.UTC reads years 0–99 as 1900–1999; Date.parse reads them as written.
  const ms =
    year < 100
      ? Date.parse(value)
      : Date.UTC(
          year,
          month - 1,
          day,
          digits(value, 11, 2),
          digits(value, 14, 2),
          digits(value, 17, 2),
          digits(value, 20, 3),
        );
  return Number.isFinite(ms) ? ms : undefined;
}

function digits(text: string, from: number, count: number): number {
  let number = 0;
  for (let at = from; at < from + count; at += 1) number = number * 10 + text.charCodeAt(at) - 48;
  return number;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
