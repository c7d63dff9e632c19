import { cardActionKinds, flagColours, type FlagColour } from '../../shared/engine/card-actions.ts';
import type { ReplayEvent } from '../../shared/engine/replay.ts';
import { phases, ratings, type Phase, type Rating } from '../../shared/engine/scheduler.ts';
import type { SQLInputValue } from 'node:sqlite';
import { activePack as pack } from './pack-scope.ts';
import { num, oneOf, text, textOrNull, type Row } from './sqlite.ts';
import type { Storage } from './storage.ts';

/**
 * The review event log: append-only (triggers refuse UPDATE and DELETE). A `cram` is a rating
 * given in a cram session: kept for the record, never a review, and skipped by FSRS replay.
 */

/** Ratings, undos, crams, and the card actions (none but a rating is a review: see `isReview`). */
export const eventKinds = ['rating', 'undo', 'cram', ...cardActionKinds] as const;
export const eventSources = ['review', 'quiz'] as const;

export interface ReviewEvent {
  /** UUIDv7. */
  readonly id: string;
  readonly deviceId: string;
  /** The pack the card belongs to: card ids are a pack's own (two packs may both have F001). */
  readonly packId: string;
  readonly cardId: string;
  readonly kind: (typeof eventKinds)[number];
  readonly source: (typeof eventSources)[number];
  readonly rating: Rating | null;
  readonly undoes: string | null;
  readonly quizAnswerId: string | null;
  readonly studySessionId: string | null;
  readonly occurredAt: number;
  readonly studyDay: string;
  readonly durationMs: number;
  readonly desiredRetention: number;
  readonly fuzz: boolean;
  /** Scheduler state around the event, for the record; the cache is rebuilt from ratings alone. */
  readonly phaseBefore: Phase;
  readonly phaseAfter: Phase;
  readonly dueAfter: number;
  readonly stabilityAfter: number;
  readonly difficultyAfter: number;
  readonly recordedAt: number;
  /** A `flag` action's colour; null on every other event. */
  readonly flag: FlagColour | null;
}

export function fromDbReviewEvent(row: Row): ReviewEvent {
  const rating = textOrNull(row, 'rating');
  const flag = flagOf(row);
  if (rating !== null && !(ratings as readonly string[]).includes(rating)) {
    throw new Error(`Column rating: unexpected value "${rating.slice(0, 20)}".`);
  }
  return {
    id: text(row, 'id'),
    deviceId: text(row, 'device_id'),
    packId: text(row, 'pack_id'),
    cardId: text(row, 'card_id'),
    kind: oneOf(row, 'kind', eventKinds),
    source: oneOf(row, 'source', eventSources),
    rating: rating as Rating | null,
    undoes: textOrNull(row, 'undoes'),
    quizAnswerId: textOrNull(row, 'quiz_answer_id'),
    studySessionId: textOrNull(row, 'study_session_id'),
    occurredAt: num(row, 'occurred_at'),
    studyDay: text(row, 'study_day'),
    durationMs: num(row, 'duration_ms'),
    desiredRetention: num(row, 'desired_retention'),
    fuzz: num(row, 'fuzz') === 1,
    phaseBefore: oneOf(row, 'phase_before', phases),
    phaseAfter: oneOf(row, 'phase_after', phases),
    dueAfter: num(row, 'due_after'),
    stabilityAfter: num(row, 'stability_after'),
    difficultyAfter: num(row, 'difficulty_after'),
    recordedAt: num(row, 'recorded_at'),
    flag,
  };
}

export function toReplayEvent(event: ReviewEvent): ReplayEvent {
  return {
    id: event.id,
    kind: event.kind,
    rating: event.rating,
    undoes: event.undoes,
    occurredAt: event.occurredAt,
    studyDay: event.studyDay,
    desiredRetention: event.desiredRetention,
    fuzz: event.fuzz,
    flag: event.flag,
  };
}

const columns = `id, device_id, card_id, kind, source, rating, undoes, quiz_answer_id,
  study_session_id, occurred_at, study_day, duration_ms, desired_retention, fuzz, phase_before,
  phase_after, due_after, stability_after, difficulty_after, recorded_at, flag, pack_id`;

const replayColumns = `id, kind, rating, undoes, occurred_at, study_day, desired_retention, fuzz,
  flag`;

/**
 * What counts as a review, everywhere a number of reviews is shown: a rating, from the flashcards
 * or from a quiz answer, that no later event undid. `e` is the review_event alias.
 */
export const isReview = (e: string): string =>
  `${e}.kind = 'rating' AND NOT EXISTS (SELECT 1 FROM review_event u WHERE u.undoes = ${e}.id)`;

export const eventSql = {
  insert: `INSERT INTO review_event (${columns})
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  byId: `SELECT ${columns} FROM review_event WHERE id = ?`,
  /** A card of the active pack. */
  forCard: `SELECT ${columns} FROM review_event WHERE card_id = ? AND pack_id = ${pack}
    ORDER BY occurred_at, id`,
  /** Every pack's cards' logs, card by card, with only what a replay reads (the rebuild). */
  replayAll: `SELECT pack_id, card_id, ${replayColumns} FROM review_event
    ORDER BY pack_id, card_id, occurred_at, id`,
  replayForCard: `SELECT ${replayColumns} FROM review_event WHERE pack_id = ? AND card_id = ?
    ORDER BY occurred_at, id`,
  /** The stored events among a JSON array of ids: a merge asks once per batch, not per event. */
  byIds: `SELECT ${columns} FROM review_event WHERE id IN (SELECT value FROM json_each(?))`,
  /** Every pack's events (a progress document carries them all). */
  allByTime: `SELECT ${columns} FROM review_event ORDER BY occurred_at, id`,
  packByTime: `SELECT ${columns} FROM review_event WHERE pack_id = ${pack}
    ORDER BY occurred_at, id`,
  count: `SELECT COUNT(*) AS n FROM review_event`,
  /**
   * Reviews ever made in the active pack (isReview): every undo takes back one rating of its own
   * card, and an event is a rating, an undo, a cram or a card action, so ratings in effect are
   * all events less the crams and actions and twice the undos.
   */
  reviewCount: `SELECT (SELECT COUNT(*) FROM review_event WHERE pack_id = ${pack})
    - (SELECT COUNT(*) FROM review_event WHERE kind NOT IN ('rating', 'undo')
      AND pack_id = ${pack})
    - 2 * (SELECT COUNT(*) FROM review_event WHERE undoes IS NOT NULL AND pack_id = ${pack}) AS n`,
  undoOf: `SELECT id FROM review_event WHERE undoes = ?`,
  /** The newest id this device wrote, so new UUIDv7s keep sorting after it. */
  newestId: `SELECT MAX(id) AS id FROM review_event`,
  /** The latest rating this device made in review that is still in effect: what undo takes back. */
  latestUndoable: `SELECT ${columns} FROM review_event e
    WHERE e.source = 'review' AND e.device_id = ? AND e.pack_id = ${pack} AND ${isReview('e')}
    ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1`,
  /** The ratings a quiz answer added that are still in effect (to take back on "I was right"). */
  inEffectForQuizAnswer: `SELECT ${columns} FROM review_event e
    WHERE e.quiz_answer_id = ? AND ${isReview('e')}
    ORDER BY e.occurred_at DESC, e.id DESC`,
  /** Reviews (of cards in review phase) done today in the flashcard queue, net of undos. */
  reviewsOnDay: `SELECT COUNT(*) AS n FROM review_event e
    WHERE e.study_day = ? AND e.pack_id = ${pack} AND e.source = 'review'
      AND e.phase_before = 'review'
      AND ${isReview('e')}`,
  /** Cards with an effective rating today, from a review or a quiz: their siblings wait. */
  answeredOnDay: `SELECT DISTINCT e.card_id FROM review_event e INDEXED BY review_event_by_pack_day
    WHERE e.study_day = ? AND e.pack_id = ${pack} AND ${isReview('e')}`,
  /** Cards that already have an effective "again" today (quiz lapses are capped at one a day). */
  lapsedOnDay: `SELECT DISTINCT e.card_id FROM review_event e INDEXED BY review_event_by_pack_day
    WHERE e.study_day = ? AND e.pack_id = ${pack} AND e.rating = 'again' AND ${isReview('e')}`,
} as const;

export function insertEvent(storage: Storage, event: ReviewEvent): void {
  storage.statement(eventSql.insert).run(...eventValues(event));
}

/**
 * An event's values by position, in the order of `columns`: a merge inserts up to a million
 * events, and binding twenty values by name cost as much again as SQLite's own insert.
 */
export function eventValues(event: ReviewEvent): SQLInputValue[] {
  return [
    event.id,
    event.deviceId,
    event.cardId,
    event.kind,
    event.source,
    event.rating,
    event.undoes,
    event.quizAnswerId,
    event.studySessionId,
    event.occurredAt,
    event.studyDay,
    event.durationMs,
    event.desiredRetention,
    event.fuzz ? 1 : 0,
    event.phaseBefore,
    event.phaseAfter,
    event.dueAfter,
    event.stabilityAfter,
    event.difficultyAfter,
    event.recordedAt,
    event.flag,
    event.packId,
  ];
}

/**
 * The events of a merge, stored as `insertEvent` would store them one by one, in the same order
 * (and so with the same rowids). They are first put in a temporary table without constraints or
 * indexes, then moved in one statement: SQLite then checks the log's constraints and updates its
 * indexes within one statement instead of once per event, which halves the cost of a merge's
 * inserts. In the caller's transaction, so a failure leaves nothing behind, the staging rows
 * included.
 *
 * The events are those a progress document or a sync line holds, taken only once the document's
 * checks (`documentEventSchema`, or its hand-written fast path) passed, and those checks hold
 * every CHECK of the log (test/unit/insert-events.test.ts proves it on random and malformed
 * events). A large move therefore skips the CHECKs, most of SQLite's own time in it (a third of
 * a first merge's insert CPU); types (STRICT), keys, uniqueness and the append-only triggers
 * still apply. Small moves keep them: the pragma makes SQLite prepare every statement again.
 */
export function insertEvents(storage: Storage, events: Iterable<ReviewEvent>): void {
  const db = storage.db();
  db.exec(stageSql.create);
  const stage = storage.statement(stageSql.insert);
  let staged = 0;
  for (const event of events) {
    stage.run(...eventValues(event));
    staged += 1;
  }
  if (staged === 0) return;
  const checked = staged < uncheckedMoveFrom;
  if (!checked) db.exec('PRAGMA ignore_check_constraints = ON');
  try {
    storage.statement(stageSql.move).run();
  } finally {
    if (!checked) db.exec('PRAGMA ignore_check_constraints = OFF');
  }
  storage.statement(stageSql.clear).run();
}

/** Events from which a move skips the log's CHECKs (see `insertEvents`). */
export const uncheckedMoveFrom = 1_000;

const stageSql = {
  create: `CREATE TEMP TABLE IF NOT EXISTS review_event_stage AS
    SELECT ${columns} FROM review_event WHERE 0`,
  insert: `INSERT INTO temp.review_event_stage (${columns})
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  move: `INSERT INTO review_event (${columns})
    SELECT ${columns} FROM temp.review_event_stage ORDER BY rowid`,
  clear: `DELETE FROM temp.review_event_stage`,
} as const;

export function eventById(storage: Storage, id: string): ReviewEvent | undefined {
  const row = storage.statement(eventSql.byId).get(id);
  return row ? fromDbReviewEvent(row) : undefined;
}

/** The stored events among `ids`, by id. */
export function eventsByIds(storage: Storage, ids: readonly string[]): Map<string, ReviewEvent> {
  const found = new Map<string, ReviewEvent>();
  if (ids.length === 0) return found;
  for (const row of storage.statement(eventSql.byIds).iterate(JSON.stringify(ids))) {
    const event = fromDbReviewEvent(row);
    found.set(event.id, event);
  }
  return found;
}

/**
 * A row of `replayAll` or `replayForCard`, read as strictly as a whole event, with the FSRS weights
 * in effect at its time when `weightsAt` is given (made with them: a rebuild reads a million).
 */
export function replayEventFromRow(
  row: Row,
  weightsAt?: (at: number) => readonly number[] | undefined,
): ReplayEvent {
  const rating = textOrNull(row, 'rating');
  if (rating !== null && !(ratings as readonly string[]).includes(rating)) {
    throw new Error(`Column rating: unexpected value "${rating.slice(0, 20)}".`);
  }
  const occurredAt = num(row, 'occurred_at');
  return {
    id: text(row, 'id'),
    kind: oneOf(row, 'kind', eventKinds),
    rating: rating as Rating | null,
    undoes: textOrNull(row, 'undoes'),
    occurredAt,
    studyDay: text(row, 'study_day'),
    desiredRetention: num(row, 'desired_retention'),
    fuzz: num(row, 'fuzz') === 1,
    flag: flagOf(row),
    weights: weightsAt?.(occurredAt),
  };
}

function flagOf(row: Row): FlagColour | null {
  const flag = textOrNull(row, 'flag');
  if (flag !== null && !(flagColours as readonly string[]).includes(flag)) {
    throw new Error(`Column flag: unexpected value "${flag.slice(0, 20)}".`);
  }
  return flag as FlagColour | null;
}

/** One card's log as a replay reads it, in log order. */
export function replayLogOfCard(
  storage: Storage,
  packId: string,
  cardId: string,
  weightsAt?: (at: number) => readonly number[] | undefined,
): ReplayEvent[] {
  return storage
    .statement(eventSql.replayForCard)
    .all(packId, cardId)
    .map((row) => replayEventFromRow(row, weightsAt));
}

export function eventsForCard(storage: Storage, cardId: string): ReviewEvent[] {
  return storage.statement(eventSql.forCard).all(cardId).map(fromDbReviewEvent);
}

export function* allEventsByTime(storage: Storage): Generator<ReviewEvent> {
  for (const row of storage.statement(eventSql.allByTime).iterate()) yield fromDbReviewEvent(row);
}

/** The active pack's events, in time order. */
export function* packEventsByTime(storage: Storage): Generator<ReviewEvent> {
  for (const row of storage.statement(eventSql.packByTime).iterate()) yield fromDbReviewEvent(row);
}
