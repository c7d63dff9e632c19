import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { v4 as uuidv4 } from 'uuid';
import { ContractError } from '../../shared/contract/errors.ts';
import type { NoticeBoard } from '../notices.ts';
import {
  SchemaTooNewError,
  expectedTables,
  latestSchemaVersion,
  migrate,
  schemaVersion,
} from './migrations.ts';
import { sqliteCode, sqliteCodes } from './sqlite.ts';

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
 * a larger file opens at once and is checked by `verifyIntegrity()` a little later, before the
 * daily backup (so a damaged file never rotates good backups away). A damaged file is moved
 * aside (never deleted) and a fresh one started; a file we must not or cannot touch (newer schema,
 * locked, read-only) leaves storage unavailable with a notice, and every progress channel answers
 * `storage-unavailable` until the app restarts.
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
}

export type StorageStatus =
  { readonly state: 'ready' } | { readonly state: 'unavailable'; readonly reason: string };

export class Storage {
  readonly dataDir: string;
  readonly file: string;
  readonly #options: StorageOptions;
  #db: DatabaseSync | undefined;
  #status: StorageStatus = { state: 'unavailable', reason: 'Storage is not open.' };
  #statements = new Map<string, StatementSync>();
  #deviceId = '';
  #generation = 0;
  /** Whether the open file passed an integrity check (or was created fresh). */
  #verified = false;

  constructor(options: StorageOptions) {
    this.#options = options;
    this.dataDir = options.dataDir;
    this.file = path.join(options.dataDir, databaseFileName);
  }

  get status(): StorageStatus {
    return this.#status;
  }

  get available(): boolean {
    return this.#status.state === 'ready';
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

    const first = this.#tryOpen();
    if (first.ok) return this.#ready(first.db);
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
   * Runs the integrity check the open skipped (large files). A damaged database is then handled
   * as at start: moved aside with its WAL, a fresh one started, a notice raised.
   */
  verifyIntegrity(): 'ok' | 'recovered' | 'skipped' {
    if (this.#verified || !this.#db || this.#status.state !== 'ready') return 'skipped';
    let problem: string | undefined;
    try {
      problem = integrityProblem(this.#db);
    } catch (error) {
      if (classify(error, this.file).kind !== 'corrupt') throw error;
      problem = describe(error);
    }
    if (!problem) {
      this.#verified = true;
      return 'ok';
    }
    const damage = problem;
    let movedTo = '';
    this.replaceFile(() => {
      movedTo = this.#moveAside();
    });
    this.#noticeDamage(movedTo, damage);
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
    this.#db = db;
    this.#status = { state: 'ready' };
    this.#deviceId = ensureDeviceId(db);
    this.#generation += 1;
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

type OpenProblem = { kind: 'corrupt' | 'unavailable'; message: string };

class DamagedDatabaseError extends Error {}

/** Reads only: a file we must refuse (newer schema) or cannot trust must not be changed. */
function checkBeforeWriting(db: DatabaseSync, quickCheck: boolean): void {
  const version = schemaVersion(db);
  if (version > latestSchemaVersion) throw new SchemaTooNewError(version);
  // Reading the schema catches a damaged first page even when the full check waits.
  db.prepare('SELECT COUNT(*) FROM sqlite_schema').get();
  if (quickCheck) {
    const problem = integrityProblem(db);
    if (problem) throw new DamagedDatabaseError(problem);
  }
}

function integrityProblem(db: DatabaseSync): string | undefined {
  const rows = db.prepare('PRAGMA quick_check').all();
  const problems = rows.map((row) => String(row.quick_check)).filter((line) => line !== 'ok');
  return problems.length > 0
    ? `integrity check failed: ${problems.slice(0, 3).join('; ')}`
    : undefined;
}

export const defaultQuickCheckMaxBytes = 64 * 1024 * 1024;

function configure(db: DatabaseSync): void {
  const mode = db.prepare('PRAGMA journal_mode = WAL').get()?.journal_mode;
  if (mode !== 'wal') throw new Error(`could not switch to WAL (journal mode is ${String(mode)})`);
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  // Take the write lock once now, so a file another program holds fails here, at start.
  db.exec('BEGIN IMMEDIATE');
  db.exec('ROLLBACK');
}

function checkTables(db: DatabaseSync): void {
  const present = new Set(
    db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`)
      .all()
      .map((row) => String(row.name)),
  );
  const missing = expectedTables.filter((table) => !present.has(table));
  if (missing.length > 0) {
    throw new DamagedDatabaseError(
      `tables missing at schema ${latestSchemaVersion}: ${missing.join(', ')}`,
    );
  }
}

function ensureDeviceId(db: DatabaseSync): string {
  db.prepare(`INSERT OR IGNORE INTO meta (key, value) VALUES ('device_id', ?)`).run(uuidv4());
  const value = db.prepare(`SELECT value FROM meta WHERE key = 'device_id'`).get()?.value;
  if (typeof value !== 'string') throw new Error('No device id in meta.');
  return value;
}

function classify(error: unknown, file: string): OpenProblem {
  if (error instanceof SchemaTooNewError) return { kind: 'unavailable', message: error.message };
  if (error instanceof DamagedDatabaseError) return { kind: 'corrupt', message: error.message };
  const code = sqliteCode(error);
  const detail = describe(error);
  switch (code) {
    case sqliteCodes.corrupt:
    case sqliteCodes.notadb:
      return { kind: 'corrupt', message: detail };
    case sqliteCodes.busy:
    case sqliteCodes.locked:
      return {
        kind: 'unavailable',
        message:
          `The progress database ${file} is locked by another program (is Pathwise already ` +
          `open?). Close it and start Pathwise again; nothing was changed (${detail}).`,
      };
    case sqliteCodes.readonly:
    case sqliteCodes.perm:
    case sqliteCodes.cantopen:
      return {
        kind: 'unavailable',
        message:
          `Pathwise cannot write to ${path.dirname(file)} (${detail}). Check that the folder ` +
          `and the file ${path.basename(file)} are writable; nothing was changed.`,
      };
    case sqliteCodes.full:
      return {
        kind: 'unavailable',
        message: `The disk holding ${path.dirname(file)} is full (${detail}). Free some space and start again.`,
      };
    default:
      return {
        kind: 'unavailable',
        message: `The progress database could not be opened: ${detail}.`,
      };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
