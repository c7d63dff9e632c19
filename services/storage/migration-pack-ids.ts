import type { DatabaseSync } from 'node:sqlite';
import { flagColours } from '../../shared/engine/card-actions.ts';
import { legacyPackId } from './pack-scope.ts';

/**
 * v11 (several packs, issue 15): every per-pack row names its pack (pack-scope.ts). The logs
 * gain a column whose default is the pack every existing row was studied in, so no logged row is
 * rewritten. The card-state cache and the quiz marks were keyed by a card or item id alone, which
 * two packs share (both have an F001): each is copied into a table keyed by the id and the pack,
 * the id keeping its definition and the old indexes re-created from their own stored SQL.
 */
export function v11PackIds(db: DatabaseSync): void {
  const legacy = `'${legacyPackId}'`;
  db.exec(`
    ALTER TABLE review_event ADD COLUMN pack_id TEXT NOT NULL DEFAULT ${legacy};
    CREATE INDEX review_event_by_pack_card ON review_event (pack_id, card_id, occurred_at, id);
    CREATE INDEX review_event_by_pack_day ON review_event (pack_id, study_day);
    CREATE INDEX review_event_actions_by_pack ON review_event (pack_id)
      WHERE kind NOT IN ('rating', 'undo');
    CREATE INDEX review_event_undos_by_pack ON review_event (pack_id) WHERE undoes IS NOT NULL;
    ALTER TABLE quiz_session ADD COLUMN pack_id TEXT NOT NULL DEFAULT ${legacy};
    CREATE INDEX quiz_session_by_pack ON quiz_session (pack_id, started_at);
    CREATE INDEX quiz_session_finished_by_pack ON quiz_session (pack_id, finished_at)
      WHERE finished_at IS NOT NULL;
    ALTER TABLE quiz_answer ADD COLUMN pack_id TEXT NOT NULL DEFAULT ${legacy};
    CREATE INDEX quiz_answer_by_pack_day ON quiz_answer (pack_id, study_day);
  `);
  rekey(
    db,
    'card_state',
    legacy,
    `
    CREATE TABLE card_state (
      card_id TEXT,
      phase TEXT NOT NULL CHECK (phase IN ('new', 'learning', 'review', 'relearning')),
      due INTEGER NOT NULL,
      stability REAL NOT NULL,
      difficulty REAL NOT NULL,
      elapsed_days REAL NOT NULL,
      scheduled_days REAL NOT NULL,
      learning_steps INTEGER NOT NULL,
      reps INTEGER NOT NULL,
      lapses INTEGER NOT NULL,
      last_review INTEGER,
      introduced_day TEXT,
      last_event_id TEXT NOT NULL,
      suspended INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1)),
      buried_day TEXT,
      flag TEXT CHECK (flag IN (${flagColours.map((flag) => `'${flag}'`).join(', ')})),
      pack_id TEXT NOT NULL,
      PRIMARY KEY (card_id, pack_id)
    ) STRICT, WITHOUT ROWID;`,
  );
  db.exec(`CREATE INDEX card_state_by_pack ON card_state (pack_id, phase, due);`);
  rekey(
    db,
    'quiz_mark',
    legacy,
    `
    CREATE TABLE quiz_mark (
      item_id TEXT,
      marked_at INTEGER NOT NULL,
      pack_id TEXT NOT NULL,
      PRIMARY KEY (item_id, pack_id)
    ) STRICT, WITHOUT ROWID;`,
  );
}

/** Copies `table` into `create` (its columns plus pack_id), every row in the legacy pack. */
function rekey(db: DatabaseSync, table: string, legacy: string, create: string): void {
  const indexes = db
    .prepare(
      `SELECT sql FROM sqlite_schema WHERE tbl_name = ? AND type = 'index' AND sql IS NOT NULL`,
    )
    .all(table)
    .map((row) => String(row.sql));
  const columns = db
    .prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`)
    .all(table)
    .map((row) => String(row.name))
    .join(', ');
  db.exec(`ALTER TABLE ${table} RENAME TO ${table}_v10;`);
  db.exec(create);
  db.exec(`INSERT INTO ${table} (${columns}, pack_id) SELECT ${columns}, ${legacy} FROM ${table}_v10;
    DROP TABLE ${table}_v10;`);
  for (const sql of indexes) db.exec(sql);
}
