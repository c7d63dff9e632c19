import { createHash } from 'node:crypto';
import { noRecords, type RecordCounts } from '../data/merge-plan.ts';
import { compareSettings } from '../data/parse-document.ts';
import { settingFromDocument, settingToDocument } from '../data/progress-document.ts';
import { fromDbQuizAnswer, fromDbQuizSession } from '../storage/quiz-rows.ts';
import { fromDbReportEvent } from '../storage/report-rows.ts';
import { fromDbReviewEvent } from '../storage/review-events.ts';
import { allSettingRecords, type SettingRecord } from '../storage/setting-rows.ts';
import { num, type Row } from '../storage/sqlite.ts';
import type { Storage } from '../storage/storage.ts';
import { fromDbStudySession } from '../storage/study-session-rows.ts';
import { encodeLine } from './line-format.ts';
import { recordToLine, type SyncRecord } from './sync-records.ts';
import { sentDigest, sentMark, type MarkedKind } from './sync-state.ts';

/**
 * What this device has to append to its own file: its own records not yet there. Append-only
 * tables are read after their mark (the highest rowid known to be in the file); sessions, which
 * change, and settings, which any device may set, are compared with what the folder last holds.
 */
export interface Outgoing {
  readonly lines: string[];
  readonly counts: RecordCounts;
  /** The marks to store once the lines are on disk. */
  readonly marks: Record<MarkedKind, number>;
  /** What the folder holds once the lines are on disk (sessions and settings). */
  readonly digests: readonly { kind: string; id: string; digest: string }[];
}

/**
 * Ids of append-only records found in the own file when it was read from its start (a new or
 * restored database, a lost own file): then everything else of this device's is written again.
 */
export type IdsInFile = ReadonlySet<string>;

const markedSql: Record<MarkedKind, { max: string; own: string }> = {
  event: {
    max: `SELECT COALESCE(MAX(rowid), 0) AS n FROM review_event`,
    own: `SELECT rowid AS row_id, * FROM review_event
      WHERE rowid > ? AND rowid <= ? AND device_id = ? ORDER BY rowid`,
  },
  quizAnswer: {
    max: `SELECT COALESCE(MAX(rowid), 0) AS n FROM quiz_answer`,
    own: `SELECT a.rowid AS row_id, a.* FROM quiz_answer a JOIN quiz_session s ON s.id = a.session_id
      WHERE a.rowid > ? AND a.rowid <= ? AND s.device_id = ? ORDER BY a.rowid`,
  },
  report: {
    max: `SELECT COALESCE(MAX(rowid), 0) AS n FROM report_event`,
    own: `SELECT rowid AS row_id, * FROM report_event
      WHERE rowid > ? AND rowid <= ? AND device_id = ? ORDER BY rowid`,
  },
};

const ownQuizSessions = `SELECT * FROM quiz_session WHERE device_id = ? ORDER BY started_at, id`;
const ownStudySessions = `SELECT * FROM study_session WHERE device_id = ? ORDER BY started_at, id`;

export function collectOutgoing(
  storage: Storage,
  deviceId: string,
  inFile: IdsInFile | undefined,
): Outgoing {
  const fromStart = inFile !== undefined;
  const records: SyncRecord[] = [];
  const digests: { kind: string; id: string; digest: string }[] = [];

  // Sessions first: answers and events refer to them, and a reader checks that they exist.
  for (const row of storage.statement(ownStudySessions).all(deviceId)) {
    changed(
      storage,
      { t: 'studySession', r: fromDbStudySession(row) },
      fromStart,
      records,
      digests,
    );
  }
  for (const row of storage.statement(ownQuizSessions).all(deviceId)) {
    changed(storage, { t: 'quizSession', r: fromDbQuizSession(row) }, fromStart, records, digests);
  }
  const marks = {} as Record<MarkedKind, number>;
  const fromRow: Record<MarkedKind, (row: Row) => Extract<SyncRecord, { t: MarkedKind }>> = {
    quizAnswer: (row) => ({ t: 'quizAnswer', r: fromDbQuizAnswer(row) }),
    event: (row) => ({ t: 'event', r: fromDbReviewEvent(row) }),
    report: (row) => ({ t: 'report', r: fromDbReportEvent(row) }),
  };
  for (const kind of ['quizAnswer', 'event', 'report'] as const) {
    const max = num(storage.statement(markedSql[kind].max).get() ?? {}, 'n');
    const after = inFile ? 0 : sentMark(storage, kind);
    for (const row of storage.statement(markedSql[kind].own).iterate(after, max, deviceId)) {
      const record = fromRow[kind](row);
      if (!inFile?.has(record.r.id)) records.push(record);
    }
    marks[kind] = max;
  }
  for (const setting of allSettingRecords(storage)) {
    const folder = fromStart ? undefined : folderSetting(storage, setting.key);
    if (folder && compareSettings(setting, folder) <= 0) continue;
    records.push({ t: 'setting', r: setting });
    digests.push(settingDigest(setting));
  }

  const counts = noRecords();
  for (const record of records) counts[countKey[record.t]] += 1;
  return {
    lines: records.map((record) => encodeLine(recordToLine(record))),
    counts,
    marks,
    digests,
  };
}

export const countKey = {
  event: 'events',
  quizSession: 'quizSessions',
  quizAnswer: 'quizAnswers',
  studySession: 'studySessions',
  setting: 'settings',
  report: 'reports',
} as const satisfies Record<SyncRecord['t'], keyof RecordCounts>;

function changed(
  storage: Storage,
  record: Extract<SyncRecord, { t: 'studySession' | 'quizSession' }>,
  fromStart: boolean,
  records: SyncRecord[],
  digests: { kind: string; id: string; digest: string }[],
): void {
  const digest = recordDigest(record);
  if (!fromStart && sentDigest(storage, record.t, record.r.id) === digest) return;
  records.push(record);
  digests.push({ kind: record.t, id: record.r.id, digest });
}

/** A session's fingerprint: a new one means it changed since it was written. */
export function recordDigest(record: SyncRecord): string {
  return createHash('sha256')
    .update(JSON.stringify(recordToLine(record)))
    .digest('base64url')
    .slice(0, 22);
}

/** For a setting the folder's latest version itself is kept, to compare times with. */
export function settingDigest(setting: SettingRecord): {
  kind: string;
  id: string;
  digest: string;
} {
  return { kind: 'setting', id: setting.key, digest: JSON.stringify(settingToDocument(setting)) };
}

export function folderSetting(storage: Storage, key: string): SettingRecord | undefined {
  const digest = sentDigest(storage, 'setting', key);
  if (digest === undefined) return undefined;
  return settingFromDocument(JSON.parse(digest) as Parameters<typeof settingFromDocument>[0]);
}
