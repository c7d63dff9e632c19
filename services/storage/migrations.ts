import type { DatabaseSync } from 'node:sqlite';
import { v8CardActions } from './migration-card-actions.ts';
import { v12EventIndexes } from './migration-event-indexes.ts';
import { v11PackIds } from './migration-pack-ids.ts';
import { withTransaction } from './sqlite.ts';

/**
 * Schema migrations: numbered, immutable once shipped, one function each, each run in its own
 * transaction together with its `PRAGMA user_version` bump. Changes never drop data (new tables,
 * columns and indexes; an index no query reads may go); a later need is a new migration, never an
 * edit of an old one. A database from a newer app (user_version above the latest here) is refused
 * untouched.
 */

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: DatabaseSync) => void;
}

const phaseCheck = `IN ('new', 'learning', 'review', 'relearning')`;

/** v1: the review event log (append-only), the card-state cache, device identity, settings. */
function v1EventLog(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE review_event (
      id TEXT PRIMARY KEY,
      device_id TEXT NOT NULL,
      card_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('rating', 'undo')),
      source TEXT NOT NULL CHECK (source IN ('review', 'quiz')),
      rating TEXT CHECK (rating IN ('again', 'hard', 'good', 'easy')),
      undoes TEXT REFERENCES review_event (id) DEFERRABLE INITIALLY DEFERRED,
      occurred_at INTEGER NOT NULL,
      study_day TEXT NOT NULL,
      duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
      desired_retention REAL NOT NULL,
      fuzz INTEGER NOT NULL CHECK (fuzz IN (0, 1)),
      phase_before TEXT NOT NULL CHECK (phase_before ${phaseCheck}),
      phase_after TEXT NOT NULL CHECK (phase_after ${phaseCheck}),
      due_after INTEGER NOT NULL,
      stability_after REAL NOT NULL,
      difficulty_after REAL NOT NULL,
      recorded_at INTEGER NOT NULL,
      CHECK ((kind = 'rating') = (rating IS NOT NULL)),
      CHECK ((kind = 'undo') = (undoes IS NOT NULL))
    ) STRICT;
    CREATE INDEX review_event_by_card ON review_event (card_id, occurred_at, id);
    CREATE INDEX review_event_by_day ON review_event (study_day);
    CREATE INDEX review_event_by_time ON review_event (occurred_at, id);
    CREATE UNIQUE INDEX review_event_by_undo_target ON review_event (undoes)
      WHERE undoes IS NOT NULL;
    CREATE INDEX review_event_undoable ON review_event (device_id, occurred_at, id)
      WHERE kind = 'rating' AND source = 'review';
    CREATE TRIGGER review_event_append_only_update BEFORE UPDATE ON review_event
      BEGIN SELECT RAISE(ABORT, 'review_event is append-only'); END;
    CREATE TRIGGER review_event_append_only_delete BEFORE DELETE ON review_event
      BEGIN SELECT RAISE(ABORT, 'review_event is append-only'); END;

    CREATE TABLE card_state (
      card_id TEXT PRIMARY KEY,
      phase TEXT NOT NULL CHECK (phase ${phaseCheck}),
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
      last_event_id TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX card_state_by_phase_due ON card_state (phase, due);
    CREATE INDEX card_state_by_introduced_day ON card_state (introduced_day)
      WHERE introduced_day IS NOT NULL;

    CREATE TABLE setting (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value)),
      updated_at INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
  `);
}

/** v2: quiz sessions and answers; quiz-informed rating events point at their answer. */
function v2QuizRecords(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE quiz_session (
      id TEXT PRIMARY KEY,
      device_id TEXT NOT NULL,
      mode TEXT NOT NULL,
      config TEXT NOT NULL CHECK (json_valid(config)),
      started_at INTEGER NOT NULL,
      finished_at INTEGER,
      score_correct INTEGER,
      score_total INTEGER,
      score_by_topic TEXT CHECK (score_by_topic IS NULL OR json_valid(score_by_topic)),
      CHECK ((finished_at IS NULL) = (score_total IS NULL))
    ) STRICT;
    CREATE INDEX quiz_session_by_finished ON quiz_session (finished_at)
      WHERE finished_at IS NOT NULL;

    CREATE TABLE quiz_answer (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES quiz_session (id) DEFERRABLE INITIALLY DEFERRED,
      item_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      fact_ids TEXT NOT NULL CHECK (json_valid(fact_ids)),
      topic TEXT NOT NULL,
      correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
      response TEXT NOT NULL CHECK (json_valid(response)),
      duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
      answered_at INTEGER NOT NULL,
      study_day TEXT NOT NULL
    ) STRICT;
    CREATE INDEX quiz_answer_by_session ON quiz_answer (session_id, answered_at, id);
    CREATE INDEX quiz_answer_by_day ON quiz_answer (study_day);
    CREATE TRIGGER quiz_answer_append_only_update BEFORE UPDATE ON quiz_answer
      BEGIN SELECT RAISE(ABORT, 'quiz_answer is append-only'); END;
    CREATE TRIGGER quiz_answer_append_only_delete BEFORE DELETE ON quiz_answer
      BEGIN SELECT RAISE(ABORT, 'quiz_answer is append-only'); END;

    ALTER TABLE review_event ADD COLUMN quiz_answer_id TEXT
      REFERENCES quiz_answer (id) DEFERRABLE INITIALLY DEFERRED;
  `);
}

/** v3: flashcard study sessions (runs of answers without a 30-minute pause). */
function v3StudySessions(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE study_session (
      id TEXT PRIMARY KEY,
      device_id TEXT NOT NULL,
      started_at INTEGER NOT NULL,
      last_activity_at INTEGER NOT NULL CHECK (last_activity_at >= started_at),
      card_count INTEGER NOT NULL CHECK (card_count >= 0),
      duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0)
    ) STRICT;
    CREATE INDEX study_session_by_device_activity ON study_session (device_id, last_activity_at);

    ALTER TABLE review_event ADD COLUMN study_session_id TEXT
      REFERENCES study_session (id) DEFERRABLE INITIALLY DEFERRED;
  `);
}

/**
 * v4: exam mode reads only this index. Counting the reviews at risk on exam day tests
 * `last_review` and `stability`, and ordering today's reviews by recall on exam day needs both
 * again; with (phase, due) alone each candidate row cost a table lookup.
 */
function v4ExamRiskIndex(db: DatabaseSync): void {
  db.exec(`
    CREATE INDEX card_state_exam_risk
      ON card_state (phase, due, last_review, stability, card_id);
  `);
}

/**
 * v5: the learner's reports of a faulty quiz item or card, an append-only log. A withdrawal is a
 * new event pointing at its report, so nothing the learner said is rewritten or lost.
 */
function v5ItemReports(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE report_event (
      id TEXT PRIMARY KEY,
      device_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('report', 'withdraw')),
      target TEXT CHECK (target IN ('quiz-item', 'card')),
      target_id TEXT,
      pack_id TEXT,
      pack_version TEXT,
      shown_text TEXT,
      reason TEXT CHECK (reason IN ('wrong-key', 'ambiguous', 'unclear', 'other')),
      note TEXT,
      withdraws TEXT REFERENCES report_event (id) DEFERRABLE INITIALLY DEFERRED,
      occurred_at INTEGER NOT NULL,
      CHECK (CASE kind
        WHEN 'report' THEN target IS NOT NULL AND target_id IS NOT NULL AND pack_id IS NOT NULL
          AND pack_version IS NOT NULL AND shown_text IS NOT NULL AND reason IS NOT NULL
          AND withdraws IS NULL
        ELSE target IS NULL AND target_id IS NULL AND pack_id IS NULL AND pack_version IS NULL
          AND shown_text IS NULL AND reason IS NULL AND note IS NULL AND withdraws IS NOT NULL
      END)
    ) STRICT;
    CREATE INDEX report_event_by_time ON report_event (occurred_at, id);
    CREATE UNIQUE INDEX report_event_by_withdrawn ON report_event (withdraws)
      WHERE withdraws IS NOT NULL;
    CREATE TRIGGER report_event_append_only_update BEFORE UPDATE ON report_event
      BEGIN SELECT RAISE(ABORT, 'report_event is append-only'); END;
    CREATE TRIGGER report_event_append_only_delete BEFORE DELETE ON report_event
      BEGIN SELECT RAISE(ABORT, 'report_event is append-only'); END;
  `);
}

/**
 * v6: sync through a folder (services/sync/). Device-local bookkeeping, never synced itself: the
 * folder, how far each device's file in it has been read, and what this device already wrote to
 * its own file (a rowid mark per append-only table; a digest per record of the tables whose rows
 * change: quiz sessions finish, study sessions grow, settings change).
 */
function v6SyncState(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE sync_config (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE sync_file (
      name TEXT PRIMARY KEY,
      read_bytes INTEGER NOT NULL CHECK (read_bytes >= 0),
      read_lines INTEGER NOT NULL CHECK (read_lines >= 0),
      prefix_check TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE sync_sent (
      kind TEXT NOT NULL,
      id TEXT NOT NULL,
      digest TEXT NOT NULL,
      PRIMARY KEY (kind, id)
    ) STRICT, WITHOUT ROWID;
  `);
}

/**
 * v7 (custom study): the event log takes a third kind, `cram`, a rating given in a cram session
 * that leaves the schedule as it was (FSRS replay skips it; it is never a review). SQLite cannot
 * widen a CHECK in place, so the table is rebuilt with the same columns, in the same order, and
 * every index and trigger is re-created from its own stored SQL, unchanged. The copy refers to
 * itself while it has its temporary name, so dropping the old table leaves it no dangling key.
 */
function v7CramEvents(db: DatabaseSync): void {
  const dependents = db
    .prepare(
      `SELECT sql FROM sqlite_schema WHERE tbl_name = 'review_event'
        AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name`,
    )
    .all()
    .map((row) => String(row.sql));
  db.exec(`
    CREATE TABLE review_event_v7 (
      id TEXT PRIMARY KEY,
      device_id TEXT NOT NULL,
      card_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('rating', 'undo', 'cram')),
      source TEXT NOT NULL CHECK (source IN ('review', 'quiz')),
      rating TEXT CHECK (rating IN ('again', 'hard', 'good', 'easy')),
      undoes TEXT REFERENCES review_event_v7 (id) DEFERRABLE INITIALLY DEFERRED,
      occurred_at INTEGER NOT NULL,
      study_day TEXT NOT NULL,
      duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
      desired_retention REAL NOT NULL,
      fuzz INTEGER NOT NULL CHECK (fuzz IN (0, 1)),
      phase_before TEXT NOT NULL CHECK (phase_before ${phaseCheck}),
      phase_after TEXT NOT NULL CHECK (phase_after ${phaseCheck}),
      due_after INTEGER NOT NULL,
      stability_after REAL NOT NULL,
      difficulty_after REAL NOT NULL,
      recorded_at INTEGER NOT NULL,
      quiz_answer_id TEXT REFERENCES quiz_answer (id) DEFERRABLE INITIALLY DEFERRED,
      study_session_id TEXT REFERENCES study_session (id) DEFERRABLE INITIALLY DEFERRED,
      CHECK ((kind <> 'undo') = (rating IS NOT NULL)),
      CHECK ((kind = 'undo') = (undoes IS NOT NULL)),
      CHECK (kind <> 'cram' OR (source = 'review' AND quiz_answer_id IS NULL
        AND phase_before = phase_after))
    ) STRICT;
    INSERT INTO review_event_v7 SELECT id, device_id, card_id, kind, source, rating, undoes,
      occurred_at, study_day, duration_ms, desired_retention, fuzz, phase_before, phase_after,
      due_after, stability_after, difficulty_after, recorded_at, quiz_answer_id, study_session_id
      FROM review_event;
    DROP TRIGGER review_event_append_only_update;
    DROP TRIGGER review_event_append_only_delete;
    DROP TABLE review_event;
    ALTER TABLE review_event_v7 RENAME TO review_event;
  `);
  for (const sql of dependents) db.exec(sql);
  // Reviews ever made are counted from indexes (eventSql.reviewCount): crams are taken out here.
  db.exec(`CREATE INDEX review_event_cram ON review_event (id) WHERE kind = 'cram';`);
}

/**
 * v9 (question bank, issue 12): the questions the learner marked during a quiz, for the question
 * bank's "marked" pool. One row per marked item; unmarking deletes it.
 */
function v9QuizMarks(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE quiz_mark (
      item_id TEXT PRIMARY KEY,
      marked_at INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
  `);
}

/**
 * v10 (optimiser, issue 12): FSRS weights fitted to the learner, applied and undone as events in
 * an append-only log. The weights in effect at a moment are those of the latest application
 * before it that no undo before it took back; none means FSRS's defaults.
 */
function v10FsrsParameterEvents(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE fsrs_parameter_event (
      id TEXT PRIMARY KEY,
      device_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('apply', 'undo')),
      weights TEXT CHECK (weights IS NULL OR json_valid(weights)),
      undoes TEXT REFERENCES fsrs_parameter_event (id),
      occurred_at INTEGER NOT NULL,
      reviews_used INTEGER CHECK (reviews_used IS NULL OR reviews_used >= 0),
      log_loss_before REAL,
      log_loss_after REAL,
      rmse_before REAL,
      rmse_after REAL,
      CHECK ((kind = 'apply') = (weights IS NOT NULL)),
      CHECK ((kind = 'undo') = (undoes IS NOT NULL))
    ) STRICT;
    CREATE UNIQUE INDEX fsrs_parameter_event_by_undo_target ON fsrs_parameter_event (undoes)
      WHERE undoes IS NOT NULL;
    CREATE TRIGGER fsrs_parameter_event_append_only_update BEFORE UPDATE ON fsrs_parameter_event
      BEGIN SELECT RAISE(ABORT, 'fsrs_parameter_event is append-only'); END;
    CREATE TRIGGER fsrs_parameter_event_append_only_delete BEFORE DELETE ON fsrs_parameter_event
      BEGIN SELECT RAISE(ABORT, 'fsrs_parameter_event is append-only'); END;
  `);
}

export const migrations: readonly Migration[] = [
  { version: 1, name: 'event log, card-state cache, settings', up: v1EventLog },
  { version: 2, name: 'quiz sessions and answers', up: v2QuizRecords },
  { version: 3, name: 'study sessions', up: v3StudySessions },
  { version: 4, name: 'covering index for exam-mode review risk', up: v4ExamRiskIndex },
  { version: 5, name: 'reports of faulty items and cards', up: v5ItemReports },
  { version: 6, name: 'sync through a folder: what was read and written', up: v6SyncState },
  { version: 7, name: 'custom study: cram events in the log', up: v7CramEvents },
  { version: 8, name: 'card actions: suspend, bury, flag, forget', up: v8CardActions },
  { version: 9, name: 'quiz marks for the question bank', up: v9QuizMarks },
  { version: 10, name: 'fitted FSRS parameters (optimiser)', up: v10FsrsParameterEvents },
  { version: 11, name: 'several packs: the pack of every per-pack row', up: v11PackIds },
  { version: 12, name: 'event log without the indexes no query reads', up: v12EventIndexes },
];

export const latestSchemaVersion = migrations.length;

/** The tables the latest schema has; a database at the latest version without them is damaged. */
export const expectedTables = [
  'meta',
  'review_event',
  'card_state',
  'setting',
  'quiz_session',
  'quiz_answer',
  'study_session',
  'report_event',
  'sync_config',
  'sync_file',
  'sync_sent',
  'quiz_mark',
  'fsrs_parameter_event',
] as const;

export class SchemaTooNewError extends Error {
  readonly found: number;
  constructor(found: number) {
    super(
      `The progress database was written by a newer version of Pathwise (schema ${found}; this ` +
        `version understands up to ${latestSchemaVersion}). Update Pathwise to open it; nothing ` +
        `was changed.`,
    );
    this.name = 'SchemaTooNewError';
    this.found = found;
  }
}

export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get();
  const version = row?.user_version;
  if (typeof version !== 'number') throw new Error('PRAGMA user_version gave no number.');
  return version;
}

/** Brings the schema to `target` (default: latest). Returns the versions applied. */
export function migrate(db: DatabaseSync, target: number = latestSchemaVersion): number[] {
  const current = schemaVersion(db);
  if (current > latestSchemaVersion) throw new SchemaTooNewError(current);
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > target) continue;
    withTransaction(db, () => {
      migration.up(db);
      db.exec(`PRAGMA user_version = ${migration.version}`);
    });
    applied.push(migration.version);
  }
  return applied;
}
