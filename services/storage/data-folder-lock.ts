import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { ContractError } from '../../shared/contract/errors.ts';
import { sqliteCode, sqliteCodes } from './sqlite.ts';

/**
 * One Pathwise per data folder, Electron or preview: the first to start holds an OS file lock on
 * `<data>/pathwise.lock` for its whole life, and any other process that tries to start on the
 * same folder is refused before it reads or writes anything.
 *
 * The lock is SQLite's: a connection in exclusive locking mode that has begun an exclusive
 * transaction keeps its lock (fcntl on POSIX, LockFileEx on Windows) until it closes. The OS drops
 * such a lock when its process dies, so a SIGKILL or a power cut leaves only the harmless file,
 * never a stale lock; no pid file to guess about. The lock lives in a file of its own, not in
 * pathwise.sqlite, because reset and restore replace the database file while the lock must hold.
 *
 * POSIX drops every fcntl lock a process holds on a file when that process closes ANY descriptor
 * of it: nothing in this process may ever open pathwise.lock except through this class.
 */

export const lockFileName = 'pathwise.lock';

/** Another process holds the folder: the app must not start on it. */
export class DataFolderInUseError extends Error {
  readonly dataDir: string;
  constructor(dataDir: string) {
    super(
      `The data folder ${dataDir} is already in use by another Pathwise (an app window or a ` +
        `preview). Close that one first, or start this one on another folder ` +
        `(npm run preview -- --data-dir <folder>). Nothing was changed.`,
    );
    this.name = 'DataFolderInUseError';
    this.dataDir = dataDir;
  }
}

export class DataFolderLock {
  readonly dataDir: string;
  readonly file: string;
  #db: DatabaseSync | undefined;
  #identity: { dev: number; ino: number } | undefined;
  /** Why the folder could not be locked (it cannot be written), when it could not. */
  readonly unlockedReason: string | undefined;

  private constructor(dataDir: string, db: DatabaseSync | undefined, unlockedReason?: string) {
    this.dataDir = dataDir;
    this.file = path.join(dataDir, lockFileName);
    this.#db = db;
    this.unlockedReason = unlockedReason;
    if (db) this.#identity = identityOf(this.file);
  }

  /**
   * Takes the folder's lock. Throws DataFolderInUseError when another process holds it. A folder
   * this process cannot write (read-only, no permission) cannot be locked either: the lock then
   * reports `exclusive: false` with the reason, and storage must only read.
   */
  static acquire(dataDir: string): DataFolderLock {
    const file = path.join(dataDir, lockFileName);
    let db: DatabaseSync | undefined;
    try {
      mkdirSync(dataDir, { recursive: true });
      db = new DatabaseSync(file, { timeout: 0 });
      db.exec('PRAGMA locking_mode = EXCLUSIVE');
      // Nothing is ever written to it: no journal file beside it.
      db.exec('PRAGMA journal_mode = MEMORY');
      db.exec('BEGIN EXCLUSIVE');
      db.exec('COMMIT');
      return new DataFolderLock(dataDir, db);
    } catch (error) {
      if (db?.isOpen) db.close();
      const code = sqliteCode(error);
      if (code === sqliteCodes.busy || code === sqliteCodes.locked) {
        throw new DataFolderInUseError(dataDir);
      }
      const detail = error instanceof Error ? error.message : String(error);
      return new DataFolderLock(dataDir, undefined, `${file} cannot be written (${detail})`);
    }
  }

  /** Whether this process holds the folder; when false, nothing may be written to it. */
  get exclusive(): boolean {
    return this.#db !== undefined;
  }

  /**
   * Re-checks, before a wholesale replacement (reset, restore), that the lock is still ours: held,
   * and its file still the one we locked. Someone deleting or replacing pathwise.lock would let a
   * second Pathwise in.
   */
  assertHeld(): void {
    const current = this.#db ? identityOf(this.file) : undefined;
    const held =
      current !== undefined &&
      current.dev === this.#identity?.dev &&
      current.ino === this.#identity.ino;
    if (held) return;
    throw new ContractError(
      'storage-unavailable',
      this.#db
        ? `The lock file ${this.file} was removed or replaced while Pathwise was running, so ` +
            `another Pathwise may be using ${this.dataDir}; nothing was changed. Close every ` +
            `Pathwise window and preview, then start again.`
        : `Pathwise does not hold the data folder ${this.dataDir} (${this.unlockedReason ?? 'released'}); nothing was changed.`,
    );
  }

  release(): void {
    if (this.#db?.isOpen) this.#db.close();
    this.#db = undefined;
  }
}

function identityOf(file: string): { dev: number; ino: number } | undefined {
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats && { dev: stats.dev, ino: stats.ino };
}
