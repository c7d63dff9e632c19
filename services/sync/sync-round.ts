import { accessSync, constants, openSync, closeSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ContractError } from '../../shared/contract/errors.ts';
import { addedBy, planMerge, writeMerge, type RecordCounts } from '../data/merge-plan.ts';
import { checkOrder, compareSettings } from '../data/parse-document.ts';
import { checkRecordTimes } from '../data/record-times.ts';
import { cardKey } from '../storage/pack-scope.ts';
import { rebuildCardStates } from '../storage/rebuild.ts';
import { toReplayEvent } from '../storage/review-events.ts';
import { withTransaction } from '../storage/sqlite.ts';
import type { Storage } from '../storage/storage.ts';
import { prefixCheck, readDeviceFile, type SyncProblem } from './file-reader.ts';
import { appendOwnLines } from './file-writer.ts';
import { deviceOfSyncFile, syncFileName } from './line-format.ts';
import { collectOutgoing, folderSetting, settingDigest } from './outbox.ts';
import { MergedEvents, replayMerged } from './replay-merged.ts';
import { IncomingBuilder, type SyncRecord } from './sync-records.ts';
import {
  fileProgress,
  forgetFolderState,
  putFileProgress,
  putSentDigest,
  putSentMark,
  putSyncConfig,
  syncConfig,
  type FileProgress,
} from './sync-state.ts';

export type { SyncProblem } from './file-reader.ts';

export interface SyncRoundResult {
  readonly folder: string;
  readonly startedAt: string;
  readonly durationMs: number;
  /** Records this device appended to its own file. */
  readonly sent: RecordCounts;
  /** Records merged from the files of other devices (and from this device's own file). */
  readonly received: RecordCounts;
  readonly filesRead: number;
  readonly linesRead: number;
  readonly problems: readonly SyncProblem[];
}

export interface SyncRoundOptions {
  readonly folder: string;
  readonly now: () => number;
  /** Records merged per transaction (the host's writes wait at most one batch). */
  readonly batchSize?: number;
}

const replayPendingKey = 'replay-pending';

/**
 * One sync round: merge what is new in every device's file (this one's included, which brings
 * back what a restored or reset database lacks), then append this device's new records to its own
 * file. Each batch of a file is merged in one transaction with the progress of its reading; the
 * cards it touched are brought up to date once at the end (replay-merged.ts), and remembered until
 * then, so a crash in between leaves them to the next round instead of a stale card state.
 */
export function runSyncRound(storage: Storage, options: SyncRoundOptions): SyncRoundResult {
  const db = storage.db();
  const cache = db.prepare('PRAGMA cache_size').get()?.cache_size;
  const autoCheckpoint = db.prepare('PRAGMA wal_autocheckpoint').get()?.wal_autocheckpoint;
  // A first merge of a long history inserts into indexes far larger than SQLite's default 2 MB
  // page cache: every insert would read pages back from disk. A bigger cache for the round only.
  db.exec(`PRAGMA cache_size = ${-roundCacheKiB}`);
  // Checkpointing every 4 MB of WAL (SQLite's default) copied the same hot index pages into the
  // database again and again during a large merge, with two fsyncs each time: the round lets the
  // WAL grow further and checkpoints once after it answered (`settleAfterRound`), so the host's
  // next commit never inherits a large checkpoint.
  db.exec(`PRAGMA wal_autocheckpoint = ${roundCheckpointPages}`);
  try {
    return syncRound(storage, options);
  } catch (error) {
    // A round that failed half-way leaves its WAL copied back too, not to the host's next commit.
    try {
      if (!db.isTransaction) db.prepare('PRAGMA wal_checkpoint(PASSIVE)').get();
    } catch {
      // The round's own failure is the one to report.
    }
    throw error;
  } finally {
    db.exec('PRAGMA synchronous = FULL');
    db.exec(`PRAGMA cache_size = ${typeof cache === 'number' ? cache : -2000}`);
    db.exec(
      `PRAGMA wal_autocheckpoint = ${typeof autoCheckpoint === 'number' ? autoCheckpoint : 1000}`,
    );
  }
}

/**
 * Copies what a round wrote from the WAL into the database once the round has answered (its
 * result is durable before that: its last commit is FULL). A round of a thousand events leaves
 * some 1,500 pages there, which cost a quarter of the round; copied here, on the round's thread,
 * they never hold up its answer, and the host's next commit does not inherit them. PASSIVE never
 * waits for the host's connection nor makes it wait; the host's next write then restarts the WAL,
 * cut back to `journal_size_limit` (database-checks.ts). Answers the pages copied back.
 */
export function settleAfterRound(storage: Storage): number {
  const row = storage.db().prepare('PRAGMA wal_checkpoint(PASSIVE)').get();
  return typeof row?.checkpointed === 'number' ? row.checkpointed : 0;
}

const roundCacheKiB = 256 * 1024;
/** Pages of WAL (4 KiB each) a round lets pile up before it checkpoints: 64 MiB. */
const roundCheckpointPages = 16_384;

function syncRound(storage: Storage, options: SyncRoundOptions): SyncRoundResult {
  const started = options.now();
  const folder = path.resolve(options.folder);
  checkFolder(folder);
  storage.assertWritable();
  const db = storage.db();
  // What is merged can be read again from the folder, and is, from the reading progress stored
  // with it: a power cut may lose a merged batch (NORMAL in WAL mode survives a crash of the app)
  // but never what this device alone holds. The round's last commit, what it sent with when it
  // ran, is FULL again, which makes everything before it durable too.
  db.exec('PRAGMA synchronous = NORMAL');
  withTransaction(db, () => {
    if (syncConfig(storage, 'folder') !== folder) {
      forgetFolderState(storage);
      putSyncConfig(storage, 'folder', folder);
    }
  });
  replayPending(storage);

  const deviceId = storage.deviceId;
  const ownName = syncFileName(deviceId);
  const received = emptyCounts();
  const problems: SyncProblem[] = [];
  const mergedEvents = new MergedEvents();
  const filesRead = new Set<string>();
  let linesRead = 0;

  const names = readdirSync(folder)
    .filter((name) => name !== ownName && deviceOfSyncFile(name) !== undefined)
    .sort();
  const ownExists = exists(path.join(folder, ownName));
  const ownStart = ownExists ? fileProgress(storage, ownName) : undefined;
  const inFile = new Set<string>();
  let ownFromStart = ownStart === undefined;
  let ownProblem = false;

  const readOne = (name: string): { merged: boolean; problem?: SyncProblem } => {
    const own = name === ownName;
    let broughtIn = false;
    let batchProblem: SyncProblem | undefined;
    const outcome = readDeviceFile({
      path: path.join(folder, name),
      name,
      deviceId: deviceOfSyncFile(name) ?? '',
      progress: fileProgress(storage, name),
      batchSize: options.batchSize ?? 20_000,
      onBatch: (records, after) => {
        const result = mergeBatch(storage, name, records, after, options.now(), mergedEvents);
        if (typeof result === 'string') {
          batchProblem = { file: name, message: result };
          return false;
        }
        if (own) for (const record of records) noteOwn(record, inFile);
        addCounts(received, result);
        broughtIn ||= result.events + result.quizAnswers + result.reports > 0;
        return true;
      },
    });
    if (own && outcome.restarted) ownFromStart = true;
    filesRead.add(name);
    linesRead += outcome.lines;
    const problem = outcome.problem ?? batchProblem;
    return problem ? { merged: broughtIn, problem } : { merged: broughtIn };
  };

  if (ownExists) {
    const { problem } = readOne(ownName);
    if (problem) {
      ownProblem = true;
      problems.push(problem);
    }
  }
  // A record may rest on one in another device's file (a withdrawal of another device's report):
  // a file refused for that is tried again once others brought something in.
  let pending = names;
  let pendingProblems: SyncProblem[] = [];
  for (let pass = 0; pending.length > 0 && pass < 3; pass += 1) {
    const refused: string[] = [];
    let progress = false;
    pendingProblems = [];
    for (const name of pending) {
      const { merged, problem } = readOne(name);
      progress ||= merged;
      if (problem) {
        refused.push(name);
        pendingProblems.push(problem);
      }
    }
    pending = progress ? refused : [];
  }
  problems.push(...pendingProblems);
  if (!mergedEvents.empty) replayAfterMerge(storage, mergedEvents);

  const sending = ownProblem
    ? undefined
    : send(storage, folder, ownName, deviceId, ownFromStart ? inFile : undefined);
  const result: SyncRoundResult = {
    folder,
    startedAt: new Date(started).toISOString(),
    durationMs: Math.max(0, options.now() - started),
    sent: sending?.counts ?? emptyCounts(),
    received,
    filesRead: filesRead.size,
    linesRead,
    problems,
  };
  // The round's last write is FULL, which makes every commit of the round before it durable too.
  db.exec('PRAGMA synchronous = FULL');
  withTransaction(db, () => {
    sending?.store();
    putSyncConfig(storage, 'last-run', JSON.stringify(result));
  });
  return result;
}

/** The folder must exist, be a folder, and take new files. */
export function checkFolder(folder: string): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new ContractError(
      'not-found',
      `The sync folder ${folder} does not exist (or cannot be reached). Choose it again, or reconnect the drive that holds it.`,
    );
  }
  if (!isFolder) {
    throw new ContractError('not-found', `The sync folder ${folder} is a file, not a folder.`);
  }
  try {
    accessSync(folder, constants.R_OK | constants.W_OK);
  } catch {
    throw new ContractError(
      'storage-unavailable',
      `The sync folder ${folder} cannot be written by Pathwise. Give it write permission, or choose another folder.`,
    );
  }
}

/** Merges one batch of a file; answers what it added, or why the batch was refused. */
function mergeBatch(
  storage: Storage,
  name: string,
  records: readonly SyncRecord[],
  after: FileProgress,
  now: number,
  merged: MergedEvents,
): RecordCounts | string {
  const builder = new IncomingBuilder();
  for (const record of records) {
    const conflict = builder.add(record);
    if (conflict) return `The file is not merged further: ${conflict}.`;
  }
  const incoming = builder.build();
  try {
    checkOrder(incoming);
    return withTransaction(storage.db(), () => {
      const plan = planMerge(storage, incoming);
      checkRecordTimes(plan, now);
      writeMerge(storage, plan, { replay: false });
      // Once every card is to be rebuilt, an event's replay fields are no longer kept.
      for (const event of plan.events) {
        if (merged.whole) break;
        merged.add(cardKey(event.packId, event.cardId), toReplayEvent(event));
      }
      if (plan.events.length > 0) {
        putSyncConfig(storage, replayPendingKey, JSON.stringify(merged.pending()));
      }
      for (const setting of incoming.settings) {
        const folder = folderSetting(storage, setting.key);
        if (!folder || compareSettings(setting, folder) > 0) {
          const digest = settingDigest(setting);
          putSentDigest(storage, digest.kind, digest.id, digest.digest);
        }
      }
      putFileProgress(storage, name, after);
      return addedBy(plan);
    });
  } catch (error) {
    if (error instanceof ContractError && error.code === 'import-rejected') {
      return `The file is not merged further: ${error.message}`;
    }
    throw error;
  }
}

/** Records of this device's own file, read from its start: what need not be written again. */
function noteOwn(record: SyncRecord, inFile: Set<string>): void {
  switch (record.t) {
    case 'event':
    case 'quizAnswer':
    case 'report':
      inFile.add(record.r.id);
      return;
    case 'quizSession':
    case 'studySession':
    case 'setting':
      // Written again whole when the file is read from its start (outbox.ts): few, and a second
      // copy of the same version merges to nothing.
      return;
  }
}

function replayPending(storage: Storage): void {
  const pending = syncConfig(storage, replayPendingKey);
  if (pending === undefined || pending === '[]') return;
  const cards = JSON.parse(pending) as string[] | 'all';
  withTransaction(storage.db(), () => {
    rebuildCardStates(storage, cards === 'all' ? undefined : cards);
    putSyncConfig(storage, replayPendingKey, '[]');
  });
}

function replayAfterMerge(storage: Storage, merged: MergedEvents): void {
  withTransaction(storage.db(), () => {
    replayMerged(storage, merged);
    putSyncConfig(storage, replayPendingKey, '[]');
  });
}

interface Sending {
  readonly counts: RecordCounts;
  /** Stores what the folder now holds, once the lines are on disk (in the round's last write). */
  readonly store: () => void;
}

function send(
  storage: Storage,
  folder: string,
  ownName: string,
  deviceId: string,
  inFile: ReadonlySet<string> | undefined,
): Sending {
  const outgoing = collectOutgoing(storage, deviceId, inFile);
  const storeMarks = () => {
    for (const [kind, mark] of Object.entries(outgoing.marks)) {
      putSentMark(storage, kind as keyof typeof outgoing.marks, mark);
    }
  };
  const file = path.join(folder, ownName);
  const before = exists(file) ? fileProgress(storage, ownName) : undefined;
  // Nothing to send still moves the marks on: the next round would read every row merged since
  // the last one sent again, to find that none is this device's.
  if (outgoing.lines.length === 0 && before) return { counts: outgoing.counts, store: storeMarks };
  const size = appendOwnLines(file, deviceId, outgoing.lines, before?.readBytes ?? 0);
  const fd = openSync(file, 'r');
  let check: string;
  try {
    check = prefixCheck(fd, size);
  } finally {
    closeSync(fd);
  }
  const store = () => {
    storeMarks();
    for (const { kind, id, digest } of outgoing.digests) putSentDigest(storage, kind, id, digest);
    putFileProgress(storage, ownName, {
      readBytes: size,
      readLines: (before?.readLines ?? 0) + outgoing.lines.length + (before ? 0 : 1),
      prefixCheck: check,
    });
  };
  return { counts: outgoing.counts, store };
}

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

export function emptyCounts(): RecordCounts {
  return { events: 0, quizSessions: 0, quizAnswers: 0, studySessions: 0, settings: 0, reports: 0 };
}

function addCounts(total: RecordCounts, more: RecordCounts): void {
  for (const key of Object.keys(total) as (keyof RecordCounts)[]) total[key] += more[key];
}
