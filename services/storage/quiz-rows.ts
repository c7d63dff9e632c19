import { activePack as pack } from './pack-scope.ts';
import { num, numOrNull, text, textOrNull, type Row } from './sqlite.ts';
import type { Storage } from './storage.ts';

/**
 * Quiz sessions (a row updated once, when finished) and quiz answers (append-only). A learner's
 * "I was right" on a wrong answer is appended too, as a row of kind `claim-right` for the same
 * item; reading a session's answers folds each claim into the answer it claims.
 */

export interface TopicScore {
  readonly topic: string;
  readonly correct: number;
  readonly total: number;
}

export interface QuizSessionRecord {
  readonly id: string;
  readonly deviceId: string;
  /** The pack whose items the quiz asked. */
  readonly packId: string;
  readonly mode: string;
  /** JSON text: the quiz's configuration as the quiz screen chose it. */
  readonly config: string;
  readonly startedAt: number;
  readonly finishedAt: number | null;
  readonly scoreCorrect: number | null;
  readonly scoreTotal: number | null;
  readonly scoreByTopic: readonly TopicScore[] | null;
}

export interface QuizAnswerRecord {
  readonly id: string;
  readonly sessionId: string;
  /** Its session's pack, kept on the answer so statistics read answers alone. */
  readonly packId: string;
  readonly itemId: string;
  readonly kind: string;
  readonly factIds: readonly string[];
  readonly topic: string;
  readonly correct: boolean;
  /** JSON text: what the learner answered. */
  readonly response: string;
  readonly durationMs: number;
  readonly answeredAt: number;
  readonly studyDay: string;
}

export type DbQuizSession = {
  id: string;
  device_id: string;
  pack_id: string;
  mode: string;
  config: string;
  started_at: number;
  finished_at: number | null;
  score_correct: number | null;
  score_total: number | null;
  score_by_topic: string | null;
};

export type DbQuizAnswer = {
  id: string;
  session_id: string;
  pack_id: string;
  item_id: string;
  kind: string;
  fact_ids: string;
  topic: string;
  correct: number;
  response: string;
  duration_ms: number;
  answered_at: number;
  study_day: string;
};

export function toDbQuizSession(record: QuizSessionRecord): DbQuizSession {
  return {
    id: record.id,
    device_id: record.deviceId,
    pack_id: record.packId,
    mode: record.mode,
    config: record.config,
    started_at: record.startedAt,
    finished_at: record.finishedAt,
    score_correct: record.scoreCorrect,
    score_total: record.scoreTotal,
    score_by_topic: record.scoreByTopic === null ? null : JSON.stringify(record.scoreByTopic),
  };
}

export function fromDbQuizSession(row: Row): QuizSessionRecord {
  const byTopic = textOrNull(row, 'score_by_topic');
  return {
    id: text(row, 'id'),
    deviceId: text(row, 'device_id'),
    packId: text(row, 'pack_id'),
    mode: text(row, 'mode'),
    config: text(row, 'config'),
    startedAt: num(row, 'started_at'),
    finishedAt: numOrNull(row, 'finished_at'),
    scoreCorrect: numOrNull(row, 'score_correct'),
    scoreTotal: numOrNull(row, 'score_total'),
    scoreByTopic: byTopic === null ? null : (JSON.parse(byTopic) as TopicScore[]),
  };
}

export function toDbQuizAnswer(record: QuizAnswerRecord): DbQuizAnswer {
  return {
    id: record.id,
    session_id: record.sessionId,
    pack_id: record.packId,
    item_id: record.itemId,
    kind: record.kind,
    fact_ids: JSON.stringify(record.factIds),
    topic: record.topic,
    correct: record.correct ? 1 : 0,
    response: record.response,
    duration_ms: record.durationMs,
    answered_at: record.answeredAt,
    study_day: record.studyDay,
  };
}

export function fromDbQuizAnswer(row: Row): QuizAnswerRecord {
  return {
    id: text(row, 'id'),
    sessionId: text(row, 'session_id'),
    packId: text(row, 'pack_id'),
    itemId: text(row, 'item_id'),
    kind: text(row, 'kind'),
    factIds: JSON.parse(text(row, 'fact_ids')) as string[],
    topic: text(row, 'topic'),
    correct: num(row, 'correct') === 1,
    response: text(row, 'response'),
    durationMs: num(row, 'duration_ms'),
    answeredAt: num(row, 'answered_at'),
    studyDay: text(row, 'study_day'),
  };
}

const sessionColumns = `id, device_id, mode, config, started_at, finished_at, score_correct,
  score_total, score_by_topic, pack_id`;
const answerColumns = `id, session_id, item_id, kind, fact_ids, topic, correct, response,
  duration_ms, answered_at, study_day, pack_id`;

export const quizSql = {
  insertSession: `INSERT INTO quiz_session (${sessionColumns}) VALUES (:id, :device_id, :mode,
    :config, :started_at, :finished_at, :score_correct, :score_total, :score_by_topic, :pack_id)`,
  finishSession: `UPDATE quiz_session SET finished_at = :finished_at,
    score_correct = :score_correct, score_total = :score_total, score_by_topic = :score_by_topic
    WHERE id = :id AND finished_at IS NULL`,
  sessionById: `SELECT ${sessionColumns} FROM quiz_session WHERE id = ?`,
  /** Every pack's (a progress document); the others read the active pack's. */
  allSessions: `SELECT ${sessionColumns} FROM quiz_session ORDER BY started_at, id`,
  unfinishedSessionsSince: `SELECT ${sessionColumns} FROM quiz_session
    WHERE finished_at IS NULL AND started_at >= ? AND pack_id = ${pack} ORDER BY started_at DESC, id DESC LIMIT 20`,
  finishedSessions: `SELECT ${sessionColumns} FROM quiz_session
    WHERE finished_at IS NOT NULL AND pack_id = ${pack} ORDER BY finished_at DESC LIMIT ?`,
  insertAnswer: `INSERT INTO quiz_answer (${answerColumns}) VALUES (:id, :session_id, :item_id,
    :kind, :fact_ids, :topic, :correct, :response, :duration_ms, :answered_at, :study_day,
    :pack_id)`,
  answerById: `SELECT ${answerColumns} FROM quiz_answer WHERE id = ?`,
  answersForSession: `SELECT ${answerColumns} FROM quiz_answer WHERE session_id = ?
    ORDER BY answered_at, id`,
  allAnswers: `SELECT ${answerColumns} FROM quiz_answer ORDER BY answered_at, id`,
  packAnswers: `SELECT ${answerColumns} FROM quiz_answer WHERE pack_id = ${pack}
    ORDER BY answered_at, id`,
} as const;

export function insertQuizSession(storage: Storage, record: QuizSessionRecord): void {
  storage.statement(quizSql.insertSession).run({ ...toDbQuizSession(record) });
}

export function quizSessionById(storage: Storage, id: string): QuizSessionRecord | undefined {
  const row = storage.statement(quizSql.sessionById).get(id);
  return row ? fromDbQuizSession(row) : undefined;
}

export function finishQuizSessionRow(storage: Storage, record: QuizSessionRecord): boolean {
  const row = toDbQuizSession(record);
  const result = storage.statement(quizSql.finishSession).run({
    id: row.id,
    finished_at: row.finished_at,
    score_correct: row.score_correct,
    score_total: row.score_total,
    score_by_topic: row.score_by_topic,
  });
  return result.changes === 1;
}

export function insertQuizAnswer(storage: Storage, record: QuizAnswerRecord): void {
  storage.statement(quizSql.insertAnswer).run({ ...toDbQuizAnswer(record) });
}

export function quizAnswerById(storage: Storage, id: string): QuizAnswerRecord | undefined {
  const row = storage.statement(quizSql.answerById).get(id);
  return row ? fromDbQuizAnswer(row) : undefined;
}

/** The kind of the row that records "I was right" for an earlier answer to the same item. */
export const claimRightKind = 'claim-right';

/**
 * A session's answers as given, each claim folded into the answer it claims: that answer counts
 * right, and its response JSON gains `claimedRightAt` beside what it was marked when given.
 */
export function quizAnswersForSession(storage: Storage, sessionId: string): QuizAnswerRecord[] {
  const rows = storage.statement(quizSql.answersForSession).all(sessionId).map(fromDbQuizAnswer);
  return foldClaims(rows);
}

export function foldClaims(rows: readonly QuizAnswerRecord[]): QuizAnswerRecord[] {
  const claims = new Map(
    rows.filter((row) => row.kind === claimRightKind).map((row) => [row.itemId, row.answeredAt]),
  );
  return rows
    .filter((row) => row.kind !== claimRightKind)
    .map((row) => {
      const at = claims.get(row.itemId);
      if (at === undefined || row.correct) return row;
      const response = JSON.parse(row.response) as unknown;
      const claimed =
        typeof response === 'object' && response !== null && !Array.isArray(response)
          ? { ...response, claimedRightAt: at }
          : { response, claimedRightAt: at };
      return { ...row, correct: true, response: JSON.stringify(claimed) };
    });
}
