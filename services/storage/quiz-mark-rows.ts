import { activePack as pack } from './pack-scope.ts';
import { text } from './sqlite.ts';
import type { Storage } from './storage.ts';

/** The questions the learner marked during a quiz in the active pack (the "marked" pool). */
export const quizMarkSql = {
  all: `SELECT item_id FROM quiz_mark WHERE pack_id = ${pack} ORDER BY marked_at, item_id`,
  mark: `INSERT INTO quiz_mark (item_id, marked_at, pack_id) VALUES (?, ?, ${pack})
    ON CONFLICT (item_id, pack_id) DO NOTHING`,
  unmark: `DELETE FROM quiz_mark WHERE item_id = ? AND pack_id = ${pack}`,
} as const;

export function markedItemIds(storage: Storage): Set<string> {
  return new Set(
    storage
      .statement(quizMarkSql.all)
      .all()
      .map((row) => text(row, 'item_id')),
  );
}

/** Marks (keeping the first mark's time) or unmarks one item. */
export function setQuizMark(storage: Storage, itemId: string, marked: boolean, at: number): void {
  if (marked) storage.statement(quizMarkSql.mark).run(itemId, at);
  else storage.statement(quizMarkSql.unmark).run(itemId);
}
