import { describe, expect, it } from 'vitest';
import type { DatabaseSync } from 'node:sqlite';
import { droppedEventIndexes } from '../../services/storage/migration-event-indexes.ts';
import {
  SchemaTooNewError,
  expectedTables,
  latestSchemaVersion,
  migrate,
  migrations,
  schemaVersion,
} from '../../services/storage/migrations.ts';
import { withTransaction } from '../../services/storage/sqlite.ts';
import { fixtureBuilders, memoryDatabase as memory } from '../support/schema-fixtures.ts';

// The migrations as a whole: numbered without gaps, STRICT tables, every earlier version upgraded
// keeping its rows and columns, a newer database refused, a failed migration rolled back; and
// withTransaction. What each version adds: migrations-versions.test.ts.
/** Tables → column definitions, indexes → SQL, triggers → SQL: what "additive" is checked against. */
function schemaSnapshot(db: DatabaseSync) {
  const objects = db
    .prepare(
      `SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .all();
  const columns = new Map<string, string>();
  for (const table of objects.filter((o) => o.type === 'table')) {
    for (const column of db
      .prepare(`SELECT * FROM pragma_table_xinfo(?)`)
      .all(String(table.name))) {
      columns.set(
        `${String(table.name)}.${String(column.name)}`,
        JSON.stringify([column.type, column.notnull, column.dflt_value, column.pk]),
      );
    }
  }
  const others = new Map(
    objects
      .filter((o) => o.type !== 'table')
      .map((o) => [`${String(o.type)}:${String(o.name)}`, String(o.sql)]),
  );
  return { columns, others };
}

describe('migrations', () => {
  it('are numbered 1..n without gaps, and the latest lists its tables', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    const db = memory();
    expect(migrate(db)).toEqual(migrations.map((m) => m.version));
    expect(schemaVersion(db)).toBe(latestSchemaVersion);
    const tables = db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`)
      .all()
      .map((r) => r.name);
    for (const table of expectedTables) expect(tables).toContain(table);
    expect(migrate(db)).toEqual([]);
  });

  it('every table is STRICT', () => {
    const db = memory();
    migrate(db);
    const tables = db
      .prepare(
        `SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'`,
      )
      .all();
    expect(tables.length).toBe(expectedTables.length);
    for (const table of tables)
      expect({ name: table.name, strict: table.strict }).toEqual({ name: table.name, strict: 1 });
  });

  it('upgrades a fixture of every earlier version to the latest, keeping every row', () => {
    for (const [version, build] of Object.entries(fixtureBuilders)) {
      const db = memory();
      build(db);
      const before = Object.fromEntries(
        [
          'review_event',
          'card_state',
          'setting',
          'meta',
          'quiz_session',
          'quiz_answer',
          'study_session',
        ]
          .filter((table) => db.prepare(`SELECT 1 FROM sqlite_schema WHERE name = ?`).get(table))
          .map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all()]),
      );
      const applied = migrate(db);
      expect(applied[0]).toBe(Number(version) + 1);
      expect(schemaVersion(db)).toBe(latestSchemaVersion);
      for (const [table, rows] of Object.entries(before)) {
        const after = db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all();
        expect(after.length).toBe(rows.length);
        // Old columns keep their values; new columns are NULL or their default.
        after.forEach((row, i) => expect(row).toMatchObject(rows[i] ?? {}));
      }
    }
  });

  it('each migration keeps every earlier column, trigger and index but the unread ones v12 drops', () => {
    const db = memory();
    let previous = schemaSnapshot(db);
    for (const migration of migrations) {
      migrate(db, migration.version);
      const next = schemaSnapshot(db);
      for (const [column, definition] of previous.columns)
        expect(next.columns.get(column), column).toBe(definition);
      const dropped = migration.version === 12 ? droppedEventIndexes : [];
      for (const [name, sql] of previous.others) {
        const kept = !dropped.some((index) => name === `index:${index}`);
        expect(next.others.get(name), name).toBe(kept ? sql : undefined);
      }
      previous = next;
    }
  });

  it('refuses a database from a newer version and changes nothing', () => {
    const db = memory();
    migrate(db);
    db.exec(`PRAGMA user_version = ${latestSchemaVersion + 1}`);
    const before = schemaSnapshot(db);
    expect(() => migrate(db)).toThrow(SchemaTooNewError);
    expect(() => migrate(db)).toThrow(/newer version of Pathwise/);
    expect(schemaVersion(db)).toBe(latestSchemaVersion + 1);
    expect(schemaSnapshot(db)).toEqual(before);
  });

  it('a migration that fails rolls back completely', () => {
    const db = memory();
    migrate(db, 1);
    db.exec(`CREATE TABLE quiz_answer (x INTEGER) STRICT`); // collides with v2
    expect(() => migrate(db)).toThrow(/already exists/);
    expect(schemaVersion(db)).toBe(1);
    expect(
      db.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'quiz_session'`).get(),
    ).toBeUndefined();
  });
});

describe('withTransaction', () => {
  it('commits, rolls back on throw, nests as savepoints, and refuses promises', () => {
    const db = memory();
    db.exec('CREATE TABLE t (v INTEGER) STRICT');
    const count = () => db.prepare('SELECT COUNT(*) AS n FROM t').get()?.n;
    withTransaction(db, () => db.exec('INSERT INTO t VALUES (1)'));
    expect(count()).toBe(1);
    expect(() =>
      withTransaction(db, () => {
        db.exec('INSERT INTO t VALUES (2)');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(count()).toBe(1);
    withTransaction(db, () => {
      db.exec('INSERT INTO t VALUES (3)');
      expect(() =>
        withTransaction(db, () => {
          db.exec('INSERT INTO t VALUES (4)');
          throw new Error('inner');
        }),
      ).toThrow('inner');
    });
    expect(
      db
        .prepare('SELECT v FROM t ORDER BY v')
        .all()
        .map((r) => r.v),
    ).toEqual([1, 3]);
    const asyncFn = (async () => {}) as unknown as () => never;
    expect(() => withTransaction(db, asyncFn)).toThrow(/synchronous/);
    expect(db.isTransaction).toBe(false);
  });
});
