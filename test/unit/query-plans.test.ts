import { describe, expect, it } from 'vitest';
import { DatabaseSync } from 'node:sqlite';
import { cardStateSql } from '../../services/storage/card-states.ts';
import { migrate } from '../../services/storage/migrations.ts';
import { progressSql } from '../../services/progress/progress-service.ts';
import { quizSql } from '../../services/storage/quiz-rows.ts';
import { eventSql } from '../../services/storage/review-events.ts';
import { legacyPackId, scopeToPack } from '../../services/storage/pack-scope.ts';
import { studySessionSql } from '../../services/storage/study-session-rows.ts';
import { customStudySql } from '../../services/custom-study/custom-study-service.ts';
import { reportSql } from '../../services/storage/report-rows.ts';

/** The latest schema, read in one pack as the services read it. */
function upToDate(): DatabaseSync {
  const db = new DatabaseSync(':memory:');
  migrate(db);
  scopeToPack(db, () => legacyPackId);
  return db;
}

function plan(db: DatabaseSync, sql: string): string {
  return db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all()
    .map((row) => String(row.detail))
    .join(' | ');
}

describe('query plans use the indexes', () => {
  const db = upToDate();
  /**
   * Sorting allowed: the learning cards due now are few (today's learning steps); recall on exam
   * day depends on the exam date, so no index can give that order (the sort holds index columns).
   */
  const smallSorts = new Set<string>([
    cardStateSql.learningDueBy,
    cardStateSql.examReviewsByRisk,
    // Among the catalog's cards: sorted are only those of the pack in use.
    cardStateSql.reviewDueBeforeAmong,
    cardStateSql.learningDueByAmong,
  ]);
  const byKeyAmongIds = /SCAN ids VIRTUAL TABLE.*SEARCH card_state USING PRIMARY KEY/;
  const cases: [string, string, RegExp][] = [
    ['learning due', cardStateSql.learningDueBy, /card_state_by_pack/],
    ['reviews due', cardStateSql.reviewDueBefore, /card_state_by_pack/],
    ['introduced today', cardStateSql.introducedOnDay, /card_state_by_introduced_day/],
    ['card by id', cardStateSql.byId, /PRIMARY KEY/],
    ['events of a card', eventSql.forCard, /review_event_by_pack_card/],
    ['events by card (rebuild)', eventSql.replayAll, /review_event_by_pack_card/],
    ['export order', eventSql.allByTime, /review_event_by_time/],
    [
      'latest undoable',
      eventSql.latestUndoable,
      /review_event_undoable.*review_event_by_undo_target/,
    ],
    ['undo of an event', eventSql.undoOf, /review_event_by_undo_target/],
    [
      'rating count',
      eventSql.reviewCount,
      /COVERING INDEX review_event_by_pack_day.*INDEX review_event_actions_by_pack.*INDEX review_event_undos_by_pack/,
    ],
    ['introduced ids', cardStateSql.introducedIds, /COVERING INDEX card_state_by_pack/],
    ['held out today', cardStateSql.heldOutIds, /card_state_(held|by_pack)/],
    // The queue looks up the catalog's cards by key, never walking other packs' cards.
    ...(
      [
        ['reviews due among ids', cardStateSql.reviewDueBeforeAmong],
        ['learning due among ids', cardStateSql.learningDueByAmong],
        ['review count among ids', cardStateSql.reviewCountDueBeforeAmong],
        ['learning count among ids', cardStateSql.learningCountDueByAmong],
      ] as const
    ).map(([name, sql]): [string, string, RegExp] => [name, sql, byKeyAmongIds]),
    // Either index led by (phase, due) covers it; the planner may take the wider one (v4).
    ['due forecast', progressSql.dueBefore, /COVERING INDEX card_state_by_pack/],
    ['next due', progressSql.nextDue, /card_state_by_pack/],
    [
      'exam-mode review count',
      cardStateSql.examReviewIds,
      /COVERING INDEX (card_state_exam_risk|card_state_by_pack).*COVERING INDEX card_state_exam_risk/,
    ],
    [
      'exam-mode reviews by risk',
      cardStateSql.examReviewsByRisk,
      /COVERING INDEX card_state_exam_risk.*COVERING INDEX card_state_exam_risk/,
    ],
    [
      'reviews today',
      eventSql.reviewsOnDay,
      /review_event_by_pack_day.*review_event_by_undo_target/,
    ],
    ['lapsed today', eventSql.lapsedOnDay, /review_event_by_pack_day/],
    ['event by id', eventSql.byId, /sqlite_autoindex_review_event_1/],
    ['events by ids (a merge batch)', eventSql.byIds, /SEARCH .*sqlite_autoindex_review_event_1/],
    ['replay log of a card', eventSql.replayForCard, /review_event_by_pack_card/],
    [
      'activity on a day',
      progressSql.activeOnDay,
      /review_event_by_pack_day.*quiz_answer_by_pack_day/,
    ],
    ['ratings by day', progressSql.ratingsByDay, /review_event_by_pack_day/],
    ['answers of a session', quizSql.answersForSession, /quiz_answer_by_session/],
    ['finished quizzes', quizSql.finishedSessions, /quiz_session_finished_by_pack/],
    ['latest study session', studySessionSql.latestForDevice, /study_session_by_device_activity/],
  ];
  for (const [name, sql, index] of cases) {
    it(name, () => {
      const detail = plan(db, sql);
      expect(detail).toMatch(index);
      // No full table scans and no sorting in a temporary b-tree: the index gives the order.
      for (const step of detail.split(' | ')) {
        // Lists of ids (a merge batch, the catalog's cards) are the one thing scanned whole.
        const idList = /^SCAN (json_each|ids) VIRTUAL TABLE/.test(step);
        if (step.startsWith('SCAN ') && step !== 'SCAN CONSTANT ROW' && !idList) {
          expect(step).toMatch(/USING (COVERING )?INDEX/);
        }
      }
      if (!smallSorts.has(sql)) expect(detail).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    });
  }
});

describe('the event log is never scanned whole by a query', () => {
  const db = upToDate();
  const tables = {
    cardStateSql,
    progressSql,
    quizSql,
    eventSql,
    studySessionSql,
    customStudySql,
    reportSql,
  };
  /**
   * Inserting a quiz answer or a study session checks the events that point to it, a scan SQLite
   * runs only while such an event waits for its (deferred) parent in the same transaction.
   */
  const parentInserts = new Set<string>([quizSql.insertAnswer, studySessionSql.put]);
  const statements = Object.entries(tables).flatMap(([table, sqls]) =>
    Object.entries(sqls).map(([name, sql]) => [`${table}.${name}`, sql] as const),
  );
  it("reads every statement of the services' SQL tables", () => {
    expect(statements.length).toBeGreaterThan(60);
  });
  for (const [name, sql] of statements) {
    if (parentInserts.has(sql)) continue;
    it(name, () => {
      // The three indexes v12 dropped served no statement: each still searches the log by one.
      expect(plan(db, sql)).not.toMatch(/SCAN (review_event|e|u)( |$)(?!USING)/);
    });
  }
});
