import {
  applyAction,
  isCardActionKind,
  noMarks,
  type CardActionKind,
  type CardMarks,
  type FlagColour,
} from './card-actions.ts';
import {
  applyRating,
  newCardState,
  undoRating,
  type MemoryState,
  type Rating,
  type RatingLog,
} from './scheduler.ts';

/**
 * A card's state is a function of its events: this fold defines it. The stored card state is a
 * cache of this fold, kept in step by every write and checked against it by the rebuild tests.
 */

export interface ReplayEvent {
  readonly id: string;
  /** A `cram` (a rating in a cram session) leaves the schedule as it was: the fold skips it. */
  readonly kind: 'rating' | 'undo' | 'cram' | CardActionKind;
  /** Set for a rating and a cram. */
  readonly rating: Rating | null;
  /** Set for an undo: the rating it cancels. */
  readonly undoes: string | null;
  readonly occurredAt: number;
  readonly studyDay: string;
  /** The settings the rating was scheduled with, so a replay schedules it the same way. */
  readonly desiredRetention: number;
  readonly fuzz: boolean;
  /** Set for a `flag` action: its colour. */
  readonly flag?: FlagColour | null;
  /** The FSRS weights in effect when the rating was given; the defaults when absent. */
  readonly weights?: readonly number[] | undefined;
}

export interface ReplayedCard {
  readonly state: MemoryState;
  /** The card's version: the last event that touched it. */
  readonly lastEventId: string;
  /** The study day of the rating that took the card out of "new"; null while it is new. */
  readonly introducedDay: string | null;
  /** Suspended, buried, flagged: what the card actions left. */
  readonly marks: CardMarks;
}

/** Log order: by time, then by id (UUIDv7, so creation order on one device). */
export function compareEvents(
  a: Pick<ReplayEvent, 'occurredAt' | 'id'>,
  b: Pick<ReplayEvent, 'occurredAt' | 'id'>,
): number {
  if (a.occurredAt !== b.occurredAt) return a.occurredAt - b.occurredAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

interface Applied {
  readonly event: ReplayEvent;
  log: RatingLog;
}

/** Folds one card's events (any order) into its state; undefined when there are none. */
export function replayCard(events: readonly ReplayEvent[]): ReplayedCard | undefined {
  const sorted = events.filter((event) => event.kind !== 'cram').sort(compareEvents);
  const last = sorted.at(-1);
  if (!last) return undefined;
  let initial: MemoryState | undefined;
  let state: MemoryState | undefined;
  const applied: Applied[] = [];
  let marks = noMarks;

  for (const event of sorted) {
    if (isCardActionKind(event.kind)) {
      const action = { kind: event.kind, flag: event.flag ?? null, studyDay: event.studyDay };
      marks = applyAction(marks, action);
      if (event.kind === 'forget') {
        // Back to new: the ratings before stay in the log but no longer shape the schedule.
        initial = newCardState(event.occurredAt);
        state = initial;
        applied.length = 0;
      }
      continue;
    }
    if (event.kind === 'rating') {
      if (event.rating === null) throw new Error(`Rating event ${event.id} has no rating.`);
      initial ??= newCardState(event.occurredAt);
      const result = applyRating(state ?? initial, event.occurredAt, event.rating, event);
      applied.push({ event, log: result.log });
      state = result.state;
      continue;
    }
    const index = applied.findIndex((entry) => entry.event.id === event.undoes);
    const target = applied[index];
    if (!target || !state || !initial) continue;
    if (index === applied.length - 1) {
      // The usual case: the undone rating is the card's latest.
      state = undoRating(state, target.log);
      applied.pop();
    } else {
      // Only after merging logs from two devices: drop the rating and refold what remains.
      applied.splice(index, 1);
      state = initial;
      for (const entry of applied) {
        const result = applyRating(state, entry.event.occurredAt, ratingOf(entry), entry.event);
        entry.log = result.log;
        state = result.state;
      }
    }
  }

  // A card with actions but no rating (suspended before it was ever studied) is a new card.
  state ??= marks === noMarks ? undefined : newCardState(sorted[0]?.occurredAt ?? last.occurredAt);
  if (!state) return undefined;
  const first = applied[0];
  return {
    state,
    lastEventId: last.id,
    introducedDay: state.phase === 'new' || !first ? null : first.event.studyDay,
    marks,
  };
}

function ratingOf(entry: Applied): Rating {
  if (entry.event.rating === null) throw new Error(`Rating event ${entry.event.id} has no rating.`);
  return entry.event.rating;
}
