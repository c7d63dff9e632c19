import type { DatabaseSync } from 'node:sqlite';
import { cardActionKinds, flagColours } from '../../shared/engine/card-actions.ts';

const quoted = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');
const phaseCheck = `IN ('new', 'learning', 'review', 'relearning')`;
const kindCheck = `IN (${quoted(['rating', 'undo', 'cram', ...cardActionKinds])})`;
const flagCheck = `IN (${quoted(flagColours)})`;

/**
 * v8: card actions (suspend, bury, flag, forget) join ratings and undos in the review log, and
 * the card-state cache keeps what they leave. SQLite cannot widen a CHECK in place, so the log is
 * copied into a table with the wider one: the old table is renamed first, so the copy's
 * self-reference (an undo's target) never points at a table that is dropped.
 */
export function v8CardActions(db: DatabaseSync): void {
  db.exec(`
    DROP TRIGGER review_event_append_only_update;
    DROP TRIGGER review_event_append_only_delete;
    ALTER TABLE review_event RENAME TO review_event_v7;
    CREATE TABLE review_event (
      id TEXT PRIMARY KEY,
      device_id TEXT NOT NULL,
      card_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind ${kindCheck}),
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
      quiz_answer_id TEXT REFERENCES quiz_answer (id) DEFERRABLE INITIALLY DEFERRED,
      study_session_id TEXT REFERENCES study_session (id) DEFERRABLE INITIALLY DEFERRED,
      flag TEXT CHECK (flag ${flagCheck}),
      CHECK ((kind IN ('rating', 'cram')) = (rating IS NOT NULL)),
      CHECK ((kind = 'undo') = (undoes IS NOT NULL)),
      CHECK ((kind = 'flag') = (flag IS NOT NULL)),
      CHECK (kind <> 'cram' OR (source = 'review' AND quiz_answer_id IS NULL
        AND phase_before = phase_after))
    ) STRICT;
    INSERT INTO review_event (id, device_id, card_id, kind, source, rating, undoes, occurred_at,
      study_day, duration_ms, desired_retention, fuzz, phase_before, phase_after, due_after,
      stability_after, difficulty_after, recorded_at, quiz_answer_id, study_session_id)
    SELECT id, device_id, card_id, kind, source, rating, undoes, occurred_at, study_day,
      duration_ms, desired_retention, fuzz, phase_before, phase_after, due_after,
      stability_after, difficulty_after, recorded_at, quiz_answer_id, study_session_id
    FROM review_event_v7;
    DROP TABLE review_event_v7;

    CREATE INDEX review_event_by_card ON review_event (card_id, occurred_at, id);
    CREATE INDEX review_event_by_day ON review_event (study_day);
    CREATE INDEX review_event_by_time ON review_event (occurred_at, id);
    CREATE UNIQUE INDEX review_event_by_undo_target ON review_event (undoes)
      WHERE undoes IS NOT NULL;
    CREATE INDEX review_event_undoable ON review_event (device_id, occurred_at, id)
      WHERE kind = 'rating' AND source = 'review';
    CREATE INDEX review_event_cram ON review_event (id) WHERE kind = 'cram';
    CREATE INDEX review_event_actions ON review_event (card_id)
      WHERE kind NOT IN ('rating', 'undo');
    CREATE TRIGGER review_event_append_only_update BEFORE UPDATE ON review_event
      BEGIN SELECT RAISE(ABORT, 'review_event is append-only'); END;
    CREATE TRIGGER review_event_append_only_delete BEFORE DELETE ON review_event
      BEGIN SELECT RAISE(ABORT, 'review_event is append-only'); END;

    ALTER TABLE card_state ADD COLUMN suspended INTEGER NOT NULL DEFAULT 0
      CHECK (suspended IN (0, 1));
    ALTER TABLE card_state ADD COLUMN buried_day TEXT;
    ALTER TABLE card_state ADD COLUMN flag TEXT CHECK (flag ${flagCheck});
    CREATE INDEX card_state_held ON card_state (card_id)
      WHERE suspended = 1 OR buried_day IS NOT NULL;
  `);
}
