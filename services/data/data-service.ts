import { existsSync, unlinkSync } from 'node:fs';
import type { BackupInfo } from '../../shared/contract/backup.ts';
import { ContractError } from '../../shared/contract/errors.ts';
import type { BackupService } from '../backup/backup-service.ts';
import { fromDbQuizAnswer, fromDbQuizSession, quizSql } from '../storage/quiz-rows.ts';
import { allEventsByTime } from '../storage/review-events.ts';
import { allSettingRecords, putSettingRecord } from '../storage/setting-rows.ts';
import { allReportEvents } from '../storage/report-rows.ts';
import { withTransaction } from '../storage/sqlite.ts';
import type { Storage } from '../storage/storage.ts';
import { fromDbStudySession, studySessionSql } from '../storage/study-session-rows.ts';
import { addedBy, planMerge, writeMerge, type RecordCounts } from './merge-plan.ts';
import { parseDocument } from './parse-document.ts';
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
import { reportToDocument } from './report-merge.ts';

export type { RecordCounts } from './merge-plan.ts';

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
    const plan = planMerge(this.#storage, incoming);
    checkRecordTimes(plan, this.#now().getTime());
    const backup = this.#backups.create('before-import');
    writeMerge(this.#storage, plan);
    return {
      added: addedBy(plan),
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
}

/** A reset whose safety backup failed has erased nothing; its error says so. */
export function resetRefused(error: unknown): never {
  if (!(error instanceof ContractError)) throw error;
  throw new ContractError(
    error.code,
    `Nothing was erased: the backup a reset makes first failed. ${error.message}`,
  );
}
