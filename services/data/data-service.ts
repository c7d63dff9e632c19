import { existsSync, unlinkSync } from 'node:fs';
import type { BackupInfo } from '../../shared/contract/backup.ts';
import { ContractError } from '../../shared/contract/errors.ts';
import type { BackupService } from '../backup/backup-service.ts';
import {
  fromDbQuizAnswer,
  fromDbQuizSession,
  insertQuizAnswer,
  insertQuizSession,
  quizAnswerById,
  quizSessionById,
  quizSql,
  toDbQuizSession,
  type QuizAnswerRecord,
  type QuizSessionRecord,
} from '../storage/quiz-rows.ts';
import { rebuildCardStates } from '../storage/rebuild.ts';
import {
  allEventsByTime,
  eventById,
  eventSql,
  insertEvent,
  type ReviewEvent,
} from '../storage/review-events.ts';
import {
  allSettingRecords,
  putSettingRecord,
  settingRecord,
  type SettingRecord,
} from '../storage/setting-rows.ts';
import { allReportEvents, insertReportEvent, type ReportEvent } from '../storage/report-rows.ts';
import { withTransaction } from '../storage/sqlite.ts';
import type { Storage } from '../storage/storage.ts';
import {
  fromDbStudySession,
  putStudySession,
  studySessionById,
  studySessionSql,
  type StudySessionRecord,
} from '../storage/study-session-rows.ts';
import { compareSettings, parseDocument, reject, same, type Incoming } from './parse-document.ts';
import {
  documentFormat,
  documentVersion,
  eventToDocument,
  quizAnswerToDocument,
  quizSessionToDocument,
  settingToDocument,
  studySessionToDocument,
  type ProgressDocument,
} from './progress-document.ts';
import { checkRecordTimes } from './record-times.ts';
import { planReports, reportToDocument } from './report-merge.ts';

export interface RecordCounts {
  events: number;
  quizSessions: number;
  quizAnswers: number;
  studySessions: number;
  settings: number;
  reports: number;
}

export interface ImportResult {
  readonly added: RecordCounts;
  readonly alreadyPresent: RecordCounts;
  readonly backup: BackupInfo;
}

/** A progress file, named for the day it was made. */
export interface ExportedDocument {
  readonly fileName: string;
  readonly content: string;
  readonly counts: RecordCounts;
}

/** What an import will write, decided before anything is written. */
interface MergePlan {
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

/**
 * Export, import and reset of all progress. Import merges by id: it is idempotent and
 * order-independent, adds what is missing and never drops or rewrites a local event. A document
 * it cannot merge cleanly is rejected as a whole, with the reason, before anything is written.
 */
export class DataService {
  readonly #storage: Storage;
  readonly #backups: BackupService;
  readonly #now: () => Date;
  readonly #appVersion: string;

  constructor(options: {
    readonly storage: Storage;
    readonly backups: BackupService;
    readonly now: () => Date;
    readonly appVersion: string;
  }) {
    this.#storage = options.storage;
    this.#backups = options.backups;
    this.#now = options.now;
    this.#appVersion = options.appVersion;
  }

  exportDocument(): ExportedDocument {
    const storage = this.#storage;
    const document = withTransaction(storage.db(), (): ProgressDocument => ({
      format: documentFormat,
      version: documentVersion,
      exportedAt: this.#now().toISOString(),
      deviceId: storage.deviceId,
      appVersion: this.#appVersion,
      events: Array.from(allEventsByTime(storage), eventToDocument),
      quizSessions: storage
        .statement(quizSql.allSessions)
        .all()
        .map((row) => quizSessionToDocument(fromDbQuizSession(row))),
      quizAnswers: storage
        .statement(quizSql.allAnswers)
        .all()
        .map((row) => quizAnswerToDocument(fromDbQuizAnswer(row))),
      studySessions: storage
        .statement(studySessionSql.all)
        .all()
        .map((row) => studySessionToDocument(fromDbStudySession(row))),
      settings: allSettingRecords(storage).map(settingToDocument),
      reports: allReportEvents(storage).map(reportToDocument),
    }));
    const day = document.exportedAt.slice(0, 10);
    return {
      fileName: `pathwise-progress-${day}.json`,
      content: JSON.stringify(document),
      counts: {
        events: document.events.length,
        quizSessions: document.quizSessions.length,
        quizAnswers: document.quizAnswers.length,
        studySessions: document.studySessions.length,
        settings: document.settings.length,
        reports: document.reports?.length ?? 0,
      },
    };
  }

  importDocument(content: string): ImportResult {
    this.#storage.db();
    const incoming = parseDocument(content);
    const plan = this.#plan(incoming);
    checkRecordTimes(plan, this.#now().getTime());
    const backup = this.#backups.create('before-import');
    const touchedCards = new Set(plan.events.map((event) => event.cardId));
    withTransaction(this.#storage.db(), () => {
      for (const session of plan.quizSessions) insertQuizSession(this.#storage, session);
      for (const session of plan.finishedSessions) {
        this.#storage.statement(quizSql.finishSession).run({
          id: session.id,
          finished_at: session.finishedAt,
          score_correct: session.scoreCorrect,
          score_total: session.scoreTotal,
          score_by_topic: toDbQuizSession(session).score_by_topic,
        });
      }
      for (const session of plan.studySessions) putStudySession(this.#storage, session);
      for (const answer of plan.quizAnswers) insertQuizAnswer(this.#storage, answer);
      for (const event of plan.events) insertEvent(this.#storage, event);
      for (const setting of plan.settings) putSettingRecord(this.#storage, setting);
      for (const report of plan.reports) insertReportEvent(this.#storage, report);
      rebuildCardStates(this.#storage, touchedCards);
    });
    this.#storage.markBulkChange();
    return {
      added: {
        events: plan.events.length,
        quizSessions: plan.quizSessions.length + plan.finishedSessions.length,
        quizAnswers: plan.quizAnswers.length,
        studySessions: plan.studySessions.length,
        settings: plan.settings.length,
        reports: plan.reports.length,
      },
      alreadyPresent: plan.alreadyPresent,
      backup,
    };
  }

  /** Erases all progress after backing it up; settings are kept. */
  reset(): { backup: BackupInfo } {
    this.#storage.assertWritable();
    let backup: BackupInfo;
    try {
      backup = this.#backups.create('before-reset');
    } catch (error) {
      return resetRefused(error);
    }
    return this.eraseBackedUp(backup);
  }

  /**
   * Erases all progress, keeping settings, once `backup` holds every record: call it only after
   * the safety backup was written and with nothing written since.
   */
  eraseBackedUp(backup: BackupInfo): { backup: BackupInfo } {
    const settings = allSettingRecords(this.#storage);
    const file = this.#storage.file;
    const status = this.#storage.replaceFile(() => {
      // Safe to remove: the backup just written holds every record.
      for (const name of [file, `${file}-wal`, `${file}-shm`]) {
        if (existsSync(name)) unlinkSync(name);
      }
    });
    if (status.state !== 'ready') {
      throw new ContractError(
        'storage-unavailable',
        `Progress was backed up (${backup.id}) but a fresh database could not be started: ${status.reason}`,
      );
    }
    withTransaction(this.#storage.db(), () => {
      for (const setting of settings) putSettingRecord(this.#storage, setting);
    });
    return { backup };
  }

  /** Checks the incoming records against local data; throws `import-rejected` on any conflict. */
  #plan(incoming: Incoming): MergePlan {
    const storage = this.#storage;
    const alreadyPresent: RecordCounts = {
      events: 0,
      quizSessions: 0,
      quizAnswers: 0,
      studySessions: 0,
      settings: 0,
      reports: 0,
    };

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
        reject(
          `Quiz answer ${answer.id} belongs to session ${answer.sessionId}, which is missing.`,
        );
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
    for (const event of incoming.events) {
      const local = eventById(storage, event.id);
      if (local) {
        if (!same(local, event)) {
          reject(`Event ${event.id} differs from the one already stored with that id.`);
        }
        alreadyPresent.events += 1;
        continue;
      }
      if (event.quizAnswerId !== null && !answerIds.has(event.quizAnswerId)) {
        if (!quizAnswerById(storage, event.quizAnswerId)) {
          reject(
            `Event ${event.id} refers to quiz answer ${event.quizAnswerId}, which is missing.`,
          );
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
        if (target.kind !== 'rating' || target.cardId !== event.cardId) {
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
}

/** A reset whose safety backup failed has erased nothing; its error says so. */
export function resetRefused(error: unknown): never {
  if (!(error instanceof ContractError)) throw error;
  throw new ContractError(
    error.code,
    `Nothing was erased: the backup a reset makes first failed. ${error.message}`,
  );
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
