import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { backupIdPattern, backupReasons, type BackupInfo } from '../../shared/contract/backup.ts';
import { ContractError } from '../../shared/contract/errors.ts';
import { studyDayOf } from '../../shared/engine/study-day.ts';
import { latestSchemaVersion, schemaVersion } from '../storage/migrations.ts';
import type { Storage } from '../storage/storage.ts';

export type BackupReason = (typeof backupReasons)[number];

export interface RestoreResult {
  readonly restored: BackupInfo;
  /** The database as it was before the restore, so the restore can itself be undone. */
  readonly safetyBackup: BackupInfo;
}

/** A restore ready to be put in place: `incoming` is a checked copy of the backup. */
export interface PreparedRestore extends RestoreResult {
  readonly incoming: string;
}

export interface BackupServiceOptions {
  readonly storage: Storage;
  readonly now: () => Date;
  /** Newest backups kept per reason; older ones are removed after each new backup. */
  readonly keepPerReason?: number;
}

/**
 * Rolling backups of the progress database in `<dataDir>/backups/`, made with `VACUUM INTO` (a
 * consistent, compact copy taken while the database stays open). Automatic ones: once a study
 * day at start, and before every import, restore and reset. Ids are file names; the renderer only
 * ever picks one from `list()`.
 */
export class BackupService {
  readonly #storage: Storage;
  readonly #now: () => Date;
  readonly #keep: number;
  readonly dir: string;

  constructor(options: BackupServiceOptions) {
    this.#storage = options.storage;
    this.#now = options.now;
    this.#keep = options.keepPerReason ?? 10;
    this.dir = path.join(options.storage.dataDir, 'backups');
  }

  /** Newest first. */
  list(): BackupInfo[] {
    if (!existsSync(this.dir)) return [];
    const backups: BackupInfo[] = [];
    for (const name of readdirSync(this.dir)) {
      if (!name.endsWith(extension)) continue;
      const id = name.slice(0, -extension.length);
      const info = parseId(id);
      if (!info) continue;
      backups.push({ ...info, sizeBytes: statSync(path.join(this.dir, name)).size });
    }
    return backups.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  latest(): BackupInfo | undefined {
    return this.list()[0];
  }

  create(reason: BackupReason): BackupInfo {
    const db = this.#storage.db();
    const stamp = this.#now().toISOString().replace(/[:.]/g, '-');
    let id = `${stamp}-${reason}`;
    for (let n = 2; existsSync(this.#file(id)); n++) id = `${stamp}-${reason}-${n}`;
    const temp = `${this.#file(id)}.partial`;
    try {
      mkdirSync(this.dir, { recursive: true });
      if (existsSync(temp)) unlinkSync(temp);
      db.prepare('VACUUM INTO ?').run(temp);
      syncFile(temp);
      renameSync(temp, this.#file(id));
    } catch (error) {
      if (existsSync(temp)) unlinkSync(temp);
      throw new ContractError(
        'internal',
        `The backup could not be written to ${this.dir}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    this.#prune(reason);
    const info = this.list().find((backup) => backup.id === id);
    if (!info) throw new Error(`Backup ${id} vanished right after it was written.`);
    return info;
  }

  /**
   * Makes the day's automatic backup unless one exists for today's study day. Verifies the
   * database first: a damaged one is recovered (moved aside) instead of being backed up, so it
   * never rotates good backups away.
   */
  ensureDaily(): BackupInfo | undefined {
    return this.dailyDue() ? this.create('daily') : undefined;
  }

  /** Whether the day's backup is still to be made, after checking (and recovering) the database. */
  dailyDue(): boolean {
    if (this.#storage.status.state !== 'ready') return false;
    if (this.#storage.verifyIntegrity() === 'recovered') return false;
    const today = studyDayOf(this.#now().getTime());
    return !this.list().some(
      (backup) => backup.reason === 'daily' && studyDayOf(Date.parse(backup.createdAt)) === today,
    );
  }

  /**
   * Replaces the progress database with a backup, after checking the backup and backing up the
   * current database first (so a restore can itself be undone by restoring that one).
   */
  restore(id: string): RestoreResult {
    this.#storage.assertWritable();
    return this.putInPlace(this.prepareRestore(id));
  }

  /**
   * The slow half of a restore, which changes nothing the learner has (a job thread runs it): checks
   * the backup, backs up the current database ('before-restore') and copies the backup beside it.
   * Throws, leaving no copy behind, when any of it fails; then nothing may be replaced.
   */
  prepareRestore(id: string): PreparedRestore {
    const restored = this.list().find((backup) => backup.id === id);
    if (!restored) throw new ContractError('not-found', `There is no backup "${id}".`);
    checkBackup(this.#file(id));
    let safetyBackup: BackupInfo;
    try {
      safetyBackup = this.create('before-restore');
    } catch (error) {
      if (!(error instanceof ContractError)) throw error;
      throw new ContractError(
        error.code,
        `Nothing was replaced: the backup of your current progress a restore makes first failed. ${error.message}`,
      );
    }
    const incoming = `${this.#storage.file}.restoring`;
    try {
      copyFileSync(this.#file(id), incoming);
      syncFile(incoming);
    } catch (error) {
      removeFile(incoming);
      throw new ContractError(
        'internal',
        `The backup could not be copied beside your progress (${error instanceof Error ? error.message : String(error)}). Your current progress was not changed.`,
      );
    }
    return { restored, safetyBackup, incoming };
  }

  /**
   * The quick half of a restore, on the thread that owns the connection: swaps the copy made by
   * `prepareRestore` in for the database. Call it only once the safety backup exists and nothing
   * has been written since.
   */
  putInPlace(prepared: PreparedRestore): RestoreResult {
    const { restored, safetyBackup, incoming } = prepared;
    const file = this.#storage.file;
    let status;
    try {
      status = this.#storage.replaceFile(() => {
        // A WAL left beside the old file must not be applied to the restored one: move it aside.
        const stamp = this.#now().toISOString().replace(/[:.]/g, '-');
        for (const suffix of ['-wal', '-shm']) {
          if (existsSync(file + suffix)) {
            renameSync(file + suffix, `${file}.stale-${stamp}${suffix}`);
          }
        }
        renameSync(incoming, file);
      });
    } finally {
      removeFile(incoming);
    }
    if (status.state !== 'ready') {
      throw new ContractError(
        'storage-unavailable',
        `The backup was put in place but could not be opened: ${status.reason}`,
      );
    }
    return { restored, safetyBackup };
  }

  #file(id: string): string {
    return path.join(this.dir, id + extension);
  }

  #prune(reason: BackupReason): void {
    const old = this.list()
      .filter((backup) => backup.reason === reason)
      .slice(this.#keep);
    for (const backup of old) unlinkSync(this.#file(backup.id));
  }
}

const extension = '.sqlite';

function parseId(id: string): Omit<BackupInfo, 'sizeBytes'> | undefined {
  if (!backupIdPattern.test(id)) return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z-]+?)(?:-\d+)?$/.exec(
    id,
  );
  if (!match) return undefined;
  const [, date, h, m, s, ms, reason] = match;
  const found = backupReasons.find((candidate) => candidate === reason);
  if (!found) return undefined;
  return { id, createdAt: `${date}T${h}:${m}:${s}.${ms}Z`, reason: found };
}

/** A backup must open, pass a quick check, and not come from a newer schema. */
function checkBackup(file: string): void {
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(file, { readOnly: true });
    const version = schemaVersion(db);
    if (version > latestSchemaVersion) {
      throw new Error(`it was made by a newer version of Pathwise (schema ${version})`);
    }
    const result = db.prepare('PRAGMA quick_check').all();
    const problems = result.map((row) => String(row.quick_check)).filter((line) => line !== 'ok');
    if (problems.length > 0) throw new Error(`it is damaged (${problems[0] ?? ''})`);
  } catch (error) {
    throw new ContractError(
      'conflict',
      `This backup cannot be restored: ${error instanceof Error ? error.message : String(error)}. Your current progress was not changed.`,
    );
  } finally {
    if (db?.isOpen) db.close();
  }
}

/** Removes a copy this service made, if it is there; never whatever else took its name. */
function removeFile(file: string): void {
  if (existsSync(file) && lstatSync(file).isFile()) unlinkSync(file);
}

function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
