import type { DatabaseSync } from 'node:sqlite';
import { defaultStudyPackId } from '../../shared/contract/pack.ts';

/**
 * Which pack a record belongs to, in one place. Every per-pack row (review events, card states,
 * quiz sessions and answers, quiz marks) carries a `pack_id`. Rows written before packs were told
 * apart (schema < 11), progress documents of version 1 and sync files of format 1 belong to the
 * pack the app then always studied: `legacyPackId`.
 *
 * The pack being studied is state of the connection, as a session variable would be: SQL reads
 * it through `active_pack()`, so a per-pack statement says `WHERE pack_id = active_pack()` and
 * every caller keeps its arguments. Only the composition root changes it (switching packs), and
 * a job thread's connection is given the pack of the call that started it.
 */
export const legacyPackId = defaultStudyPackId;

/** The pack of a record read from an older file or row that names none. */
export function packOf(record: { readonly packId?: string | undefined }): string {
  return record.packId ?? legacyPackId;
}

/**
 * The SQL that reads the active pack (a function of the connection, set by `scopeToPack`). As a
 * subquery that refers to nothing, SQLite runs it once per statement instead of once per row: a
 * queue over 100,000 cards otherwise called into JavaScript 100,000 times (bench `storage`).
 */
export const activePack = '(SELECT active_pack())';

/** Registers `active_pack()` on a connection; `current` is read at every call. */
export function scopeToPack(db: DatabaseSync, current: () => string): void {
  db.function('active_pack', { deterministic: false, directOnly: true }, current);
}

/**
 * A card of a pack as one key, for the cross-pack work (a rebuild, an import's or a sync's
 * replay) that handles the cards of several packs at once; the separator cannot occur in an id.
 */
export type CardKey = string;

export function cardKey(packId: string, cardId: string): CardKey {
  return `${packId}\u0000${cardId}`;
}

/** A bare card id (a replay an older version left pending) is a card of the legacy pack. */
export function splitCardKey(key: CardKey): { readonly packId: string; readonly cardId: string } {
  const at = key.indexOf('\u0000');
  if (at < 0) return { packId: legacyPackId, cardId: key };
  return { packId: key.slice(0, at), cardId: key.slice(at + 1) };
}
