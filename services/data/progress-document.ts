import { z } from 'zod';
import { flagColours } from '../../shared/engine/card-actions.ts';
import { phases, ratings } from '../../shared/engine/scheduler.ts';
import { isStudyDay } from '../../shared/engine/study-day.ts';
import type { QuizAnswerRecord, QuizSessionRecord } from '../storage/quiz-rows.ts';
import type { ReviewEvent } from '../storage/review-events.ts';
import { eventKinds, eventSources } from '../storage/review-events.ts';
import type { SettingRecord } from '../storage/setting-rows.ts';
import type { StudySessionRecord } from '../storage/study-session-rows.ts';
import { packIdSchema } from '../../shared/pack/schema-ids.ts';
import { isUuidv7 } from '../storage/ids.ts';
import { legacyPackId, packOf } from '../storage/pack-scope.ts';
import { documentReportSchema } from './report-merge.ts';

/**
 * The progress document: everything the learner has done, as one JSON file. Made by `data.export`,
 * read by `data.import` (here or on another device). Times are ISO 8601 (UTC); ids are those of
 * the database, so merging by id is exact.
 *
 * Version 2 names the pack of each event, quiz session and answer (`packId`), left out for the
 * legacy pack so its records read as they always did; version 1 names none, and every record of
 * it belongs to the legacy pack (pack-scope.ts `packOf`). A sync line carries records in the
 * same shapes.
 */

export const documentFormat = 'pathwise-progress';
export const documentVersion = 2;
/** The versions this app reads: its own and the ones before. */
export const readableDocumentVersions: readonly number[] = [1, 2];

const isoTime = z.iso.datetime({ offset: false });
const day = z.string().max(10).refine(isStudyDay, 'must be a date written YYYY-MM-DD');
const uuid7 = z.string().max(36).refine(isUuidv7, 'must be a UUIDv7');
const shortId = z.string().min(1).max(64);
const cardId = z.string().min(1).max(200);
const packId = packIdSchema.optional();
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const finite = z.number();
const jsonText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    }, 'must hold JSON');

export const documentEventSchema = z
  .strictObject({
    id: uuid7,
    deviceId: shortId,
    packId,
    cardId,
    kind: z.enum(eventKinds),
    source: z.enum(eventSources),
    rating: z.enum(ratings).nullable(),
    undoes: uuid7.nullable(),
    quizAnswerId: uuid7.nullable(),
    studySessionId: uuid7.nullable(),
    occurredAt: isoTime,
    studyDay: day,
    durationMs: count.max(86_400_000),
    desiredRetention: z.number().min(0.5).max(0.999),
    fuzz: z.boolean(),
    phaseBefore: z.enum(phases),
    phaseAfter: z.enum(phases),
    dueAfter: isoTime,
    stabilityAfter: finite.min(0),
    difficultyAfter: finite,
    recordedAt: isoTime,
    /** A flag action's colour; files made before card actions existed lack it. */
    flag: z.enum(flagColours).nullable().optional(),
  })
  .refine(
    (event) => (event.kind === 'rating' || event.kind === 'cram') === (event.rating !== null),
    {
      error: 'a rating or cram event has a rating; no other event has one',
    },
  )
  .refine((event) => (event.kind === 'undo') === (event.undoes !== null), {
    error: 'an undo names the event it undoes; no other event names one',
  })
  .refine((event) => (event.kind === 'flag') === (event.flag != null), {
    error: 'a flag action names its colour; no other event has one',
  })
  .refine(
    (event) =>
      event.kind !== 'cram' ||
      (event.source === 'review' &&
        event.quizAnswerId === null &&
        event.phaseBefore === event.phaseAfter),
    {
      error:
        'a cram comes from the flashcards, names no quiz answer and leaves the phase as it was',
    },
  );

export const documentQuizSessionSchema = z.strictObject({
  id: uuid7,
  deviceId: shortId,
  packId,
  mode: z.string().min(1).max(60),
  // A quiz's configuration lists its item ids (up to 100 of up to 200 characters).
  config: jsonText(32_768),
  startedAt: isoTime,
  finishedAt: isoTime.nullable(),
  score: z
    .strictObject({
      correct: count,
      total: count,
      byTopic: z
        .array(
          z
            .strictObject({ topic: z.string().min(1).max(100), correct: count, total: count })
            .refine((topic) => topic.correct <= topic.total, 'correct cannot exceed total'),
        )
        .max(1000),
    })
    .refine((score) => score.correct <= score.total, 'correct cannot exceed total')
    .nullable(),
});

export const documentQuizAnswerSchema = z.strictObject({
  id: uuid7,
  sessionId: uuid7,
  packId,
  itemId: z.string().min(1).max(200),
  kind: z.string().min(1).max(60),
  factIds: z.array(z.string().min(1).max(20)).max(64),
  topic: z.string().min(1).max(100),
  correct: z.boolean(),
  response: jsonText(4096),
  durationMs: count.max(86_400_000),
  answeredAt: isoTime,
  studyDay: day,
});

export const documentStudySessionSchema = z.strictObject({
  id: uuid7,
  deviceId: shortId,
  startedAt: isoTime,
  lastActivityAt: isoTime,
  cardCount: count,
  durationMs: count,
});

export const documentSettingSchema = z.strictObject({
  key: z.string().min(1).max(60),
  value: jsonText(1000),
  updatedAt: isoTime,
});

export const progressDocumentSchema = z.strictObject({
  format: z.literal(documentFormat),
  version: z.union([z.literal(1), z.literal(documentVersion)]),
  exportedAt: isoTime,
  deviceId: shortId,
  appVersion: z.string().max(40).optional(),
  events: z.array(documentEventSchema).max(2_000_000),
  quizSessions: z.array(documentQuizSessionSchema).max(1_000_000),
  quizAnswers: z.array(documentQuizAnswerSchema).max(2_000_000),
  studySessions: z.array(documentStudySessionSchema).max(1_000_000),
  settings: z.array(documentSettingSchema).max(100),
  /** Reports of faulty items and their withdrawals; files made before reports existed lack it. */
  reports: z.array(documentReportSchema).max(1_000_000).optional(),
});
export type ProgressDocument = z.infer<typeof progressDocumentSchema>;
export type DocumentEvent = z.infer<typeof documentEventSchema>;

const iso = (ms: number) => new Date(ms).toISOString();
const ms = (text: string) => Date.parse(text);

/** A record's pack as a document writes it: left out for the legacy pack. */
const packField = (id: string) => (id === legacyPackId ? {} : { packId: id });

export function eventToDocument(event: ReviewEvent): DocumentEvent {
  return {
    id: event.id,
    deviceId: event.deviceId,
    ...packField(event.packId),
    cardId: event.cardId,
    kind: event.kind,
    source: event.source,
    rating: event.rating,
    undoes: event.undoes,
    quizAnswerId: event.quizAnswerId,
    studySessionId: event.studySessionId,
    occurredAt: iso(event.occurredAt),
    studyDay: event.studyDay,
    durationMs: event.durationMs,
    desiredRetention: event.desiredRetention,
    fuzz: event.fuzz,
    phaseBefore: event.phaseBefore,
    phaseAfter: event.phaseAfter,
    dueAfter: iso(event.dueAfter),
    stabilityAfter: event.stabilityAfter,
    difficultyAfter: event.difficultyAfter,
    recordedAt: iso(event.recordedAt),
    ...(event.flag === null ? {} : { flag: event.flag }),
  };
}

export function eventFromDocument(event: DocumentEvent): ReviewEvent {
  return {
    ...event,
    packId: packOf(event),
    flag: event.flag ?? null,
    occurredAt: ms(event.occurredAt),
    dueAfter: ms(event.dueAfter),
    recordedAt: ms(event.recordedAt),
  };
}

export function quizSessionToDocument(
  session: QuizSessionRecord,
): z.infer<typeof documentQuizSessionSchema> {
  return {
    id: session.id,
    deviceId: session.deviceId,
    ...packField(session.packId),
    mode: session.mode,
    config: session.config,
    startedAt: iso(session.startedAt),
    finishedAt: session.finishedAt === null ? null : iso(session.finishedAt),
    score:
      session.scoreTotal === null
        ? null
        : {
            correct: session.scoreCorrect ?? 0,
            total: session.scoreTotal,
            byTopic: [...(session.scoreByTopic ?? [])],
          },
  };
}

export function quizSessionFromDocument(
  session: z.infer<typeof documentQuizSessionSchema>,
): QuizSessionRecord {
  return {
    id: session.id,
    deviceId: session.deviceId,
    packId: packOf(session),
    mode: session.mode,
    config: session.config,
    startedAt: ms(session.startedAt),
    finishedAt: session.finishedAt === null ? null : ms(session.finishedAt),
    scoreCorrect: session.score?.correct ?? null,
    scoreTotal: session.score?.total ?? null,
    scoreByTopic: session.score?.byTopic ?? null,
  };
}

export function quizAnswerToDocument(
  answer: QuizAnswerRecord,
): z.infer<typeof documentQuizAnswerSchema> {
  const { packId: pack, ...rest } = answer;
  return {
    ...rest,
    ...packField(pack),
    factIds: [...answer.factIds],
    answeredAt: iso(answer.answeredAt),
  };
}

export function quizAnswerFromDocument(
  answer: z.infer<typeof documentQuizAnswerSchema>,
): QuizAnswerRecord {
  return { ...answer, packId: packOf(answer), answeredAt: ms(answer.answeredAt) };
}

export function studySessionToDocument(
  session: StudySessionRecord,
): z.infer<typeof documentStudySessionSchema> {
  return {
    ...session,
    startedAt: iso(session.startedAt),
    lastActivityAt: iso(session.lastActivityAt),
  };
}

export function studySessionFromDocument(
  session: z.infer<typeof documentStudySessionSchema>,
): StudySessionRecord {
  return {
    ...session,
    startedAt: ms(session.startedAt),
    lastActivityAt: ms(session.lastActivityAt),
  };
}

export function settingToDocument(setting: SettingRecord): z.infer<typeof documentSettingSchema> {
  return { ...setting, updatedAt: iso(setting.updatedAt) };
}

export function settingFromDocument(setting: z.infer<typeof documentSettingSchema>): SettingRecord {
  return { ...setting, updatedAt: ms(setting.updatedAt) };
}
