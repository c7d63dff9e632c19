import { num, text } from '../storage/sqlite.ts';
import type { Storage } from '../storage/storage.ts';

/**
 * This device's sync bookkeeping (tables of migration v6), kept in the progress database so that
 * it travels with the data it describes: a restored backup or a reset database reads the folder
 * again from where its own state says, and merging by id makes reading twice harmless.
 */

/** How far a device's file has been read: whole lines up to `readBytes`. */
export interface FileProgress {
  readonly readBytes: number;
  readonly readLines: number;
  /** Checksums of the start and end of the read part, to notice a file that was replaced. */
  readonly prefixCheck: string;
}

/** The append-only tables whose own rows are sent by rowid, each after its mark. */
export const markedKinds = ['event', 'quizAnswer', 'report'] as const;
export type MarkedKind = (typeof markedKinds)[number];

const sql = {
  config: `SELECT value FROM sync_config WHERE key = ?`,
  putConfig: `INSERT INTO sync_config (key, value) VALUES (?, ?)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  file: `SELECT read_bytes, read_lines, prefix_check FROM sync_file WHERE name = ?`,
  putFile: `INSERT INTO sync_file (name, read_bytes, read_lines, prefix_check) VALUES (?, ?, ?, ?)
    ON CONFLICT (name) DO UPDATE SET read_bytes = excluded.read_bytes,
      read_lines = excluded.read_lines, prefix_check = excluded.prefix_check`,
  forgetFiles: `DELETE FROM sync_file`,
  sent: `SELECT digest FROM sync_sent WHERE kind = ? AND id = ?`,
  putSent: `INSERT INTO sync_sent (kind, id, digest) VALUES (?, ?, ?)
    ON CONFLICT (kind, id) DO UPDATE SET digest = excluded.digest`,
  forgetSent: `DELETE FROM sync_sent`,
} as const;

export function syncConfig(storage: Storage, key: string): string | undefined {
  const value = storage.statement(sql.config).get(key)?.value;
  return typeof value === 'string' ? value : undefined;
}

export function putSyncConfig(storage: Storage, key: string, value: string): void {
  storage.statement(sql.putConfig).run(key, value);
}

export function fileProgress(storage: Storage, name: string): FileProgress | undefined {
  const row = storage.statement(sql.file).get(name);
  if (!row) return undefined;
  return {
    readBytes: num(row, 'read_bytes'),
    readLines: num(row, 'read_lines'),
    prefixCheck: text(row, 'prefix_check'),
  };
}

export function putFileProgress(storage: Storage, name: string, progress: FileProgress): void {
  storage
    .statement(sql.putFile)
    .run(name, progress.readBytes, progress.readLines, progress.prefixCheck);
}

/** The highest rowid of `kind` known to be in this device's own file. */
export function sentMark(storage: Storage, kind: MarkedKind): number {
  return Number(syncConfig(storage, `sent-mark:${kind}`) ?? 0);
}

export function putSentMark(storage: Storage, kind: MarkedKind, rowid: number): void {
  putSyncConfig(storage, `sent-mark:${kind}`, String(rowid));
}

/** What the folder last holds of a record that changes (a session, a setting). */
export function sentDigest(storage: Storage, kind: string, id: string): string | undefined {
  const value = storage.statement(sql.sent).get(kind, id)?.digest;
  return typeof value === 'string' ? value : undefined;
}

export function putSentDigest(storage: Storage, kind: string, id: string, digest: string): void {
  storage.statement(sql.putSent).run(kind, id, digest);
}

/** A new folder: nothing of it has been read, nothing sent to it. */
export function forgetFolderState(storage: Storage): void {
  storage.statement(sql.forgetFiles).run();
  storage.statement(sql.forgetSent).run();
  for (const kind of markedKinds) putSentMark(storage, kind, 0);
}
