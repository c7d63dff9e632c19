import { flagColours, noMarks, type CardMarks } from '../../shared/engine/card-actions.ts';
import type { ReplayedCard } from '../../shared/engine/replay.ts';
import { phases, type MemoryState } from '../../shared/engine/scheduler.ts';
import { activePack as pack } from './pack-scope.ts';
import { num, numOrNull, oneOf, text, textOrNull, type Row } from './sqlite.ts';
import type { Storage } from './storage.ts';

/**
 * The card-state cache: one row per card that has events, equal to folding its events
 * (`replayCard`). Rebuildable at any time from the log; never the source of truth. Keyed by card
 * and pack; every statement but the rebuild's reads the active pack's cards (pack-scope.ts).
 */

export interface CardStateRecord {
  readonly cardId: string;
  readonly state: MemoryState;
  readonly introducedDay: string | null;
  /** The card's version, checked by answer and undo: the last event applied to it. */
  readonly lastEventId: string;
  /** Suspended, buried, flagged: what the card actions left. */
  readonly marks: CardMarks;
}

export function fromDbCardState(row: Row): CardStateRecord {
  return {
    cardId: text(row, 'card_id'),
    state: {
      phase: oneOf(row, 'phase', phases),
      due: num(row, 'due'),
      stability: num(row, 'stability'),
      difficulty: num(row, 'difficulty'),
      elapsedDays: num(row, 'elapsed_days'),
      scheduledDays: num(row, 'scheduled_days'),
      learningSteps: num(row, 'learning_steps'),
      reps: num(row, 'reps'),
      lapses: num(row, 'lapses'),
      lastReview: numOrNull(row, 'last_review'),
    },
    introducedDay: textOrNull(row, 'introduced_day'),
    lastEventId: text(row, 'last_event_id'),
    marks: marksOf(row),
  };
}

function marksOf(row: Row): CardMarks {
  const suspended = num(row, 'suspended') === 1;
  const buriedDay = textOrNull(row, 'buried_day');
  const flag = row.flag === null ? null : oneOf(row, 'flag', flagColours);
  if (!suspended && buriedDay === null && flag === null) return noMarks;
  return { suspended, buriedDay, flag };
}

export function replayedRecord(cardId: string, replayed: ReplayedCard): CardStateRecord {
  return {
    cardId,
    state: replayed.state,
    introducedDay: replayed.introducedDay,
    lastEventId: replayed.lastEventId,
    marks: replayed.marks,
  };
}

const columns = `card_id, phase, due, stability, difficulty, elapsed_days, scheduled_days,
  learning_steps, reps, lapses, last_review, introduced_day, last_event_id, suspended, buried_day,
  flag`;
const keyColumns = `${columns}, pack_id`;

export const cardStateSql = {
  upsert: `INSERT INTO card_state (${keyColumns})
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (card_id, pack_id) DO UPDATE SET phase = excluded.phase, due = excluded.due,
      stability = excluded.stability, difficulty = excluded.difficulty,
      elapsed_days = excluded.elapsed_days, scheduled_days = excluded.scheduled_days,
      learning_steps = excluded.learning_steps, reps = excluded.reps, lapses = excluded.lapses,
      last_review = excluded.last_review, introduced_day = excluded.introduced_day,
      last_event_id = excluded.last_event_id, suspended = excluded.suspended,
      buried_day = excluded.buried_day, flag = excluded.flag`,
  /**
   * A card's schedule moved on by ratings alone (sync's fold-forward): only what a rating changes,
   * so the indexes on the other columns are left alone.
   */
  updateSchedule: `UPDATE card_state SET phase = ?, due = ?, stability = ?, difficulty = ?,
      elapsed_days = ?, scheduled_days = ?, learning_steps = ?, reps = ?, lapses = ?,
      last_review = ?, last_event_id = ?
    WHERE card_id = ? AND pack_id = ?`,
  byId: `SELECT ${columns} FROM card_state WHERE card_id = ? AND pack_id = ${pack}`,
  all: `SELECT ${columns} FROM card_state WHERE pack_id = ${pack} ORDER BY card_id`,
  /** Every pack's: the rebuild's. */
  deleteAll: `DELETE FROM card_state`,
  deleteOne: `DELETE FROM card_state WHERE card_id = ? AND pack_id = ?`,
  /** Learning and relearning cards due by a time, soonest first. */
  learningDueBy: `SELECT ${columns} FROM card_state
    WHERE pack_id = ${pack} AND phase IN ('learning', 'relearning') AND due <= ? ORDER BY due, card_id`,
  /** Review-phase cards due before a time (the end of today), most overdue first. */
  reviewDueBefore: `SELECT ${columns} FROM card_state
    WHERE pack_id = ${pack} AND phase = 'review' AND due < ? ORDER BY due, card_id`,
  /**
   * The same, among a JSON array of card ids (the catalog): a data folder can hold many cards of
   * packs not in use, which the queue would otherwise read and sort only to pass over.
   */
  reviewDueBeforeAmong: `SELECT ${columns} FROM json_each(?) AS ids
    CROSS JOIN card_state ON card_id = ids.value AND pack_id = ${pack}
    WHERE phase = 'review' AND due < ? ORDER BY due, card_id`,
  learningDueByAmong: `SELECT ${columns} FROM json_each(?) AS ids
    CROSS JOIN card_state ON card_id = ids.value AND pack_id = ${pack}
    WHERE phase IN ('learning', 'relearning') AND due <= ? ORDER BY due, card_id`,
  reviewCountDueBeforeAmong: `SELECT COUNT(*) AS n FROM json_each(?) AS ids
    CROSS JOIN card_state ON card_id = ids.value AND pack_id = ${pack} WHERE phase = 'review' AND due < ?`,
  learningCountDueByAmong: `SELECT COUNT(*) AS n FROM json_each(?) AS ids
    CROSS JOIN card_state ON card_id = ids.value AND pack_id = ${pack}
    WHERE phase IN ('learning', 'relearning') AND due <= ?`,
  /**
   * Exam mode's review candidates, ids only, for counting: cards due before the end of today, and
   * (when the exam is after today) review cards not due before the exam whose recall on exam day
   * would fall under the target: (examAt - last_review) / day > stability × elapsedPerStability.
   * Both parts read only the covering index `card_state_exam_risk` (migration v4).
   */
  examReviewIds: `SELECT card_id FROM card_state
    WHERE pack_id = ${pack} AND phase = 'review' AND due < :day_end
    UNION ALL
    SELECT card_id FROM card_state
    WHERE pack_id = ${pack} AND phase = 'review' AND :exam_at > :day_end AND due >= :exam_at
      AND (:exam_at - last_review) > stability * :per_stability_ms`,
  /**
   * The same candidates as `examReviewIds`, with what recall on exam day depends on, riskiest first.
   * `risk` is the time elapsed at the exam per unit of stability; recall on exam day falls as it
   * grows. It is NULL, and sorts first, when recall is 0 (no last review, or no stability). The
   * order needs a sort, as it depends on the exam date; what is sorted is a few columns of the
   * covering index per candidate, never a table row.
   */
  examReviewsByRisk: `SELECT card_id, phase, due, last_review, stability,
      max(0, :exam_at - last_review) / stability AS risk
    FROM card_state
    WHERE pack_id = ${pack} AND phase = 'review' AND due < :day_end
    UNION ALL
    SELECT card_id, phase, due, last_review, stability,
      max(0, :exam_at - last_review) / stability AS risk
    FROM card_state
    WHERE pack_id = ${pack} AND phase = 'review' AND :exam_at > :day_end AND due >= :exam_at
      AND (:exam_at - last_review) > stability * :per_stability_ms
    ORDER BY risk DESC NULLS FIRST`,
  /** Cards taken out of "new" (the queue skips them when picking new cards). */
  introducedIds: `SELECT card_id FROM card_state
    WHERE pack_id = ${pack} AND phase IN ('learning', 'review', 'relearning')`,
  introducedOnDay: `SELECT COUNT(*) AS n FROM card_state
    WHERE introduced_day = ? AND pack_id = ${pack}`,
  /** What Browse shows of every card, and no more: it reads them all at once. */
  browseColumns: `SELECT card_id, phase, due, difficulty, suspended, buried_day, flag
    FROM card_state WHERE pack_id = ${pack}`,
  /** Cards held out of the queue on a study day: suspended, or buried for that day. */
  heldOutIds: `SELECT card_id FROM card_state
    WHERE pack_id = ${pack} AND (suspended = 1 OR buried_day IS NOT NULL) AND (suspended = 1 OR buried_day = ?)`,
} as const;

export function getCardState(storage: Storage, cardId: string): CardStateRecord | undefined {
  const row = storage.statement(cardStateSql.byId).get(cardId);
  return row ? fromDbCardState(row) : undefined;
}

/** Writes a card's state, in the active pack unless the caller names another (a rebuild). */
export function putCardState(
  storage: Storage,
  record: CardStateRecord,
  packId: string = storage.packId,
): void {
  const { state } = record;
  // Bound by position, in the order of `columns` (a rebuild writes a row per card).
  storage
    .statement(cardStateSql.upsert)
    .run(
      record.cardId,
      state.phase,
      state.due,
      state.stability,
      state.difficulty,
      state.elapsedDays,
      state.scheduledDays,
      state.learningSteps,
      state.reps,
      state.lapses,
      state.lastReview,
      record.introducedDay,
      record.lastEventId,
      record.marks.suspended ? 1 : 0,
      record.marks.buriedDay,
      record.marks.flag,
      packId,
    );
}

/** Sets a cached card's schedule and version, leaving its introduction day and marks as they are. */
export function putSchedule(
  storage: Storage,
  card: { readonly cardId: string; readonly packId: string },
  state: MemoryState,
  lastEventId: string,
): void {
  storage
    .statement(cardStateSql.updateSchedule)
    .run(
      state.phase,
      state.due,
      state.stability,
      state.difficulty,
      state.elapsedDays,
      state.scheduledDays,
      state.learningSteps,
      state.reps,
      state.lapses,
      state.lastReview,
      lastEventId,
      card.cardId,
      card.packId,
    );
}

export function allCardStates(storage: Storage): CardStateRecord[] {
  return storage.statement(cardStateSql.all).all().map(fromDbCardState);
}
