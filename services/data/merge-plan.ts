import {
  finishQuizSessionRow,
  insertQuizAnswer,
  insertQuizSession,
  quizAnswerById,
  quizSessionById,
  type QuizAnswerRecord,
  type QuizSessionRecord,
} from '../storage/quiz-rows.ts';
import { cardKey } from '../storage/pack-scope.ts';
import { rebuildCardStates } from '../storage/rebuild.ts';
import {
  eventById,
  eventsByIds,
  eventSql,
  insertEvents,
  type ReviewEvent,
} from '../storage/review-events.ts';
import { putSettingRecord, settingRecord, type SettingRecord } from '../storage/setting-rows.ts';
import { insertReportEvent, type ReportEvent } from '../storage/report-rows.ts';
import { withTransaction } from '../storage/sqlite.ts';
import type { Storage } from '../storage/storage.ts';
import {
  putStudySession,
  studySessionById,
  type StudySessionRecord,
} from '../storage/study-session-rows.ts';
import { compareSettings, reject, same, type Incoming } from './parse-document.ts';
import { planReports } from './report-merge.ts';

/**
 * Merging records by id into the local database, shared by a progress file's import and a sync
 * round (services/sync/): first a plan that checks every incoming record against local data and
 * throws `import-rejected` on any conflict, then one all-or-nothing write of what the plan adds.
 */

export interface RecordCounts {
  events: number;
  quizSessions: number;
  quizAnswers: number;
  studySessions: number;
  settings: number;
  reports: number;
}

/** Counts of no records, to add to. */
export function noRecords(): RecordCounts {
  return { events: 0, quizSessions: 0, quizAnswers: 0, studySessions: 0, settings: 0, reports: 0 };
}

/** What an import will write, decided before anything is written. */
export interface MergePlan {
  readonly events: ReviewEvent[];
  readonly quizSessions: QuizSessionRecord[];
  /** Local sessions the import finishes. */
  readonly finishedSessions: QuizSessionRecord[];
  readonly quizAnswers: QuizAnswerRecord[];
  readonly studySessions: StudySessionRecord[];
  readonly settings: SettingRecord[];
  readonly reports: ReportEvent[];
  readonly alreadyPresent: RecordCounts;
}

const lookupChunk = 5_000;

/** Checks the incoming records against local data; throws `import-rejected` on any conflict. */
export function planMerge(storage: Storage, incoming: Incoming): MergePlan {
  const alreadyPresent = noRecords();

  const quizSessions: QuizSessionRecord[] = [];
  const finishedSessions: QuizSessionRecord[] = [];
  const sessionIds = new Set<string>();
  for (const session of incoming.quizSessions) {
    sessionIds.add(session.id);
    const local = quizSessionById(storage, session.id);
    if (!local) {
      quizSessions.push(session);
      continue;
    }
    const merged = mergeQuizSession(local, session);
    if (merged === 'same') alreadyPresent.quizSessions += 1;
    else finishedSessions.push(merged);
  }

  const quizAnswers: QuizAnswerRecord[] = [];
  const answerIds = new Set<string>();
  for (const answer of incoming.quizAnswers) {
    answerIds.add(answer.id);
    if (!sessionIds.has(answer.sessionId) && !quizSessionById(storage, answer.sessionId)) {
      reject(`Quiz answer ${answer.id} belongs to session ${answer.sessionId}, which is missing.`);
    }
    const local = quizAnswerById(storage, answer.id);
    if (!local) quizAnswers.push(answer);
    else if (same(local, answer)) alreadyPresent.quizAnswers += 1;
    else reject(`Quiz answer ${answer.id} differs from the one already stored with that id.`);
  }

  const studySessions: StudySessionRecord[] = [];
  const studySessionIds = new Set<string>();
  for (const session of incoming.studySessions) {
    studySessionIds.add(session.id);
    const local = studySessionById(storage, session.id);
    if (!local) {
      studySessions.push(session);
    } else if (local.deviceId !== session.deviceId || local.startedAt !== session.startedAt) {
      reject(`Study session ${session.id} differs from the one already stored with that id.`);
    } else if (compareStudySessions(session, local) > 0) {
      studySessions.push(session);
    } else {
      alreadyPresent.studySessions += 1;
    }
  }

  const events: ReviewEvent[] = [];
  const incomingEvents = new Map(incoming.events.map((event) => [event.id, event]));
  const undoTargets = new Map<string, string>();
  let stored = new Map<string, ReviewEvent>();
  for (const [index, event] of incoming.events.entries()) {
    // Stored events are looked up a chunk at a time: one query each, and never a whole file's
    // worth held at once (an import may bring two million).
    if (index % lookupChunk === 0) {
      const chunk = incoming.events.slice(index, index + lookupChunk);
      stored = eventsByIds(
        storage,
        chunk.map((each) => each.id),
      );
    }
    const local = stored.get(event.id);
    if (local) {
      if (!same(local, event)) {
        reject(`Event ${event.id} differs from the one already stored with that id.`);
      }
      alreadyPresent.events += 1;
      continue;
    }
    if (event.quizAnswerId !== null && !answerIds.has(event.quizAnswerId)) {
      if (!quizAnswerById(storage, event.quizAnswerId)) {
        reject(`Event ${event.id} refers to quiz answer ${event.quizAnswerId}, which is missing.`);
      }
    }
    if (event.studySessionId !== null && !studySessionIds.has(event.studySessionId)) {
      if (!studySessionById(storage, event.studySessionId)) {
        reject(
          `Event ${event.id} refers to study session ${event.studySessionId}, which is missing.`,
        );
      }
    }
    if (event.undoes !== null) {
      const target = incomingEvents.get(event.undoes) ?? eventById(storage, event.undoes);
      if (!target) reject(`Undo ${event.id} refers to event ${event.undoes}, which is missing.`);
      if (
        target.kind !== 'rating' ||
        target.cardId !== event.cardId ||
        target.packId !== event.packId
      ) {
        reject(`Undo ${event.id} does not undo a rating of the same card.`);
      }
      if (event.occurredAt < target.occurredAt) {
        reject(`Undo ${event.id} is dated before the rating it undoes.`);
      }
      const other = undoTargets.get(event.undoes);
      if (other !== undefined && other !== event.id) {
        reject(`Event ${event.undoes} is undone twice (${other} and ${event.id}).`);
      }
      undoTargets.set(event.undoes, event.id);
      const localUndo = storage.statement(eventSql.undoOf).get(event.undoes)?.id;
      if (typeof localUndo === 'string' && localUndo !== event.id) {
        reject(`Event ${event.undoes} is already undone here by ${localUndo}.`);
      }
    }
    events.push(event);
  }

  const settings: SettingRecord[] = [];
  for (const setting of incoming.settings) {
    const local = settingRecord(storage, setting.key);
    if (!local || compareSettings(setting, local) > 0) settings.push(setting);
    else alreadyPresent.settings += 1;
  }

  const reports = planReports(storage, incoming.reports, same);
  alreadyPresent.reports = reports.alreadyPresent;

  return {
    events,
    quizSessions,
    finishedSessions,
    quizAnswers,
    studySessions,
    settings,
    reports: reports.added,
    alreadyPresent,
  };
}

/**
 * Writes what `plan` adds in one transaction (a savepoint inside a caller's) and replays the
 * touched cards, unless the caller replays them itself (`replay: false`, after several writes).
 */
export function writeMerge(
  storage: Storage,
  plan: MergePlan,
  options: { readonly replay?: boolean } = {},
): ReadonlySet<string> {
  const touchedCards = new Set(plan.events.map((event) => cardKey(event.packId, event.cardId)));
  withTransaction(storage.db(), () => {
    for (const session of plan.quizSessions) insertQuizSession(storage, session);
    for (const session of plan.finishedSessions) finishQuizSessionRow(storage, session);
    for (const session of plan.studySessions) putStudySession(storage, session);
    for (const answer of plan.quizAnswers) insertQuizAnswer(storage, answer);
    insertEvents(storage, plan.events);
    for (const setting of plan.settings) putSettingRecord(storage, setting);
    for (const report of plan.reports) insertReportEvent(storage, report);
    if (options.replay !== false) rebuildCardStates(storage, touchedCards);
  });
  storage.markBulkChange();
  return touchedCards;
}

/** How many records of each kind `plan` adds (a finished session counts as added). */
export function addedBy(plan: MergePlan): RecordCounts {
  return {
    events: plan.events.length,
    quizSessions: plan.quizSessions.length + plan.finishedSessions.length,
    quizAnswers: plan.quizAnswers.length,
    studySessions: plan.studySessions.length,
    settings: plan.settings.length,
    reports: plan.reports.length,
  };
}

/** Finishing is the only change a quiz session sees; anything else is a conflict. */
function mergeQuizSession(
  local: QuizSessionRecord,
  incoming: QuizSessionRecord,
): 'same' | QuizSessionRecord {
  const fixed = (session: QuizSessionRecord) =>
    JSON.stringify([session.deviceId, session.mode, session.config, session.startedAt]);
  if (fixed(local) !== fixed(incoming)) {
    reject(`Quiz session ${incoming.id} differs from the one already stored with that id.`);
  }
  if (incoming.finishedAt === null) return 'same';
  if (local.finishedAt === null) return incoming;
  if (!same(local, incoming)) {
    reject(`Quiz session ${incoming.id} was finished differently here and in the file.`);
  }
  return 'same';
}

/** Sessions only grow: the later (then longer) one wins, whichever arrives first. */
function compareStudySessions(a: StudySessionRecord, b: StudySessionRecord): number {
  return (
    a.lastActivityAt - b.lastActivityAt || a.cardCount - b.cardCount || a.durationMs - b.durationMs
  );
}
