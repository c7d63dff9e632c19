import type { Phase, Rating } from '../../shared/engine/scheduler.ts';
import type { ReviewEvent } from '../storage/review-events.ts';

/** One answer in Anki's review log (`revlog`), which its statistics and FSRS optimiser read. */
export interface RevlogRow {
  /** The answer's time in ms, made unique: Anki keys the log by it. */
  readonly id: number;
  readonly cid: number;
  /** 1 again, 2 hard, 3 good, 4 easy. */
  readonly ease: number;
  /** Days for a review interval, negative seconds for a learning step. */
  readonly ivl: number;
  readonly lastIvl: number;
  readonly factor: number;
  /** Time taken in ms; Anki caps it at a minute. */
  readonly time: number;
  /** 0 learning, 1 review, 2 relearning. */
  readonly type: number;
}

const easeOf: Record<Rating, number> = { again: 1, hard: 2, good: 3, easy: 4 };
const typeOf: Record<Phase, number> = { new: 0, learning: 0, review: 1, relearning: 2 };
const dayMs = 86_400_000;

function intervalAfter(event: ReviewEvent): number {
  const ms = Math.max(0, event.dueAfter - event.occurredAt);
  return event.phaseAfter === 'review'
    ? Math.max(1, Math.round(ms / dayMs))
    : -Math.round(ms / 1000);
}

/**
 * The ratings that count (not undone) of the exported cards, oldest first, as Anki's review log.
 * `events` must come in time order, as `allEventsByTime` gives them.
 */
export function revlogRows(
  events: Iterable<ReviewEvent>,
  cardIds: ReadonlyMap<string, number>,
): RevlogRow[] {
  const ratings: ReviewEvent[] = [];
  const undone = new Set<string>();
  for (const event of events) {
    if (event.kind === 'undo' && event.undoes !== null) undone.add(event.undoes);
    else if (event.kind === 'rating' && cardIds.has(event.cardId)) ratings.push(event);
  }
  const lastInterval = new Map<string, number>();
  const usedIds = new Set<number>();
  const rows: RevlogRow[] = [];
  for (const event of ratings) {
    const cid = cardIds.get(event.cardId);
    if (undone.has(event.id) || event.rating === null || cid === undefined) continue;
    let id = event.occurredAt;
    while (usedIds.has(id)) id += 1;
    usedIds.add(id);
    const ivl = intervalAfter(event);
    rows.push({
      id,
      cid,
      ease: easeOf[event.rating],
      ivl,
      lastIvl: lastInterval.get(event.cardId) ?? 0,
      factor: 2500,
      time: Math.min(60_000, Math.max(0, event.durationMs)),
      type: typeOf[event.phaseBefore],
    });
    lastInterval.set(event.cardId, ivl);
  }
  return rows;
}
