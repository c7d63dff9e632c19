import { describe, expect, it } from 'vitest';
import type { DatabaseSync } from 'node:sqlite';
import { cardStateSql } from '../../services/storage/card-states.ts';
import { migrate, schemaVersion } from '../../services/storage/migrations.ts';
import { dayMs } from '../../shared/engine/scheduler.ts';
import { eventSql, isReview } from '../../services/storage/review-events.ts';
import { legacyPackId, scopeToPack } from '../../services/storage/pack-scope.ts';
import { withTransaction } from '../../services/storage/sqlite.ts';
import {
  fixtureBuilders,
  fixtureEvent,
  fixtureQuiz,
  fixtureStudy,
  memoryDatabase as memory,
} from '../support/schema-fixtures.ts';

// What each schema version adds, and that it keeps the rows and the rules before it. The
// migrations as a whole (numbering, upgrades from every version, refusals): migrations-upgrade.
/** Today's statements read the latest schema, in the pack every older row belongs to. */
function upToDate(db: DatabaseSync): DatabaseSync {
  migrate(db);
  scopeToPack(db, () => legacyPackId);
  return db;
}

describe('migrations', () => {
  it('v1 keeps the event log append-only and rejects malformed events', () => {
    const db = memory();
    fixtureBuilders[1]?.(db);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare(`SELECT COUNT(*) AS n FROM review_event`).get()?.n).toBe(2);
    expect(() => db.exec(`UPDATE review_event SET rating = 'easy'`)).toThrow(/append-only/);
    expect(() => db.exec(`DELETE FROM review_event`)).toThrow(/append-only/);
    // A rating without a rating, an unknown phase, a text in an integer column: all refused.
    const insert = (values: string) => () =>
      db.exec(`INSERT INTO review_event (id, device_id, card_id, kind, source, rating, undoes,
        occurred_at, study_day, duration_ms, desired_retention, fuzz, phase_before, phase_after,
        due_after, stability_after, difficulty_after, recorded_at) VALUES (${values})`);
    expect(
      insert(
        `'x1','d','c','rating','review',NULL,NULL,1,'2025-01-01',0,0.9,0,'new','learning',1,1,1,1`,
      ),
    ).toThrow(/CHECK/);
    expect(
      insert(
        `'x2','d','c','rating','review','good',NULL,1,'2025-01-01',0,0.9,0,'newish','learning',1,1,1,1`,
      ),
    ).toThrow(/CHECK/);
    expect(
      insert(
        `'x3','d','c','rating','review','good',NULL,'soon','2025-01-01',0,0.9,0,'new','learning',1,1,1,1`,
      ),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
    // An undo must point at an event that exists (checked at commit: the key is deferred).
    expect(() =>
      withTransaction(
        db,
        insert(
          `'x4','d','c','undo','review',NULL,'missing',1,'2025-01-01',0,0.9,0,'new','new',1,1,1,1`,
        ),
      ),
    ).toThrow(/FOREIGN KEY/);
    // One undo per rating.
    expect(
      insert(
        `'x5','d','c','undo','review',NULL,'${fixtureEvent.id}',1,'2025-01-01',0,0.9,0,'new','new',1,1,1,1`,
      ),
    ).toThrow(/UNIQUE/);
  });

  it('v2 adds quiz records; answers are append-only; v1 data untouched', () => {
    const db = memory();
    fixtureBuilders[2]?.(db);
    expect(schemaVersion(db)).toBe(2);
    expect(
      db.prepare(`SELECT quiz_answer_id FROM review_event WHERE id = ?`).get(fixtureEvent.id)
        ?.quiz_answer_id,
    ).toBeNull();
    expect(
      db.prepare(`SELECT quiz_answer_id FROM review_event WHERE id = ?`).get(fixtureQuiz.event)
        ?.quiz_answer_id,
    ).toBe(fixtureQuiz.answer);
    expect(() => db.exec(`DELETE FROM quiz_answer`)).toThrow(/append-only/);
    expect(() =>
      db.exec(
        `INSERT INTO quiz_session (id, device_id, mode, config, started_at) VALUES ('s', 'd', 'm', 'not json', 1)`,
      ),
    ).toThrow(/CHECK/);
    expect(() =>
      withTransaction(db, () =>
        db.exec(
          `INSERT INTO quiz_answer (id, session_id, item_id, kind, fact_ids, topic, correct, response, duration_ms, answered_at, study_day) VALUES ('a', 'no-session', 'i', 'k', '[]', 't', 1, '1', 0, 1, '2025-01-01')`,
        ),
      ),
    ).toThrow(/FOREIGN KEY/);
  });

  it('v3 adds study sessions and a nullable link from events', () => {
    const db = memory();
    fixtureBuilders[2]?.(db);
    expect(migrate(db, 3)).toEqual([3]);
    expect(db.prepare(`SELECT COUNT(*) AS n FROM study_session`).get()?.n).toBe(0);
    expect(
      db.prepare(`SELECT COUNT(*) AS n FROM review_event WHERE study_session_id IS NULL`).get()?.n,
    ).toBe(3);
    expect(() => db.exec(`INSERT INTO study_session VALUES ('s', 'd', 10, 5, 1, 0)`)).toThrow(
      /CHECK/,
    );
  });

  it('v4 adds a covering index for exam mode; card states untouched', () => {
    const db = memory();
    fixtureBuilders[3]?.(db);
    const states = db.prepare(`SELECT * FROM card_state ORDER BY card_id`).all();
    expect(migrate(db, 4)).toEqual([4]);
    expect(db.prepare(`SELECT * FROM card_state ORDER BY card_id`).all()).toEqual(states);
    const columns = db
      .prepare(`SELECT name FROM pragma_index_info('card_state_exam_risk') ORDER BY seqno`)
      .all()
      .map((row) => row.name);
    expect(columns).toEqual(['phase', 'due', 'last_review', 'stability', 'card_id']);
    // The fixture's review card (last review 03-04, stability 3.1, due 03-07), through the index:
    // due today, or after the exam with recall on exam day under the target, never both.
    upToDate(db);
    const candidates = (today: string, examDay: string, perStabilityDays: number) =>
      db
        .prepare(cardStateSql.examReviewIds)
        .all({
          day_end: Date.parse(`${today}T04:00:00`) + dayMs,
          exam_at: Date.parse(`${examDay}T04:00:00`),
          per_stability_ms: perStabilityDays * dayMs,
        })
        .map((row) => row.card_id);
    expect(candidates('2025-03-04', '2025-03-06', 1)).toEqual([]);
    expect(candidates('2025-03-04', '2025-03-06', 0.25)).toEqual([fixtureStudy.reviewCard]);
    expect(candidates('2025-03-05', '2025-03-05', 0.25)).toEqual([]);
    expect(candidates('2025-03-07', '2025-03-08', 0.25)).toEqual([fixtureStudy.reviewCard]);
  });

  it('v6 adds the sync bookkeeping, keeping every row, and a sent record is one per kind and id', () => {
    const db = memory();
    fixtureBuilders[3]?.(db);
    migrate(db, 5);
    const events = db.prepare(`SELECT * FROM review_event ORDER BY id`).all();
    expect(migrate(db, 6)).toEqual([6]);
    expect(db.prepare(`SELECT * FROM review_event ORDER BY id`).all()).toEqual(events);
    db.prepare(`INSERT INTO sync_sent (kind, id, digest) VALUES ('setting', 'theme', 'a')`).run();
    expect(() =>
      db.prepare(`INSERT INTO sync_sent (kind, id, digest) VALUES ('setting', 'theme', 'b')`).run(),
    ).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO sync_file (name, read_bytes, read_lines, prefix_check) VALUES (?, -1, 0, '')`,
        )
        .run('x.pathwise-sync.jsonl'),
    ).toThrow(/CHECK/);
  });

  it('v7 takes cram events: every row kept, still append-only, a malformed cram refused', () => {
    const db = memory();
    fixtureBuilders[3]?.(db);
    migrate(db, 6);
    const events = db.prepare(`SELECT * FROM review_event ORDER BY id`).all();
    expect(migrate(db, 7)).toEqual([7]);
    expect(db.prepare(`SELECT * FROM review_event ORDER BY id`).all()).toEqual(events);
    expect(db.prepare(`PRAGMA foreign_key_check`).all()).toEqual([]);
    expect(() => db.exec(`UPDATE review_event SET rating = 'easy'`)).toThrow(/append-only/);
    expect(() => db.exec(`DELETE FROM review_event`)).toThrow(/append-only/);
    const insert = (values: string) => () =>
      db.exec(`INSERT INTO review_event (id, device_id, card_id, kind, source, rating, undoes,
        occurred_at, study_day, duration_ms, desired_retention, fuzz, phase_before, phase_after,
        due_after, stability_after, difficulty_after, recorded_at) VALUES (${values})`);
    const day = `'2025-01-01',0,0.9,0`;
    insert(`'c1','d','c','cram','review','again',NULL,1,${day},'review','review',1,1,1,1`)();
    // No rating, a changed phase, from a quiz, naming a target: each refused.
    expect(
      insert(`'c2','d','c','cram','review',NULL,NULL,1,${day},'review','review',1,1,1,1`),
    ).toThrow(/CHECK/);
    expect(
      insert(`'c3','d','c','cram','review','good',NULL,1,${day},'review','relearning',1,1,1,1`),
    ).toThrow(/CHECK/);
    expect(
      insert(`'c4','d','c','cram','quiz','good',NULL,1,${day},'review','review',1,1,1,1`),
    ).toThrow(/CHECK/);
    expect(
      insert(`'c5','d','c','cram','review','good','c1',1,${day},'review','review',1,1,1,1`),
    ).toThrow(/CHECK/);
    // Reviews ever made, counted from indexes, leave the cram out as isReview does.
    upToDate(db);
    expect(db.prepare(eventSql.reviewCount).get()?.n).toBe(
      Number(
        db.prepare(`SELECT COUNT(*) AS n FROM review_event e WHERE ${isReview('e')}`).get()?.n,
      ),
    );
    // The undo key still points at the log itself, checked at commit.
    expect(() =>
      withTransaction(
        db,
        insert(`'c6','d','c','undo','review',NULL,'missing',1,${day},'new','new',1,1,1,1`),
      ),
    ).toThrow(/FOREIGN KEY/);
  });

  it('v8 widens the log to card actions, keeping every row, its checks and its triggers', () => {
    const db = memory();
    fixtureBuilders[3]?.(db);
    migrate(db, 6);
    const events = db.prepare(`SELECT * FROM review_event ORDER BY id`).all();
    const states = db.prepare(`SELECT * FROM card_state ORDER BY card_id`).all();
    expect(migrate(db, 8)).toEqual([7, 8]);
    const after = db.prepare(`SELECT * FROM review_event ORDER BY id`).all();
    expect(after).toEqual(events.map((event) => ({ ...event, flag: null })));
    expect(db.prepare(`SELECT * FROM card_state ORDER BY card_id`).all()).toEqual(
      states.map((state) => ({ ...state, suspended: 0, buried_day: null, flag: null })),
    );
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    const insert = db.prepare(`INSERT INTO review_event (id, device_id, card_id, kind, source,
      rating, undoes, occurred_at, study_day, duration_ms, desired_retention, fuzz, phase_before,
      phase_after, due_after, stability_after, difficulty_after, recorded_at, flag)
      VALUES (?, 'd', 'c1', ?, 'review', ?, NULL, 1, '2025-03-04', 0, 0.9, 0, 'new', 'new', 1, 0,
      0, 1, ?)`);
    insert.run('a1', 'suspend', null, null);
    insert.run('a2', 'flag', null, 'turquoise');
    // A flag without its colour, a colour on another action, an unknown colour or kind: refused.
    expect(() => insert.run('a3', 'flag', null, null)).toThrow(/CHECK/);
    expect(() => insert.run('a4', 'bury', null, 'red')).toThrow(/CHECK/);
    expect(() => insert.run('a5', 'flag', null, 'black')).toThrow(/CHECK/);
    expect(() => insert.run('a6', 'delete', null, null)).toThrow(/CHECK/);
    expect(() => insert.run('a7', 'forget', 'good', null)).toThrow(/CHECK/);
    expect(() => db.prepare(`DELETE FROM review_event WHERE id = 'a1'`).run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare(`UPDATE review_event SET flag = 'red' WHERE id = 'a2'`).run()).toThrow(
      /append-only/,
    );
    // An undo still has to point at an event that exists.
    expect(() =>
      withTransaction(db, () => {
        db.prepare(
          `INSERT INTO review_event (id, device_id, card_id, kind, source, undoes,
          occurred_at, study_day, duration_ms, desired_retention, fuzz, phase_before, phase_after,
          due_after, stability_after, difficulty_after, recorded_at)
          VALUES ('u9', 'd', 'c1', 'undo', 'review', 'missing', 2, '2025-03-04', 0, 0.9, 0,
          'new', 'new', 1, 0, 0, 2)`,
        ).run();
      }),
    ).toThrow(/FOREIGN KEY/);
  });

  it('v5 adds the report log: append-only, a report complete, a withdrawal pointing at one', () => {
    const db = memory();
    fixtureBuilders[3]?.(db);
    migrate(db, 4);
    const events = db.prepare(`SELECT * FROM review_event ORDER BY id`).all();
    expect(migrate(db, 5)).toEqual([5]);
    expect(db.prepare(`SELECT * FROM review_event ORDER BY id`).all()).toEqual(events);
    const insert = db.prepare(`INSERT INTO report_event (id, device_id, kind, target, target_id,
      pack_id, pack_version, shown_text, reason, note, withdraws, occurred_at)
      VALUES (?, 'd', ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`);
    insert.run('r1', 'report', 'card', 'c1', 'p', '1.0.0', 'What is IL-32?', 'unclear', null, null);
    // A report without its pack version, or a withdrawal carrying a reason, is refused.
    expect(() =>
      insert.run('r2', 'report', 'card', 'c1', 'p', null, 'x', 'unclear', null, null),
    ).toThrow(/CHECK/);
    expect(() =>
      insert.run('w0', 'withdraw', null, null, null, null, null, 'unclear', null, 'r1'),
    ).toThrow(/CHECK/);
    insert.run('w1', 'withdraw', null, null, null, null, null, null, null, 'r1');
    expect(() =>
      insert.run('w2', 'withdraw', null, null, null, null, null, null, null, 'r1'),
    ).toThrow(/UNIQUE/);
    expect(() => db.exec(`DELETE FROM report_event`)).toThrow(/append-only/);
    expect(() => db.exec(`UPDATE report_event SET note = 'x'`)).toThrow(/append-only/);
  });

  it('v9 adds quiz marks, one row per item, keeping every row', () => {
    const db = memory();
    fixtureBuilders[3]?.(db);
    migrate(db, 8);
    const answers = db.prepare(`SELECT * FROM quiz_answer ORDER BY id`).all();
    expect(migrate(db, 9)).toEqual([9]);
    expect(db.prepare(`SELECT * FROM quiz_answer ORDER BY id`).all()).toEqual(answers);
    db.prepare(`INSERT INTO quiz_mark (item_id, marked_at) VALUES ('q1', 1)`).run();
    expect(() =>
      db.prepare(`INSERT INTO quiz_mark (item_id, marked_at) VALUES ('q1', 2)`).run(),
    ).toThrow(/UNIQUE/);
    expect(() =>
      db.prepare(`INSERT INTO quiz_mark (item_id, marked_at) VALUES ('q2', 'soon')`).run(),
    ).toThrow(/cannot store TEXT/);
  });

  it('v10 adds the fitted-parameter log: append-only, an application with weights, an undo of one', () => {
    const db = memory();
    fixtureBuilders[3]?.(db);
    migrate(db, 9);
    const events = db.prepare(`SELECT * FROM review_event ORDER BY id`).all();
    expect(migrate(db, 10)).toEqual([10]);
    expect(db.prepare(`SELECT * FROM review_event ORDER BY id`).all()).toEqual(events);
    const insert = db.prepare(`INSERT INTO fsrs_parameter_event (id, device_id, kind, weights,
      undoes, occurred_at) VALUES (?, 'd', ?, ?, ?, 1)`);
    insert.run('a', 'apply', '[0.2, 1.3]', null);
    expect(() => insert.run('b', 'apply', null, null)).toThrow(/CHECK/);
    expect(() => insert.run('c', 'apply', 'not json', null)).toThrow(/CHECK/);
    expect(() => insert.run('d', 'undo', null, null)).toThrow(/CHECK/);
    insert.run('e', 'undo', null, 'a');
    expect(() => insert.run('f', 'undo', null, 'a')).toThrow(/UNIQUE/);
    expect(() => db.prepare(`DELETE FROM fsrs_parameter_event`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`UPDATE fsrs_parameter_event SET weights = '[]'`).run()).toThrow(
      /append-only/,
    );
  });
});
