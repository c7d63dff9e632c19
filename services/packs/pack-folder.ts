import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
} from 'node:fs';
import type { Stats } from 'node:fs';
import path from 'node:path';
import {
  formatProblem,
  problemCount,
  sortProblems,
  type PackProblem,
} from '../../shared/pack/problems.ts';
import { packFileNames } from '../../shared/pack/schema.ts';
import { maxPackFileChars, validatePack, type PackValidation } from '../../shared/pack/validate.ts';

/** Reading pack folders from disk; the validation itself is the shared, pure validator. */

export interface PackFolderRead {
  /** File name → text, for the pack files present and readable. */
  readonly files: Record<string, string>;
  /** Files that exist but could not be read (too large, not UTF-8, no permission). */
  readonly problems: PackProblem[];
}

// Keep a BOM in the text (ignoreBOM), so the validator can point at it instead of hiding it.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** UTF-8 is at most 4 bytes a character, so this bound never refuses a file the validator takes. */
export const maxPackFileBytes = maxPackFileChars * 4;

/**
 * Reads the pack files of `dir`; anything else in the folder (schema/, notes) is ignored. A pack
 * is hostile input: only regular files are read, a symbolic link is never followed (it could
 * point at /dev/zero or a private file), and no file is read past `maxPackFileBytes`, whatever its
 * size claims to be. What was not read is a located problem saying why.
 */
export function readPackFolder(dir: string): PackFolderRead {
  const files: Record<string, string> = {};
  const problems: PackProblem[] = [];
  for (const name of packFileNames) {
    const file = path.join(dir, name);
    try {
      const stats = lstatSync(file, { throwIfNoEntry: false });
      if (!stats) continue;
      if (!stats.isFile()) {
        problems.push(located(name, 'missing-file', notRegular(stats)));
        continue;
      }
      const bytes = readCapped(name, file, maxPackFileBytes);
      if (!Buffer.isBuffer(bytes)) {
        problems.push(bytes);
        continue;
      }
      files[name] = utf8.decode(bytes);
    } catch (error) {
      const reason = error instanceof TypeError ? 'the file is not valid UTF-8' : errorText(error);
      problems.push(located(name, 'missing-file', `cannot read the file: ${reason}`));
    }
  }
  return { files, problems };
}

/** `packs/` entries and pack files must be what they say; the learner reads why one was not. */
function notRegular(stats: Stats): string {
  return `${kindOf(stats)}, not a regular file, so it was not read (a pack file must be a plain file in the pack's folder)`;
}

function kindOf(stats: Stats): string {
  if (stats.isSymbolicLink()) return 'it is a symbolic link, which Pathwise never follows';
  if (stats.isDirectory()) return 'it is a folder';
  if (stats.isFIFO()) return 'it is a named pipe (FIFO)';
  if (stats.isSocket()) return 'it is a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'it is a device';
  return 'it is a special file';
}

// O_NOFOLLOW and O_NONBLOCK: a file swapped for a link or a FIFO after lstat can neither redirect
// the read nor block it. Windows has neither flag, and no FIFOs or symlinks a user can make freely.
const flags: Partial<Record<string, number>> = constants;
const openFlags = constants.O_RDONLY | (flags.O_NOFOLLOW ?? 0) | (flags.O_NONBLOCK ?? 0);

/**
 * At most `cap` bytes of the regular file `name`, read in chunks whatever its size says (a file
 * can grow while it is read), or the problem saying why it was not read.
 */
function readCapped(name: string, file: string, cap: number): Buffer | PackProblem {
  const fd = openSync(file, openFlags);
  const tooLarge = () => located(name, 'file-too-large', `the file is larger than ${cap} bytes`);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return located(name, 'missing-file', notRegular(stats));
    if (stats.size > cap) return tooLarge();
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, cap + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > cap) return tooLarge();
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** Reads and validates a pack folder; every problem located (read problems included). */
export function loadPackFolder(
  dir: string,
  options: { readonly ignoreLayout?: boolean } = {},
): PackValidation {
  const read = readPackFolder(dir);
  if (options.ignoreLayout) delete read.files['layout.json'];
  const result = validatePack(read.files);
  if (read.problems.length === 0) return result;
  const unreadable = new Set(read.problems.map((problem) => problem.file));
  // A file we could not read is also "missing" to the validator; say it once, with the reason.
  const rest = result.ok
    ? []
    : result.problems.filter((p) => !(p.rule === 'missing-file' && unreadable.has(p.file)));
  return { ok: false, problems: sortProblems(read.problems.concat(rest)) };
}

/** Sub-folders of `dir` (sorted, hidden ones skipped); none when `dir` does not exist. */
export function packFolders(dir: string): string[] {
  return packFolderEntries(dir).folders;
}

export interface PackFolderEntries {
  /** Real sub-folders, sorted; hidden ones (staging, replaced packs) left out. */
  readonly folders: string[];
  /** Entries that look like a pack but are links or special files, with why they were skipped. */
  readonly skipped: { readonly name: string; readonly reason: string }[];
}

/**
 * The sub-folders of `dir` to read as packs. A symbolic link (even to a folder) or a special file
 * is skipped with its reason, never followed; plain files (notes) are not packs and pass silently.
 */
export function packFolderEntries(dir: string): PackFolderEntries {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return { folders: [], skipped: [] };
  }
  const folders: string[] = [];
  const skipped: { name: string; reason: string }[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.isFile()) continue;
    if (entry.isDirectory()) folders.push(entry.name);
    else {
      const stats = lstatSync(path.join(dir, entry.name), { throwIfNoEntry: false });
      if (stats) skipped.push({ name: entry.name, reason: kindOf(stats) });
    }
  }
  return { folders: folders.sort(), skipped: skipped.sort((a, b) => (a.name < b.name ? -1 : 1)) };
}

/** Located problems as text lines, capped so a thoroughly broken pack stays readable. */
export function problemLines(
  problems: readonly PackProblem[],
  options: { readonly max?: number; readonly prefix?: string } = {},
): string[] {
  const max = options.max ?? 200;
  const lines = problems
    .slice(0, max)
    .map((problem) => formatProblem(problem, `${options.prefix ?? ''}${problem.file}`));
  if (problems.length > max) lines.push(`…and ${problemCount(problems.slice(max))} more problems`);
  return lines;
}

function located(file: string, rule: PackProblem['rule'], message: string): PackProblem {
  return { file, line: 1, column: 1, rule, message };
}

function errorText(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return error.code === 'EACCES' ? 'permission denied' : `${error.code}: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
