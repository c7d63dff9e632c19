import { loadavg } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { configure } from '../services/storage/database-checks.ts';
import { migrate } from '../services/storage/migrations.ts';
import { eventSql, eventValues } from '../services/storage/review-events.ts';
import { withTempDir } from '../test/support/temp-dir.ts';
import { report, round, type Results } from './lib.ts';
import { benchEvent, deviceIdOf, devices, eventsPerDevice } from './sync.ts';

/**
 * What SQLite alone takes to store the million events of the sync merge (bench/sync.ts, target
 * 5 s) on this machine: the rows only, already in memory, with no file read, no line checked and
 * no card replayed, into the latest schema's event log in transactions of the merge's batch size,
 * as the merge writes them (WAL, NORMAL, its cache and checkpoint interval, CHECKs skipped). Three
 * ways: into the log with its indexes, with its indexes built once after the rows, and with its
 * primary key alone. A floor for the merge target, not a target of its own.
 */
const events = devices * eventsPerDevice;
const batch = 20_000;

export async function measureSyncFloor(): Promise<Results> {
  const withIndexes = await timedFill('with-indexes');
  const indexesAfter = await timedFill('indexes-after');
  const keyOnly = await timedFill('key-only');
  const load = loadavg()[0]?.toFixed(1) ?? '?';
  const metric = (fill: Timed, what: string) =>
    report(
      round(fill.ms / 1000),
      's',
      `${events / 1e6}M rows of the event log, ${what}, in transactions of ${batch / 1000}k; ` +
        `CPU ${round(fill.cpuMs / 1000)} s; load ${load}: SQLite's share alone of the 5 s merge ` +
        `target (sync.merge1MEventsFrom5Devices)`,
    );
  return {
    'sync.floorInsert1MWithIndexes': metric(withIndexes, 'its indexes kept'),
    'sync.floorInsert1MIndexesAfter': metric(indexesAfter, 'its indexes built once after the rows'),
    'sync.floorInsert1MKeyOnly': metric(keyOnly, 'its primary key only'),
  };
}

type Fill = 'with-indexes' | 'indexes-after' | 'key-only';

interface Timed {
  readonly ms: number;
  readonly cpuMs: number;
}

async function timedFill(fill: Fill): Promise<Timed> {
  return withTempDir('bench-sync-floor', (dir) => {
    const db = new DatabaseSync(path.join(dir, 'floor.sqlite'));
    try {
      configure(db);
      migrate(db);
      db.exec('PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144;');
      db.exec('PRAGMA wal_autocheckpoint = 16384; PRAGMA ignore_check_constraints = ON;');
      const indexes = db
        .prepare(
          `SELECT name, sql FROM sqlite_schema
            WHERE type = 'index' AND tbl_name = 'review_event' AND sql IS NOT NULL`,
        )
        .all()
        .map((row) => ({ name: String(row.name), sql: String(row.sql) }));
      if (fill !== 'with-indexes') for (const { name } of indexes) db.exec(`DROP INDEX ${name}`);
      // The very rows the sync bench merges, device by device as it reads their files.
      const rows = Array.from({ length: devices }, (_, d) =>
        Array.from({ length: eventsPerDevice }, (_, i) =>
          eventValues(benchEvent(deviceIdOf(d), d, i)),
        ),
      ).flat();
      const insert = db.prepare(eventSql.insert);
      const started = performance.now();
      const cpu = process.cpuUsage();
      for (let from = 0; from < events; from += batch) {
        db.exec('BEGIN');
        for (let i = from; i < from + batch; i += 1) insert.run(...(rows[i] ?? []));
        db.exec('COMMIT');
      }
      if (fill === 'indexes-after') for (const { sql } of indexes) db.exec(sql);
      db.prepare('PRAGMA wal_checkpoint(PASSIVE)').get();
      const used = process.cpuUsage(cpu);
      return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
    } finally {
      db.close();
    }
  });
}
