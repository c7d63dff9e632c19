import type { DatabaseSync, SQLOutputValue } from 'node:sqlite';

/**
 * Runs `fn` in one transaction: commits when it returns, rolls back when it throws. Synchronous on
 * purpose: a transaction must never span an `await` (another call could interleave its writes), so
 * `fn` may not return a promise; the type refuses one and so does the runtime check. Nested calls
 * become savepoints.
 */
export function withTransaction<T>(
  db: DatabaseSync,
  fn: () => T extends PromiseLike<unknown> ? never : T,
): T {
  const nested = db.isTransaction;
  const savepoint = `sp_${++savepointCounter}`;
  db.exec(nested ? `SAVEPOINT ${savepoint}` : 'BEGIN IMMEDIATE');
  let result: T;
  try {
    result = fn();
    if (isThenable(result)) {
      throw new Error(
        'withTransaction: the function returned a promise; transactions are synchronous.',
      );
    }
  } catch (error) {
    if (nested) {
      db.exec(`ROLLBACK TO ${savepoint}`);
      db.exec(`RELEASE ${savepoint}`);
    } else if (inTransaction(db)) {
      db.exec('ROLLBACK');
    }
    throw error;
  }
  db.exec(nested ? `RELEASE ${savepoint}` : 'COMMIT');
  return result;
}
let savepointCounter = 0;

/** A read TypeScript cannot narrow: the flag changes under it when SQL runs. */
function inTransaction(db: DatabaseSync): boolean {
  return db.isTransaction;
}

function isThenable(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    'then' in value &&
    typeof value.then === 'function'
  );
}

/** SQLite's primary result codes we act on (https://sqlite.org/rescode.html). */
export const sqliteCodes = {
  perm: 3,
  busy: 5,
  locked: 6,
  readonly: 8,
  ioerr: 10,
  corrupt: 11,
  full: 13,
  cantopen: 14,
  notadb: 26,
} as const;

/** The primary SQLite result code of a node:sqlite error, if it is one. */
export function sqliteCode(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('errcode' in error)) return undefined;
  const code = error.errcode;
  return typeof code === 'number' ? code & 0xff : undefined;
}

export type Row = Record<string, SQLOutputValue>;

/** Typed column readers: a row that does not match the schema is a bug or damage, never coerced. */
export function text(row: Row, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw columnError(column, 'text', value);
  return value;
}

export function textOrNull(row: Row, column: string): string | null {
  const value = row[column];
  if (value === null) return null;
  if (typeof value !== 'string') throw columnError(column, 'text or null', value);
  return value;
}

export function num(row: Row, column: string): number {
  const value = row[column];
  if (typeof value !== 'number') throw columnError(column, 'number', value);
  return value;
}

export function numOrNull(row: Row, column: string): number | null {
  const value = row[column];
  if (value === null) return null;
  if (typeof value !== 'number') throw columnError(column, 'number or null', value);
  return value;
}

export function oneOf<const T extends readonly string[]>(
  row: Row,
  column: string,
  values: T,
): T[number] {
  const value = text(row, column);
  if (!(values as readonly string[]).includes(value)) {
    throw new Error(`Column ${column}: unexpected value "${value.slice(0, 40)}".`);
  }
  return value;
}

function columnError(column: string, expected: string, value: unknown): Error {
  return new Error(`Column ${column}: expected ${expected}, found ${typeof value}.`);
}
