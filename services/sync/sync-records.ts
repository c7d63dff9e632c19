import type { z } from 'zod';
import { settingFields } from '../../shared/contract/settings.ts';
import type { Incoming } from '../data/parse-document.ts';
import { compareSettings, describeIssues, findBadText, same } from '../data/parse-document.ts';
import {
  documentEventSchema,
  documentQuizAnswerSchema,
  documentQuizSessionSchema,
  documentSettingSchema,
  documentStudySessionSchema,
  eventFromDocument,
  eventToDocument,
  quizAnswerFromDocument,
  quizAnswerToDocument,
  quizSessionFromDocument,
  quizSessionToDocument,
  settingFromDocument,
  settingToDocument,
  studySessionFromDocument,
  studySessionToDocument,
} from '../data/progress-document.ts';
import {
  documentReportSchema,
  reportFromDocument,
  reportToDocument,
} from '../data/report-merge.ts';
import { fastDocumentEvent } from '../data/event-fast-check.ts';
import { isSettingKey } from '../settings/settings-service.ts';
import type { QuizAnswerRecord, QuizSessionRecord } from '../storage/quiz-rows.ts';
import type { ReportEvent } from '../storage/report-rows.ts';
import type { ReviewEvent } from '../storage/review-events.ts';
import type { SettingRecord } from '../storage/setting-rows.ts';
import type { StudySessionRecord } from '../storage/study-session-rows.ts';

/**
 * The records a sync line carries: `{ "t": kind, "r": record }`, each record in the very shape of
 * the progress document (services/data/progress-document.ts), so a synced record is checked by
 * the same schemas as an imported one: it is untrusted input just the same.
 */

export type SyncRecord =
  | { readonly t: 'event'; readonly r: ReviewEvent }
  | { readonly t: 'quizSession'; readonly r: QuizSessionRecord }
  | { readonly t: 'quizAnswer'; readonly r: QuizAnswerRecord }
  | { readonly t: 'studySession'; readonly r: StudySessionRecord }
  | { readonly t: 'setting'; readonly r: SettingRecord }
  | { readonly t: 'report'; readonly r: ReportEvent };
export type SyncKind = SyncRecord['t'];

export function recordToLine(record: SyncRecord): { t: SyncKind; r: unknown } {
  switch (record.t) {
    case 'event':
      return { t: record.t, r: eventToDocument(record.r) };
    case 'quizSession':
      return { t: record.t, r: quizSessionToDocument(record.r) };
    case 'quizAnswer':
      return { t: record.t, r: quizAnswerToDocument(record.r) };
    case 'studySession':
      return { t: record.t, r: studySessionToDocument(record.r) };
    case 'setting':
      return { t: record.t, r: settingToDocument(record.r) };
    case 'report':
      return { t: record.t, r: reportToDocument(record.r) };
  }
}

export type ParsedRecord =
  | { readonly ok: true; readonly record: SyncRecord }
  | { readonly ok: false; readonly reason: string };

/** Checks one decoded line of `deviceId`'s file; records another device made are refused. */
export function parseSyncRecord(value: unknown, deviceId: string): ParsedRecord {
  if (typeof value !== 'object' || value === null || !('t' in value) || !('r' in value)) {
    return { ok: false, reason: 'it is not a sync record ({ "t": kind, "r": record })' };
  }
  // Nearly every line is an event: checked by hand first (its text too), by the schemas when
  // the hand check is unsure, so every refusal keeps the schemas' own message.
  const fast = value.t === 'event' ? fastDocumentEvent(value.r) : undefined;
  const parsed: ParsedRecord = fast
    ? { ok: true, record: { t: 'event', r: fast } }
    : parseChecked(value.t, value.r);
  if (!parsed.ok) return parsed;
  const owner = 'deviceId' in parsed.record.r ? parsed.record.r.deviceId : deviceId;
  if (owner !== deviceId) {
    return { ok: false, reason: `it holds a record of device ${owner}, not of this file's device` };
  }
  return parsed;
}

function parseChecked(kind: unknown, record: unknown): ParsedRecord {
  const badText = findBadText(record);
  if (badText) return { ok: false, reason: `it has invalid text: ${badText}` };
  return parseByKind(kind, record);
}

function parseByKind(kind: unknown, record: unknown): ParsedRecord {
  switch (kind) {
    case 'event':
      return checked(documentEventSchema, record, (r) => ({ t: kind, r: eventFromDocument(r) }));
    case 'quizSession':
      return checked(documentQuizSessionSchema, record, (r) => ({
        t: kind,
        r: quizSessionFromDocument(r),
      }));
    case 'quizAnswer':
      return checked(documentQuizAnswerSchema, record, (r) => ({
        t: kind,
        r: quizAnswerFromDocument(r),
      }));
    case 'studySession':
      return checked(documentStudySessionSchema, record, (r) => ({
        t: kind,
        r: studySessionFromDocument(r),
      }));
    case 'setting':
      return checkedSetting(record);
    case 'report':
      return checked(documentReportSchema, record, (r) => ({ t: kind, r: reportFromDocument(r) }));
    default:
      return { ok: false, reason: `its kind ${JSON.stringify(kind).slice(0, 40)} is unknown` };
  }
}

function checked<S extends z.ZodType>(
  schema: S,
  record: unknown,
  toRecord: (parsed: z.infer<S>) => SyncRecord,
): ParsedRecord {
  const parsed = schema.safeParse(record);
  if (!parsed.success) {
    return { ok: false, reason: `it has invalid fields: ${describeIssues(parsed.error)}` };
  }
  return { ok: true, record: toRecord(parsed.data) };
}

function checkedSetting(record: unknown): ParsedRecord {
  const parsed = checked(documentSettingSchema, record, (r) => ({
    t: 'setting',
    r: settingFromDocument(r),
  }));
  if (!parsed.ok || parsed.record.t !== 'setting') return parsed;
  const { key, value } = parsed.record.r;
  if (!isSettingKey(key)) return { ok: false, reason: `it holds an unknown setting "${key}"` };
  const check = settingFields[key].safeParse(JSON.parse(value));
  if (!check.success) {
    return {
      ok: false,
      reason: `setting ${key} has an invalid value: ${describeIssues(check.error)}`,
    };
  }
  return parsed;
}

/**
 * Gathers records into the shape the import's merge plans from. A quiz session appears again once
 * finished and a study session each time it grows: the furthest version wins. Append-only records
 * appear once; two different ones with one id are a conflict, reported with `conflict`.
 */
export class IncomingBuilder {
  readonly #events = new Map<string, ReviewEvent>();
  readonly #quizSessions = new Map<string, QuizSessionRecord>();
  readonly #quizAnswers = new Map<string, QuizAnswerRecord>();
  readonly #studySessions = new Map<string, StudySessionRecord>();
  readonly #settings = new Map<string, SettingRecord>();
  readonly #reports = new Map<string, ReportEvent>();
  size = 0;

  /** Adds a record; answers why it conflicts with one already added, if it does. */
  add(record: SyncRecord): string | undefined {
    this.size += 1;
    switch (record.t) {
      case 'event':
        return addOnce(this.#events, record.r, 'event');
      case 'quizAnswer':
        return addOnce(this.#quizAnswers, record.r, 'quiz answer');
      case 'report':
        return addOnce(this.#reports, record.r, 'report');
      case 'quizSession': {
        const seen = this.#quizSessions.get(record.r.id);
        if (!seen || (seen.finishedAt === null && record.r.finishedAt !== null)) {
          this.#quizSessions.set(record.r.id, record.r);
        }
        return undefined;
      }
      case 'studySession': {
        const seen = this.#studySessions.get(record.r.id);
        if (!seen || record.r.lastActivityAt > seen.lastActivityAt) {
          this.#studySessions.set(record.r.id, record.r);
        }
        return undefined;
      }
      case 'setting': {
        const seen = this.#settings.get(record.r.key);
        if (!seen || compareSettings(record.r, seen) > 0)
          this.#settings.set(record.r.key, record.r);
        return undefined;
      }
    }
  }

  build(): Incoming {
    return {
      events: [...this.#events.values()],
      quizSessions: [...this.#quizSessions.values()],
      quizAnswers: [...this.#quizAnswers.values()],
      studySessions: [...this.#studySessions.values()],
      settings: [...this.#settings.values()],
      reports: [...this.#reports.values()],
    };
  }
}

function addOnce<T extends { readonly id: string }>(
  records: Map<string, T>,
  record: T,
  what: string,
): string | undefined {
  const seen = records.get(record.id);
  if (seen && !same(seen, record)) return `two different ${what}s have the id ${record.id}`;
  records.set(record.id, record);
  return undefined;
}
