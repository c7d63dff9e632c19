import {
  parameterTimeline,
  type ParameterEvent,
  type ParameterTimeline,
} from '../../shared/engine/parameter-timeline.ts';
import { isReview } from '../storage/review-events.ts';
import { num, numOrNull, oneOf, text, textOrNull, type Row } from '../storage/sqlite.ts';
import type { Storage } from '../storage/storage.ts';

/** The log of applied and undone FSRS weights (migration v7), and the reviews the optimiser reads. */

/** What an application records besides its weights: the evidence it was applied on. */
export interface ApplicationFigures {
  readonly reviewsUsed: number;
  readonly logLossBefore: number;
  readonly logLossAfter: number;
  readonly rmseBefore: number;
  readonly rmseAfter: number;
}

export interface StoredParameterEvent extends ParameterEvent {
  readonly deviceId: string;
  readonly figures: ApplicationFigures | null;
}

const columns = `id, device_id, kind, weights, undoes, occurred_at, reviews_used,
  log_loss_before, log_loss_after, rmse_before, rmse_after`;

const sql = {
  all: `SELECT ${columns} FROM fsrs_parameter_event ORDER BY occurred_at, id`,
  insert: `INSERT INTO fsrs_parameter_event (${columns}) VALUES (:id, :device_id, :kind, :weights,
    :undoes, :occurred_at, :reviews_used, :log_loss_before, :log_loss_after, :rmse_before,
    :rmse_after)`,
  /**
   * A page of the reviews (isReview: a rating no undo took back, from flashcards or a quiz), in
   * storage order; the study day as days since 1970-01-01, the rating as 1 Again … 4 Easy.
   */
  reviewsPage: `SELECT e.rowid AS row, e.card_id,
      CASE e.rating WHEN 'again' THEN 1 WHEN 'hard' THEN 2 WHEN 'good' THEN 3 ELSE 4 END AS rating,
      CAST(julianday(e.study_day) - julianday('1970-01-01') AS INTEGER) AS day, e.occurred_at
    FROM review_event e WHERE e.rowid > ? AND ${isReview('e')} ORDER BY e.rowid LIMIT ?`,
} as const;

export function allParameterEvents(storage: Storage): StoredParameterEvent[] {
  return storage.statement(sql.all).all().map(fromRow);
}

export function storedTimeline(storage: Storage): ParameterTimeline {
  return parameterTimeline(allParameterEvents(storage));
}

export function insertParameterEvent(storage: Storage, event: StoredParameterEvent): void {
  const figures = event.figures;
  storage.statement(sql.insert).run({
    id: event.id,
    device_id: event.deviceId,
    kind: event.kind,
    weights: event.weights === null ? null : JSON.stringify(event.weights),
    undoes: event.undoes,
    occurred_at: event.occurredAt,
    reviews_used: figures?.reviewsUsed ?? null,
    log_loss_before: figures?.logLossBefore ?? null,
    log_loss_after: figures?.logLossAfter ?? null,
    rmse_before: figures?.rmseBefore ?? null,
    rmse_after: figures?.rmseAfter ?? null,
  });
}

export interface ReviewRow {
  readonly row: number;
  readonly cardId: string;
  readonly rating: number;
  readonly day: number;
  readonly occurredAt: number;
}

/** Up to `limit` reviews stored after `afterRow`; read page by page so no read holds the thread long. */
export function reviewsPage(storage: Storage, afterRow: number, limit: number): ReviewRow[] {
  return storage
    .statement(sql.reviewsPage)
    .all(afterRow, limit)
    .map((row) => ({
      row: num(row, 'row'),
      cardId: text(row, 'card_id'),
      rating: num(row, 'rating'),
      day: num(row, 'day'),
      occurredAt: num(row, 'occurred_at'),
    }));
}

function fromRow(row: Row): StoredParameterEvent {
  const weights = textOrNull(row, 'weights');
  const reviewsUsed = numOrNull(row, 'reviews_used');
  return {
    id: text(row, 'id'),
    deviceId: text(row, 'device_id'),
    kind: oneOf(row, 'kind', ['apply', 'undo'] as const),
    weights: weights === null ? null : parseWeights(weights),
    undoes: textOrNull(row, 'undoes'),
    occurredAt: num(row, 'occurred_at'),
    figures:
      reviewsUsed === null
        ? null
        : {
            reviewsUsed,
            logLossBefore: num(row, 'log_loss_before'),
            logLossAfter: num(row, 'log_loss_after'),
            rmseBefore: num(row, 'rmse_before'),
            rmseAfter: num(row, 'rmse_after'),
          },
  };
}

function parseWeights(json: string): number[] {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value) || !value.every((w) => typeof w === 'number' && Number.isFinite(w))) {
    throw new Error('Column weights: expected a list of numbers.');
  }
  return value as number[];
}
