import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { cardStateSql } from '../../services/storage/card-states.ts';
import { migrate } from '../../services/storage/migrations.ts';
import { legacyPackId, scopeToPack } from '../../services/storage/pack-scope.ts';
import { fixtureBuilders } from '../support/schema-fixtures.ts';

describe('migration v11 (several packs)', () => {
  it('v11 puts every existing row in the pack it was studied in, and tells packs apart after', () => {
    const db = new DatabaseSync(':memory:');
    fixtureBuilders[3]?.(db);
    migrate(db, 10);
    db.exec(`INSERT INTO quiz_mark (item_id, marked_at) VALUES ('tf:F001', 5)`);
    const tables = ['review_event', 'card_state', 'quiz_session', 'quiz_answer', 'quiz_mark'];
    const rows = (table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all();
    const before = Object.fromEntries(tables.map((table) => [table, rows(table)]));
    expect(migrate(db, 11)).toEqual([11]);
    for (const table of tables) {
      const after = rows(table);
      expect(after.length, table).toBe(before[table]?.length);
      expect(after.length, table).toBeGreaterThan(0);
      after.forEach((row, i) => {
        expect(row).toMatchObject(before[table]?.[i] ?? {});
        expect(row.pack_id, table).toBe(legacyPackId);
      });
    }
    // The log is still append-only; the re-keyed cache takes the same card in another pack.
    expect(() => db.exec(`UPDATE review_event SET pack_id = 'other'`)).toThrow(/append-only/);
    const card = String(before.card_state?.[0]?.card_id);
    db.prepare(
      `INSERT INTO card_state SELECT card_id, phase, due, stability, difficulty, elapsed_days,
        scheduled_days, learning_steps, reps, lapses, last_review, introduced_day, last_event_id,
        suspended, buried_day, flag, 'wnt-bone' FROM card_state WHERE card_id = ?`,
    ).run(card);
    expect(() =>
      db.prepare(`INSERT INTO card_state SELECT * FROM card_state WHERE card_id = ?`).run(card),
    ).toThrow(/UNIQUE/);
    scopeToPack(db, () => legacyPackId);
    expect(db.prepare(cardStateSql.byId).all(card)).toHaveLength(1);
    expect(db.prepare(`SELECT COUNT(*) AS n FROM card_state WHERE card_id = ?`).get(card)?.n).toBe(
      2,
    );
  });
});
