import { replayCard, type ReplayEvent } from '../../shared/engine/replay.ts';
import { storedTimeline } from '../optimiser/parameter-rows.ts';
import { cardStateSql, putCardState, replayedRecord } from './card-states.ts';
import { eventSql, replayEventFromRow, replayLogOfCard } from './review-events.ts';
import { text, withTransaction } from './sqlite.ts';
import type { Storage } from './storage.ts';

export interface RebuildResult {
  readonly cards: number;
  readonly events: number;
}

/**
 * Recomputes the card-state cache from the event log: every card, or just `cardIds` (after an
 * import touched them). One transaction; the log is read in card order through its index.
 */
export function rebuildCardStates(storage: Storage, cardIds?: Iterable<string>): RebuildResult {
  const result = withTransaction(storage.db(), () =>
    cardIds === undefined ? rebuildAll(storage) : rebuildSome(storage, cardIds),
  );
  storage.markBulkChange();
  return result;
}

function rebuildAll(storage: Storage): RebuildResult {
  storage.statement(cardStateSql.deleteAll).run();
  const { weightsAt } = storedTimeline(storage);
  let cards = 0;
  let events = 0;
  let currentCard: string | undefined;
  let batch: ReplayEvent[] = [];
  const flush = () => {
    if (currentCard === undefined) return;
    const replayed = replayCard(batch);
    if (replayed) {
      putCardState(storage, replayedRecord(currentCard, replayed));
      cards += 1;
    }
  };
  for (const row of storage.statement(eventSql.replayAll).iterate()) {
    const cardId = text(row, 'card_id');
    events += 1;
    if (cardId !== currentCard) {
      flush();
      currentCard = cardId;
      batch = [];
    }
    batch.push(replayEventFromRow(row, weightsAt));
  }
  flush();
  return { cards, events };
}

function rebuildSome(storage: Storage, cardIds: Iterable<string>): RebuildResult {
  const { weightsAt } = storedTimeline(storage);
  let cards = 0;
  let events = 0;
  for (const cardId of new Set(cardIds)) {
    const log = replayLogOfCard(storage, cardId, weightsAt);
    events += log.length;
    const replayed = replayCard(log);
    if (replayed) {
      putCardState(storage, replayedRecord(cardId, replayed));
      cards += 1;
    } else {
      storage.statement(cardStateSql.deleteOne).run(cardId);
    }
  }
  return { cards, events };
}
