import { existsSync, statSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { pathToFileURL } from 'node:url';
import { v4 as uuidv4 } from 'uuid';
import {
  expectedTables,
  latestSchemaVersion,
  SchemaTooNewError,
  schemaVersion,
} from './migrations.ts';
import { classifyOpenFailure, DamagedDatabaseError, describe } from './storage-errors.ts';

/** The checks and settings every connection to the progress database goes through. */

/** Reads only: a file we must refuse (newer schema) or cannot trust must not be changed. */
export function checkBeforeWriting(db: DatabaseSync, quickCheck: boolean): void {
  const version = schemaVersion(db);
  if (version > latestSchemaVersion) throw new SchemaTooNewError(version);
  // Reading the schema catches a damaged first page even when the full check waits.
  db.prepare('SELECT COUNT(*) FROM sqlite_schema').get();
  if (quickCheck) {
    const problem = integrityProblem(db);
    if (problem) throw new DamagedDatabaseError(problem);
  }
}

export function integrityProblem(db: DatabaseSync): string | undefined {
  const rows = db.prepare('PRAGMA quick_check').all();
  const problems = rows.map((row) => String(row.quick_check)).filter((line) => line !== 'ok');
  return problems.length > 0
    ? `integrity check failed: ${problems.slice(0, 3).join('; ')}`
    : undefined;
}

/**
 * What the integrity check finds wrong with `file` through `db`, or undefined when nothing; a
 * failure that is not damage (a lock, a full disk) is thrown.
 */
export function damageOf(db: DatabaseSync, file: string): string | undefined {
  try {
    return integrityProblem(db);
  } catch (error) {
    if (classifyOpenFailure(error, file).kind !== 'corrupt') throw error;
    return describe(error);
  }
}

const walLimitBytes = 4 * 1024 * 1024;

export function configure(db: DatabaseSync): void {
  const mode = db.prepare('PRAGMA journal_mode = WAL').get()?.journal_mode;
  if (mode !== 'wal') throw new Error(`could not switch to WAL (journal mode is ${String(mode)})`);
  db.exec('PRAGMA synchronous = FULL');
  // A WAL that a large write (a sync merge) grew is cut back to SQLite's checkpoint size when a
  // write restarts it, instead of keeping its largest size on disk.
  db.exec(`PRAGMA journal_size_limit = ${walLimitBytes}`);
  db.exec('PRAGMA foreign_keys = ON');
  // Take the write lock once now, so a file another program holds fails here, at start.
  db.exec('BEGIN IMMEDIATE');
  db.exec('ROLLBACK');
}

export function checkTables(db: DatabaseSync): void {
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

export function ensureDeviceId(db: DatabaseSync): string {
  db.prepare(`INSERT OR IGNORE INTO meta (key, value) VALUES ('device_id', ?)`).run(uuidv4());
  const value = db.prepare(`SELECT value FROM meta WHERE key = 'device_id'`).get()?.value;
  if (typeof value !== 'string') throw new Error('No device id in meta.');
  return value;
}

/** The device id stored in a database this process only reads ('' when it has none yet). */
export function readDeviceId(db: DatabaseSync): string {
  const value = db.prepare(`SELECT value FROM meta WHERE key = 'device_id'`).get()?.value;
  return typeof value === 'string' ? value : '';
}

/**
 * A read-only connection to a database this process may not write, at the current schema. In a
 * folder it cannot write, SQLite cannot make the WAL index it needs (SQLITE_READONLY_DIRECTORY);
 * then, if no WAL holds unmerged pages, the file is read as immutable, which needs none.
 */
export function openForReading(file: string, timeoutMs: number): DatabaseSync {
  const immutable = pathToFileURL(file);
  immutable.searchParams.set('immutable', '1');
  const wal = `${file}-wal`;
  const walEmpty = !existsSync(wal) || statSync(wal).size === 0;
  let lastError: unknown;
  for (const target of walEmpty ? [file, immutable] : [file]) {
    let db: DatabaseSync | undefined;
    try {
      db = new DatabaseSync(target, { readOnly: true, timeout: timeoutMs });
      const version = schemaVersion(db);
      if (version !== latestSchemaVersion) {
        throw new Error(`it is at schema ${version}, this Pathwise reads ${latestSchemaVersion}`);
      }
      checkTables(db);
      return db;
    } catch (error) {
      if (db?.isOpen) db.close();
      lastError = error;
    }
  }
  throw lastError;
}
