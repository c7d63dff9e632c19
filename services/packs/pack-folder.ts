import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { formatProblem, sortProblems, type PackProblem } from '../../shared/pack/problems.ts';
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

/** Reads the pack files of `dir`; anything else in the folder (schema/, notes) is ignored. */
export function readPackFolder(dir: string): PackFolderRead {
  const files: Record<string, string> = {};
  const problems: PackProblem[] = [];
  for (const name of packFileNames) {
    const file = path.join(dir, name);
    try {
      const stats = statSync(file, { throwIfNoEntry: false });
      if (!stats) continue;
      // UTF-8 is at most 4 bytes a character, so this bound never refuses a file the validator takes.
      if (stats.size > maxPackFileChars * 4) {
        problems.push(located(name, 'file-too-large', `the file is ${stats.size} bytes`));
        continue;
      }
      files[name] = utf8.decode(readFileSync(file));
    } catch (error) {
      const reason = error instanceof TypeError ? 'the file is not valid UTF-8' : errorText(error);
      problems.push(located(name, 'missing-file', `cannot read the file: ${reason}`));
    }
  }
  return { files, problems };
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
  return { ok: false, problems: sortProblems([...read.problems, ...rest]) };
}

/** Sub-folders of `dir` (sorted, hidden ones skipped); none when `dir` does not exist. */
export function packFolders(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
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
  if (problems.length > max) lines.push(`…and ${problems.length - max} more problems`);
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
