import { replayCard, type ReplayEvent } from '../../shared/engine/replay.ts';
import { storedTimeline } from '../optimiser/parameter-rows.ts';
import { cardStateSql, putCardState, replayedRecord } from './card-states.ts';
import { cardKey, splitCardKey, type CardKey } from './pack-scope.ts';
import { eventSql, replayEventFromRow, replayLogOfCard } from './review-events.ts';
import { text, withTransaction } from './sqlite.ts';
import type { Storage } from './storage.ts';

export interface RebuildResult {
  readonly cards: number;
  readonly events: number;
}

/**
 * Recomputes the card-state cache from the event log: every card of every pack, or just `cards`
 * (after an import touched them). One transaction; the log is read in card order through its
 * index.
 */
export function rebuildCardStates(storage: Storage, cards?: Iterable<CardKey>): RebuildResult {
  const result = withTransaction(storage.db(), () =>
    cards === undefined ? rebuildAll(storage) : rebuildSome(storage, cards),
  );
  storage.markBulkChange();
  return result;
}

function rebuildAll(storage: Storage): RebuildResult {
  storage.statement(cardStateSql.deleteAll).run();
  const { weightsAt } = storedTimeline(storage);
  let cards = 0;
  let events = 0;
  let currentCard: CardKey | undefined;
  let batch: ReplayEvent[] = [];
  const flush = () => {
    if (currentCard === undefined) return;
    const replayed = replayCard(batch);
    if (replayed) {
      const { packId, cardId } = splitCardKey(currentCard);
      putCardState(storage, replayedRecord(cardId, replayed), packId);
      cards += 1;
    }
  };
  for (const row of storage.statement(eventSql.replayAll).iterate()) {
    const key = cardKey(text(row, 'pack_id'), text(row, 'card_id'));
    events += 1;
    if (key !== currentCard) {
      flush();
      currentCard = key;
      batch = [];
    }
    batch.push(replayEventFromRow(row, weightsAt));
  }
  flush();
  return { cards, events };
}

function rebuildSome(storage: Storage, keys: Iterable<CardKey>): RebuildResult {
  const { weightsAt } = storedTimeline(storage);
  let cards = 0;
  let events = 0;
  for (const key of new Set(keys)) {
    const { packId, cardId } = splitCardKey(key);
    const log = replayLogOfCard(storage, packId, cardId, weightsAt);
    events += log.length;
    const replayed = replayCard(log);
    if (replayed) {
      putCardState(storage, replayedRecord(cardId, replayed), packId);
      cards += 1;
    } else {
      storage.statement(cardStateSql.deleteOne).run(cardId, packId);
    }
  }
  return { cards, events };
}
