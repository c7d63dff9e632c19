import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { ContractError } from '../../shared/contract/errors.ts';
import type { NoticeBoard } from '../notices.ts';
import { latestSchemaVersion, migrate, schemaVersion } from './migrations.ts';
import { legacyPackId, scopeToPack } from './pack-scope.ts';
import {
  checkBeforeWriting,
  checkTables,
  configure,
  damageOf,
  ensureDeviceId,
  openForReading,
  readDeviceId,
} from './database-checks.ts';
import { classifyOpenFailure as classify, describe, type OpenProblem } from './storage-errors.ts';

/**
 * The learner's progress database: one SQLite file in the data directory.
 *
 * Durability: WAL with `synchronous = FULL`. In WAL mode NORMAL already survives an app crash, but
 * a power cut could lose the last answers; FULL syncs the WAL at every commit. An answer is one
 * small transaction every few seconds, so the extra fsync costs nothing a learner notices, and an
 * answer the UI showed as saved stays saved.
 *
 * Opening never replays the event log: card states are a stored cache. The integrity check
 * (`PRAGMA quick_check`, ~0.75 ms per MB) runs at open for files up to `quickCheckMaxBytes`;
 * a larger file opens at once and is checked a little later (on a job thread where there are job
 * threads: integrity-check.ts), before the daily backup (so a damaged file never rotates good
 * backups away). A damaged file is moved
 * aside (never deleted) and a fresh one started; a file we must not or cannot touch (newer schema,
 * locked) leaves storage unavailable with a notice, and every progress channel answers
 * `storage-unavailable` until the app restarts. A folder this process cannot write (read-only, no
 * permission, or not locked for this process) is opened read-only: progress can be read and
 * exported, and every write answers `storage-unavailable`.
 */

export const databaseFileName = 'pathwise.sqlite';
const sidecars = ['-wal', '-shm'] as const;

export interface StorageOptions {
  readonly dataDir: string;
  readonly notices: NoticeBoard;
  readonly now: () => Date;
  /** How long to wait for a lock held by another connection before giving up. */
  readonly busyTimeoutMs?: number;
  /** Files up to this size are integrity-checked while opening (default 64 MiB, ~50 ms). */
  readonly quickCheckMaxBytes?: number;
  /** The data folder's lock; without it (tests, tools) the caller vouches it is the only writer. */
  readonly lock?: FolderLock;
}

/** What storage needs of the data folder's lock (DataFolderLock). */
export interface FolderLock {
  readonly exclusive: boolean;
  readonly unlockedReason: string | undefined;
  assertHeld(): void;
}

export type StorageStatus =
  | { readonly state: 'ready' }
  | { readonly state: 'read-only'; readonly reason: string }
  | { readonly state: 'unavailable'; readonly reason: string };

export class Storage {
  readonly dataDir: string;
  readonly file: string;
  readonly #options: StorageOptions;
  #db: DatabaseSync | undefined;
  #status: StorageStatus = { state: 'unavailable', reason: 'Storage is not open.' };
  #statements = new Map<string, StatementSync>();
  #deviceId = '';
  #generation = 0;
  #opening = 0;
  /** Whether the open file passed an integrity check (or was created fresh). */
  #verified = false;
  /** The pack whose records per-pack statements read and new records belong to (pack-scope.ts). */
  packId = legacyPackId;

  constructor(options: StorageOptions) {
    this.#options = options;
    this.dataDir = options.dataDir;
    this.file = path.join(options.dataDir, databaseFileName);
  }

  get status(): StorageStatus {
    return this.#status;
  }

  /** Whether progress can be read (ready, or read-only). */
  get available(): boolean {
    return this.#status.state !== 'unavailable';
  }

  /**
   * Throws `storage-unavailable` unless this process may write: the folder's lock still held and
   * the database open for writing. Checked before wholesale changes (reset, restore, import).
   */
  assertWritable(): void {
    this.#options.lock?.assertHeld();
    this.db();
    if (this.#status.state === 'read-only') {
      throw new ContractError('storage-unavailable', this.#status.reason);
    }
  }

  /** Bumped whenever data changes wholesale (import, restore, reset, rebuild): caches reload. */
  get generation(): number {
    return this.#generation;
  }

  markBulkChange(): void {
    this.#generation += 1;
  }

  get deviceId(): string {
    this.db();
    return this.#deviceId;
  }

  /** The open connection; throws `storage-unavailable` (for the learner to read) when there is none. */
  db(): DatabaseSync {
    if (this.#status.state === 'unavailable' || !this.#db) {
      throw new ContractError(
        'storage-unavailable',
        this.#status.state === 'unavailable' ? this.#status.reason : 'Storage is not open.',
      );
    }
    return this.#db;
  }

  /** A prepared statement, cached for the life of the connection. */
  statement(sql: string): StatementSync {
    const db = this.db();
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** Opens the database, recovering from damage; never throws. */
  open(): StorageStatus {
    this.close();
    const { dataDir } = this.#options;
    try {
      mkdirSync(dataDir, { recursive: true });
    } catch (error) {
      return this.#unavailable(
        `The data folder ${dataDir} does not exist and could not be created (${describe(error)}).`,
      );
    }

    const { lock } = this.#options;
    if (lock && !lock.exclusive) {
      return this.#openReadOnly(
        `Pathwise cannot write to ${dataDir}: ${lock.unlockedReason ?? 'it is not locked'}.`,
      );
    }
    const first = this.#tryOpen();
    if (first.ok) return this.#ready(first.db);
    if (first.problem.cannotWrite) return this.#openReadOnly(first.problem.message);
    if (first.problem.kind === 'unavailable') return this.#unavailable(first.problem.message);

    let movedTo: string;
    try {
      movedTo = this.#moveAside();
    } catch (error) {
      return this.#unavailable(
        `The progress database is damaged (${first.problem.message}) and could not be moved ` +
          `aside (${describe(error)}). Nothing was deleted.`,
      );
    }
    const second = this.#tryOpen();
    if (!second.ok) return this.#unavailable(second.problem.message);
    this.#noticeDamage(movedTo, first.problem.message);
    return this.#ready(second.db);
  }

  /**
   * A second connection, for a job on another thread, to the database this process's storage has
   * already opened and checked: no recovery and no migration (that is the first connection's
   * work); a file at another schema is refused. Throws when it cannot be opened.
   */
  attach(): StorageStatus {
    this.close();
    const db = new DatabaseSync(this.file, {
      timeout: this.#options.busyTimeoutMs ?? 3000,
      enableForeignKeyConstraints: true,
      defensive: true,
    });
    try {
      configure(db);
      const version = schemaVersion(db);
      if (version !== latestSchemaVersion) {
        throw new Error(`the database is at schema ${version}, expected ${latestSchemaVersion}`);
      }
      checkTables(db);
    } catch (error) {
      db.close();
      throw error;
    }
    return this.#ready(db);
  }

  /** Whether the open file still awaits the integrity check its size made the open skip. */
  get unverified(): boolean {
    return !this.#verified && this.#db !== undefined && this.#status.state === 'ready';
  }

  /** Which opening of the file the connection belongs to: each open, or replaced file, counts. */
  get opening(): number {
    return this.#opening;
  }

  /**
   * Runs here the integrity check the open skipped (large files), then settles it (below). The
   * service host runs the check on a job thread instead (integrity-check.ts).
   */
  verifyIntegrity(): 'ok' | 'recovered' | 'skipped' {
    if (!this.#db || !this.unverified) return 'skipped';
    return this.settleIntegrity(this.#opening, damageOf(this.#db, this.file));
  }

  /**
   * Takes the outcome of the deferred integrity check of opening `opening`: none (`problem`
   * undefined) marks the file verified; damage is handled as at start: the file is moved aside
   * with its WAL, a fresh one started, a notice raised. Skipped when the file was replaced since.
   */
  settleIntegrity(opening: number, problem: string | undefined): 'ok' | 'recovered' | 'skipped' {
    if (opening !== this.#opening || !this.unverified) return 'skipped';
    if (!problem) {
      this.#verified = true;
      return 'ok';
    }
    let movedTo = '';
    this.replaceFile(() => {
      movedTo = this.#moveAside();
    });
    this.#noticeDamage(movedTo, problem);
    return 'recovered';
  }

  #noticeDamage(movedTo: string, reason: string): void {
    this.#options.notices.add({
      source: 'storage',
      severity: 'error',
      title: 'Your progress database was damaged',
      message:
        `It could not be read, so it was moved aside as ${path.basename(movedTo)} (nothing ` +
        `was deleted) and a fresh one was started. You can restore the newest backup.`,
      details: [reason],
      action: 'restore-latest-backup',
    });
  }

  close(): void {
    this.#statements.clear();
    if (this.#db?.isOpen) this.#db.close();
    this.#db = undefined;
    this.#status = { state: 'unavailable', reason: 'Storage is closed.' };
  }

  /** Closes, runs `fn` on the closed file (replace it, move it), and opens again. */
  replaceFile(fn: () => void): StorageStatus {
    this.#options.lock?.assertHeld();
    this.close();
    try {
      fn();
    } finally {
      this.open();
      this.markBulkChange();
    }
    return this.#status;
  }

  #ready(db: DatabaseSync): StorageStatus {
    scopeToPack(db, () => this.packId);
    this.#db = db;
    this.#opening += 1;
    this.#status = { state: 'ready' };
    this.#deviceId = ensureDeviceId(db);
    this.#generation += 1;
    return this.#status;
  }

  /**
   * A database this process may not write is still the learner's progress: open it read-only, so
   * it can be looked at and exported. Only a file at the current schema (no migration can run).
   */
  #openReadOnly(reason: string): StorageStatus {
    if (!existsSync(this.file)) return this.#unavailable(reason);
    try {
      const db = openForReading(this.file, this.#options.busyTimeoutMs ?? 3000);
      scopeToPack(db, () => this.packId);
      this.#db = db;
      this.#opening += 1;
      this.#deviceId = readDeviceId(db);
    } catch (error) {
      return this.#unavailable(`${reason} It could not be read either (${describe(error)}).`);
    }
    const full = `${reason} Your progress can still be read and exported, but nothing new is saved until the folder is writable again.`;
    this.#status = { state: 'read-only', reason: full };
    this.#generation += 1;
    this.#options.notices.add({
      source: 'storage',
      severity: 'error',
      title: 'Progress cannot be saved',
      message: full,
    });
    return this.#status;
  }

  #unavailable(reason: string): StorageStatus {
    this.#status = { state: 'unavailable', reason };
    this.#options.notices.add({
      source: 'storage',
      severity: 'error',
      title: 'Progress cannot be saved',
      message: reason,
    });
    return this.#status;
  }

  #tryOpen(): { ok: true; db: DatabaseSync } | { ok: false; problem: OpenProblem } {
    const sidecarsBefore = sidecars.filter((suffix) => existsSync(this.file + suffix));
    const inspected = this.#inspect();
    if (inspected) {
      // A read-only connection may have created a -shm index; leave the folder as we found it.
      for (const suffix of sidecars) {
        if (!sidecarsBefore.includes(suffix) && existsSync(this.file + suffix)) {
          rmSync(this.file + suffix, { force: true });
        }
      }
      return { ok: false, problem: inspected };
    }
    let db: DatabaseSync | undefined;
    try {
      db = new DatabaseSync(this.file, {
        timeout: this.#options.busyTimeoutMs ?? 3000,
        enableForeignKeyConstraints: true,
        defensive: true,
      });
      configure(db);
      migrate(db);
      checkTables(db);
      return { ok: true, db };
    } catch (error) {
      if (db?.isOpen) db.close();
      return { ok: false, problem: classify(error, this.file) };
    }
  }

  /**
   * Checks an existing file through a read-only connection, which never checkpoints or deletes
   * the WAL: a damaged or refused database and its WAL stay byte for byte as they were.
   */
  #inspect(): OpenProblem | undefined {
    const size = existsSync(this.file) ? statSync(this.file).size : 0;
    const quickCheck = size <= (this.#options.quickCheckMaxBytes ?? defaultQuickCheckMaxBytes);
    this.#verified = quickCheck;
    if (size === 0) return undefined;
    let db: DatabaseSync | undefined;
    try {
      db = new DatabaseSync(this.file, {
        readOnly: true,
        timeout: this.#options.busyTimeoutMs ?? 3000,
      });
      checkBeforeWriting(db, quickCheck);
      return undefined;
    } catch (error) {
      return classify(error, this.file);
    } finally {
      if (db?.isOpen) db.close();
    }
  }

  /** Renames the damaged file and its WAL/SHM to `<name>.corrupt-<time>`; returns the new name. */
  #moveAside(): string {
    const stamp = this.#options.now().toISOString().replace(/[:.]/g, '-');
    let target = `${this.file}.corrupt-${stamp}`;
    for (let n = 2; existsSync(target); n++) target = `${this.file}.corrupt-${stamp}-${n}`;
    if (existsSync(this.file)) renameSync(this.file, target);
    for (const suffix of sidecars) {
      if (existsSync(this.file + suffix)) renameSync(this.file + suffix, target + suffix);
    }
    return target;
  }
}

export const defaultQuickCheckMaxBytes = 64 * 1024 * 1024;
