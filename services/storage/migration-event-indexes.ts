import type { DatabaseSync } from 'node:sqlite';

/**
 * v12 (sync speed, issue 13): the event log drops three indexes that no query reads since v11
 * scoped every per-card and per-day query by pack (their `…_by_pack` twins serve them). Each
 * index costs every insert: a sync round of 1,000 events dirtied a random leaf page of the
 * per-card index for nearly every event, and a first merge of a million maintained all three.
 * Indexes hold no data of their own, so dropping them loses nothing; `query-plans.test.ts` keeps
 * every statement of the services' SQL tables off a scan of the log.
 */
export function v12EventIndexes(db: DatabaseSync): void {
  for (const index of droppedEventIndexes) db.exec(`DROP INDEX ${index}`);
}

export const droppedEventIndexes = [
  'review_event_by_card',
  'review_event_by_day',
  'review_event_actions',
] as const;
