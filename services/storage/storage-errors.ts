import path from 'node:path';
import { ContractError } from '../../shared/contract/errors.ts';
import { SchemaTooNewError } from './migrations.ts';
import { sqliteCode, sqliteCodes } from './sqlite.ts';

/**
 * What a failure of the disk means for the learner, in one place: at open (the database cannot be
 * used at all) and at run time (a write failed because the disk is full, read-only or failing).
 */

export class DamagedDatabaseError extends Error {}

/** A storage failure already explained where it happened (a job on another thread). */
export class ExplainedStorageFailure extends Error {
  readonly explained: ContractError;

  constructor(explained: ContractError) {
    super(explained.message);
    this.explained = explained;
  }
}

export type OpenProblem = {
  kind: 'corrupt' | 'unavailable';
  /** Set when the file is readable but this process may not write it: storage can still read. */
  readonly cannotWrite?: boolean;
  message: string;
};

/** Why a database could not be opened: damage (move it aside) or a reason to leave it alone. */
export function classifyOpenFailure(error: unknown, file: string): OpenProblem {
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
        cannotWrite: true,
        message:
          `Pathwise cannot write to ${path.dirname(file)} (${detail}). Check that the folder ` +
          `and the file ${path.basename(file)} are writable; nothing was changed.`,
      };
    case sqliteCodes.full:
      return { kind: 'unavailable', message: diskFullMessage(path.dirname(file), detail) };
    default:
      return {
        kind: 'unavailable',
        message: `The progress database could not be opened: ${detail}.`,
      };
  }
}

function cannotWriteMessage(dataDir: string, detail: string): string {
  return (
    `Pathwise cannot write to ${dataDir} (${detail}), so this was not saved. Your progress ` +
    `can still be read and exported. Make the folder writable, then restart Pathwise.`
  );
}

function diskFullMessage(dataDir: string, detail: string): string {
  return (
    `The disk holding ${dataDir} is full (${detail}), so this was not saved; everything saved ` +
    `before is safe. Free some space on that disk (delete or move large files, empty the ` +
    `trash), then try again.`
  );
}

/** Node's error codes for a full or unwritable disk, and SQLite's. */
const diskFullCodes = new Set(['ENOSPC', 'EDQUOT']);
const cannotWriteCodes = new Set(['EROFS', 'EACCES', 'EPERM']);

/**
 * A run-time failure of the disk as the learner's `storage-unavailable` error, or undefined when
 * `error` is something else (a bug, which stays `internal`).
 */
export function storageFailure(error: unknown, dataDir: string): ContractError | undefined {
  if (error instanceof ExplainedStorageFailure) return error.explained;
  if (error instanceof ContractError) return undefined;
  const detail = describe(error);
  const code = sqliteCode(error);
  const nodeCode = nodeErrorCode(error);
  if (code === sqliteCodes.full || (nodeCode !== undefined && diskFullCodes.has(nodeCode))) {
    return new ContractError('storage-unavailable', diskFullMessage(dataDir, detail));
  }
  if (
    code === sqliteCodes.readonly ||
    code === sqliteCodes.perm ||
    (nodeCode !== undefined && cannotWriteCodes.has(nodeCode))
  ) {
    return new ContractError('storage-unavailable', cannotWriteMessage(dataDir, detail));
  }
  if (code === sqliteCodes.ioerr || nodeCode === 'EIO') {
    return new ContractError(
      'storage-unavailable',
      `The disk holding ${dataDir} reported an error (${detail}), so this was not saved. ` +
        `Check the disk (is it unplugged or failing?), then restart Pathwise.`,
    );
  }
  return undefined;
}

function nodeErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
