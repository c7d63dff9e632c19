import { num, text, type Row } from './sqlite.ts';
import type { Storage } from './storage.ts';

/** Flashcard study sessions: a run of answers with no pause longer than `sessionGapMs`. */

export const sessionGapMs = 30 * 60_000;

export interface StudySessionRecord {
  readonly id: string;
  readonly deviceId: string;
  readonly startedAt: number;
  readonly lastActivityAt: number;
  /** Answers given in the session (undone ones included: they were time spent). */
  readonly cardCount: number;
  readonly durationMs: number;
}

export type DbStudySession = {
  id: string;
  device_id: string;
  started_at: number;
  last_activity_at: number;
  card_count: number;
  duration_ms: number;
};

export function toDbStudySession(record: StudySessionRecord): DbStudySession {
  return {
    id: record.id,
    device_id: record.deviceId,
    started_at: record.startedAt,
    last_activity_at: record.lastActivityAt,
    card_count: record.cardCount,
    duration_ms: record.durationMs,
  };
}

export function fromDbStudySession(row: Row): StudySessionRecord {
  return {
    id: text(row, 'id'),
    deviceId: text(row, 'device_id'),
    startedAt: num(row, 'started_at'),
    lastActivityAt: num(row, 'last_activity_at'),
    cardCount: num(row, 'card_count'),
    durationMs: num(row, 'duration_ms'),
  };
}

const columns = `id, device_id, started_at, last_activity_at, card_count, duration_ms`;

export const studySessionSql = {
  put: `INSERT INTO study_session (${columns}) VALUES (:id, :device_id, :started_at,
    :last_activity_at, :card_count, :duration_ms)
    ON CONFLICT (id) DO UPDATE SET last_activity_at = excluded.last_activity_at,
      card_count = excluded.card_count, duration_ms = excluded.duration_ms`,
  latestForDevice: `SELECT ${columns} FROM study_session WHERE device_id = ?
    ORDER BY last_activity_at DESC LIMIT 1`,
  byId: `SELECT ${columns} FROM study_session WHERE id = ?`,
  all: `SELECT ${columns} FROM study_session ORDER BY started_at, id`,
} as const;

export function putStudySession(storage: Storage, record: StudySessionRecord): void {
  storage.statement(studySessionSql.put).run({ ...toDbStudySession(record) });
}

export function studySessionById(storage: Storage, id: string): StudySessionRecord | undefined {
  const row = storage.statement(studySessionSql.byId).get(id);
  return row ? fromDbStudySession(row) : undefined;
}

/** The session an answer at `at` belongs to: the device's latest if recent enough, else a new one. */
export function touchStudySession(
  storage: Storage,
  input: { readonly at: number; readonly durationMs: number; readonly newId: () => string },
): StudySessionRecord {
  const row = storage.statement(studySessionSql.latestForDevice).get(storage.deviceId);
  const latest = row ? fromDbStudySession(row) : undefined;
  const record: StudySessionRecord =
    latest && input.at - latest.lastActivityAt <= sessionGapMs && input.at >= latest.startedAt
      ? {
          ...latest,
          lastActivityAt: Math.max(latest.lastActivityAt, input.at),
          cardCount: latest.cardCount + 1,
          durationMs: latest.durationMs + input.durationMs,
        }
      : {
          id: input.newId(),
          deviceId: storage.deviceId,
          startedAt: input.at,
          lastActivityAt: input.at,
          cardCount: 1,
          durationMs: input.durationMs,
        };
  putStudySession(storage, record);
  return record;
}
