import { DatabaseSync } from 'node:sqlite';
import { migrate } from '../../services/storage/migrations.ts';

/**
 * Builders for databases as each earlier schema version left them, with data written in that
 * version's shape (plain SQL, as that version's app would have). Committed as code, not binary
 * files, so a reviewer can read what each fixture holds.
 */

/** An empty database in memory, to build or migrate. */
export function memoryDatabase(): DatabaseSync {
  return new DatabaseSync(':memory:');
}

export const fixtureEvent = {
  id: '01955b40-0000-7000-8000-000000000001',
  card: 'fact-forward:F001',
  undo: '01955b40-0000-7000-8000-000000000002',
} as const;

/** v1: a rating, its undo, a card state, a setting and the device id. */
export function buildV1(db: DatabaseSync): void {
  migrate(db, 1);
  db.exec(`
    INSERT INTO meta (key, value) VALUES ('device_id', 'device-v1');
    INSERT INTO review_event (id, device_id, card_id, kind, source, rating, undoes, occurred_at,
      study_day, duration_ms, desired_retention, fuzz, phase_before, phase_after, due_after,
      stability_after, difficulty_after, recorded_at)
    VALUES
      ('${fixtureEvent.id}', 'device-v1', '${fixtureEvent.card}', 'rating', 'review', 'good', NULL,
       1741000000000, '2025-03-03', 4200, 0.9, 0, 'new', 'learning', 1741000600000, 2.3065,
       2.118, 1741000000000),
      ('${fixtureEvent.undo}', 'device-v1', '${fixtureEvent.card}', 'undo', 'review', NULL,
       '${fixtureEvent.id}', 1741000005000, '2025-03-03', 0, 0.9, 0, 'learning', 'new',
       1741000000000, 0, 0, 1741000005000);
    INSERT INTO card_state (card_id, phase, due, stability, difficulty, elapsed_days,
      scheduled_days, learning_steps, reps, lapses, last_review, introduced_day, last_event_id)
    VALUES ('${fixtureEvent.card}', 'new', 1741000000000, 0, 0, 0, 0, 0, 0, 0, NULL, NULL,
      '${fixtureEvent.undo}');
    INSERT INTO setting (key, value, updated_at) VALUES ('desiredRetention', '0.85', 1741000000000);
  `);
}

export const fixtureQuiz = {
  session: '01955b40-0000-7000-8000-000000000010',
  answer: '01955b40-0000-7000-8000-000000000011',
  event: '01955b40-0000-7000-8000-000000000012',
} as const;

/** v2: v1 plus a finished quiz session, an answer, and a quiz-informed lapse event. */
export function buildV2(db: DatabaseSync): void {
  buildV1(db);
  migrate(db, 2);
  db.exec(`
    INSERT INTO quiz_session (id, device_id, mode, config, started_at, finished_at, score_correct,
      score_total, score_by_topic)
    VALUES ('${fixtureQuiz.session}', 'device-v1', 'practice', '{"length":1}', 1741000100000,
      1741000200000, 0, 1, '[{"topic":"biology","correct":0,"total":1}]');
    INSERT INTO quiz_answer (id, session_id, item_id, kind, fact_ids, topic, correct, response,
      duration_ms, answered_at, study_day)
    VALUES ('${fixtureQuiz.answer}', '${fixtureQuiz.session}', 'mcq:F002', 'mcq', '["F002"]',
      'biology', 0, '{"choice":1}', 5000, 1741000150000, '2025-03-03');
    INSERT INTO review_event (id, device_id, card_id, kind, source, rating, undoes, occurred_at,
      study_day, duration_ms, desired_retention, fuzz, phase_before, phase_after, due_after,
      stability_after, difficulty_after, recorded_at, quiz_answer_id)
    VALUES ('${fixtureQuiz.event}', 'device-v1', 'fact-forward:F002', 'rating', 'quiz', 'again',
      NULL, 1741000150000, '2025-03-03', 0, 0.9, 0, 'review', 'relearning', 1741000750000, 1.2,
      6.1, 1741000150000, '${fixtureQuiz.answer}');
  `);
}

export const fixtureStudy = {
  session: '01955b40-0000-7000-8000-000000000020',
  event: '01955b40-0000-7000-8000-000000000021',
  reviewCard: 'fact-forward:F003',
} as const;

/**
 * v3: v2 plus a study session, a review answer in it, and that card's state in the review phase
 * (with the recall inputs a later index covers).
 */
export function buildV3(db: DatabaseSync): void {
  buildV2(db);
  migrate(db, 3);
  db.exec(`
    INSERT INTO study_session (id, device_id, started_at, last_activity_at, card_count,
      duration_ms)
    VALUES ('${fixtureStudy.session}', 'device-v1', 1741100000000, 1741100004000, 1, 4000);
    INSERT INTO review_event (id, device_id, card_id, kind, source, rating, undoes, occurred_at,
      study_day, duration_ms, desired_retention, fuzz, phase_before, phase_after, due_after,
      stability_after, difficulty_after, recorded_at, quiz_answer_id, study_session_id)
    VALUES ('${fixtureStudy.event}', 'device-v1', '${fixtureStudy.reviewCard}', 'rating', 'review',
      'good', NULL, 1741100000000, '2025-03-04', 4000, 0.9, 0, 'learning', 'review',
      1741359200000, 3.1, 4.9, 1741100000000, NULL, '${fixtureStudy.session}');
    INSERT INTO card_state (card_id, phase, due, stability, difficulty, elapsed_days,
      scheduled_days, learning_steps, reps, lapses, last_review, introduced_day, last_event_id)
    VALUES ('${fixtureStudy.reviewCard}', 'review', 1741359200000, 3.1, 4.9, 0, 3, 0, 3, 0,
      1741100000000, '2025-03-04', '${fixtureStudy.event}');
  `);
}

/** Every earlier version's builder, by version. */
export const fixtureBuilders: Readonly<Record<number, (db: DatabaseSync) => void>> = {
  1: buildV1,
  2: buildV2,
  3: buildV3,
};
