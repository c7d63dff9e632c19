import { closeSync, openSync, writeSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';

/**
 * Overwrites the event log's root page: a page the integrity check reads (a fixed page number can
 * fall on a page a migration freed, which the check does not read).
 */
export function damagePageInUse(file: string): void {
  const db = new DatabaseSync(file, { readOnly: true });
  const root = db.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'review_event'`).get();
  const pageSize = db.prepare('PRAGMA page_size').get()?.page_size;
  db.close();
  if (typeof root?.rootpage !== 'number' || typeof pageSize !== 'number') {
    throw new Error('no event log in the test database');
  }
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (root.rootpage - 1) * pageSize);
  closeSync(fd);
}
