import { SiblingBury } from '../../shared/engine/queue.ts';
import type { StudyCard } from '../../shared/engine/types.ts';
import { eventSql } from '../storage/review-events.ts';
import { text } from '../storage/sqlite.ts';
import type { Storage } from '../storage/storage.ts';
import type { Catalog } from './catalog.ts';

/** The day's answered cards, as the rule that buries their siblings (shared/engine/queue.ts). */
export function siblingsBuriedOn(storage: Storage, allCards: Catalog, today: string): SiblingBury {
  const answered = storage
    .statement(eventSql.answeredOnDay)
    .all(today)
    .map((row) => allCards.card(text(row, 'card_id')))
    .filter((card): card is StudyCard => card !== undefined);
  return new SiblingBury(answered);
}
