import { compareEvents, type ReplayEvent } from '../../shared/engine/replay.ts';
import { applyRating } from '../../shared/engine/scheduler.ts';
import { storedTimeline } from '../optimiser/parameter-rows.ts';
import { fromDbCardState, putSchedule } from '../storage/card-states.ts';
import { cardKey, splitCardKey, type CardKey } from '../storage/pack-scope.ts';
import { rebuildCardStates } from '../storage/rebuild.ts';
import { num, text, type Row } from '../storage/sqlite.ts';
import type { Storage } from '../storage/storage.ts';

/**
 * Brings the card-state cache up to date after a round merged events, in the caller's
 * transaction. A card whose new events are all ratings that come after everything it had is
 * folded forward from its cached state, which is what a replay of its whole log would compute
 * (the fold is sequential, and its cache is the fold of what came before); any other card (an undo
 * arrived, or an event older than its latest) is replayed from its whole log. After a very large
 * merge every card is rebuilt in one ordered pass over the log, cheaper than card by card.
 */
export function replayMerged(storage: Storage, merged: MergedEvents): void {
  if (merged.whole) {
    rebuildCardStates(storage);
    return;
  }
  const replay: CardKey[] = [];
  const { weightsAt } = storedTimeline(storage);
  const cached = cachedWithLatest(storage, [...merged.byCard.keys()]);
  for (const [key, events] of merged.byCard) {
    if (!foldForward(storage, key, events, cached.get(key), weightsAt)) replay.push(key);
  }
  if (replay.length > 0) rebuildCardStates(storage, replay);
}

/** Above this many merged events, one pass over the whole log beats a replay per card. */
const wholeRebuildAbove = 100_000;

/** The events a round merged, by card (of a pack), until there are so many that every card is rebuilt. */
export class MergedEvents {
  readonly byCard = new Map<CardKey, ReplayEvent[]>();
  whole = false;
  #count = 0;

  get empty(): boolean {
    return !this.whole && this.byCard.size === 0;
  }

  add(card: CardKey, event: ReplayEvent): void {
    if (this.whole) return;
    this.#count += 1;
    if (this.#count > wholeRebuildAbove) {
      this.whole = true;
      this.byCard.clear();
      return;
    }
    const events = this.byCard.get(card);
    if (events) events.push(event);
    else this.byCard.set(card, [event]);
  }

  /** What to replay after a crash before the end of the round: these cards, or every card. */
  pending(): CardKey[] | 'all' {
    return this.whole ? 'all' : [...this.byCard.keys()];
  }
}

/**
 * The cached states of the cards a round touched, each with the time of its latest event, in one
 * statement: a thousand lookups one by one cost a round more than the folds themselves.
 */
const cachedWithLatestSql = `SELECT s.*, e.occurred_at AS latest_at
  FROM json_each(?) AS k
  CROSS JOIN card_state s ON s.card_id = k.value ->> 1 AND s.pack_id = k.value ->> 0
  JOIN review_event e ON e.id = s.last_event_id`;

function cachedWithLatest(storage: Storage, keys: readonly CardKey[]): Map<CardKey, Row> {
  const pairs = keys.map((key) => {
    const { packId, cardId } = splitCardKey(key);
    return [packId, cardId];
  });
  const rows = new Map<CardKey, Row>();
  for (const row of storage.statement(cachedWithLatestSql).iterate(JSON.stringify(pairs))) {
    rows.set(cardKey(text(row, 'pack_id'), text(row, 'card_id')), row);
  }
  return rows;
}

/**
 * Each rating is scheduled with the FSRS weights in effect when it was given, as the rebuild
 * does (the learner may have applied fitted weights).
 */
function foldForward(
  storage: Storage,
  key: CardKey,
  merged: readonly ReplayEvent[],
  row: Row | undefined,
  weightsAt: (at: number) => readonly number[] | undefined,
): boolean {
  // A cram leaves the schedule as it was, so it is never a reason to replay.
  const events = merged.filter((event) => event.kind !== 'cram');
  if (events.length === 0) return true;
  if (!row) return false;
  const { packId, cardId } = splitCardKey(key);
  const cached = fromDbCardState(row);
  if (cached.introducedDay === null) return false;
  const latest = { id: cached.lastEventId, occurredAt: num(row, 'latest_at') };
  const sorted = [...events].sort(compareEvents);
  const first = sorted[0];
  if (!first || compareEvents(first, latest) <= 0) return false;
  let state = cached.state;
  for (const event of sorted) {
    if (event.kind !== 'rating' || event.rating === null) return false;
    const config = { ...event, weights: weightsAt(event.occurredAt) };
    state = applyRating(state, event.occurredAt, event.rating, config).state;
  }
  putSchedule(storage, { cardId, packId }, state, sorted.at(-1)?.id ?? cached.lastEventId);
  return true;
}
