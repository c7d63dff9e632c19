import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ELK from 'elkjs';
import { packJsonSchemaFiles } from '../../shared/pack/json-schema.ts';
import { layoutPack, serializeLayout } from '../../shared/pack/layout.ts';
import type { PackProblem } from '../../shared/pack/problems.ts';
import type { Pack } from '../../shared/pack/schema.ts';
import { loadPackFolder, packFolders } from '../../services/packs/pack-folder.ts';

/** What the pack CLIs share: where packs are, which ones an argument means, how to fail. */

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const bundledPacksDir = path.join(repoRoot, 'assets', 'packs');
export const defaultPackDir = path.join(bundledPacksDir, 'il32-gamma');

/** A path as the user should see it: relative to where they ran the command. */
export function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return path.resolve(file);
  return relative || '.';
}

/** A failure the user caused and can fix (a wrong folder, an invalid pack): printed, exit 1. */
export class CliError extends Error {}

/**
 * The pack folders an argument names: a pack folder itself (it has manifest.json), or a folder
 * of packs; with no argument, every bundled pack.
 */
export function packDirs(argument: string | undefined): string[] {
  const dir = argument === undefined ? bundledPacksDir : path.resolve(argument);
  if (!existsSync(dir)) throw new CliError(`No such folder: ${shown(dir)}`);
  if (!statSync(dir).isDirectory()) throw new CliError(`Not a folder: ${shown(dir)}`);
  if (argument !== undefined && existsSync(path.join(dir, 'manifest.json'))) return [dir];
  const dirs = packFolders(dir).map((name) => path.join(dir, name));
  if (dirs.length === 0) throw new CliError(`No packs in ${shown(dir)}`);
  return dirs;
}

/** The one pack an argument names (default: the bundled il32-gamma), validated, or a CliError. */
export function loadOnePack(argument: string | undefined): { dir: string; pack: Pack } {
  const dir = argument === undefined ? defaultPackDir : path.resolve(argument);
  if (!existsSync(path.join(dir, 'manifest.json')) && !existsSync(dir)) {
    throw new CliError(`No such pack folder: ${shown(dir)}`);
  }
  const result = loadPackFolder(dir);
  if (!result.ok) {
    const lines = result.problems.map((problem) => problemLine(dir, problem));
    throw new CliError(
      [`${shown(dir)} is not a valid pack (run npm run pack:check):`, ...lines].join('\n'),
    );
  }
  return { dir, pack: result.pack };
}

/** `assets/packs/il32-gamma/facts.json:12:5  $[3].subject: unknown entity "x"` */
export function problemLine(dir: string, problem: PackProblem): string {
  const where = `${shown(path.join(dir, problem.file))}:${problem.line}:${problem.column}`;
  const what = problem.path === undefined ? problem.message : `${problem.path}: ${problem.message}`;
  return `${where}  ${what}`;
}

export function isBundled(dir: string): boolean {
  const relative = path.relative(bundledPacksDir, path.resolve(dir));
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** layout.json as `pack:layout` would write it now, for a pack that is valid without it. */
export async function freshLayout(pack: Pack): Promise<string> {
  return serializeLayout(await layoutPack(new ELK(), pack));
}

/** Build outputs of a bundled pack that are missing or out of date (layout.json, schema/). */
export async function staleBuildOutputs(dir: string): Promise<PackProblem[]> {
  const problems: PackProblem[] = [];
  const withoutLayout = loadPackFolder(dir, { ignoreLayout: true });
  if (withoutLayout.ok) {
    const layoutFile = path.join(dir, 'layout.json');
    const expected = await freshLayout(withoutLayout.pack);
    if (!existsSync(layoutFile)) {
      problems.push(buildProblem('layout.json', 'layout.json is missing; run npm run pack:layout'));
    } else if (readFileSync(layoutFile, 'utf8') !== expected) {
      problems.push(
        buildProblem(
          'layout.json',
          'layout.json is stale (the pathways changed since it was computed); run npm run pack:layout',
        ),
      );
    }
  }
  for (const [file, text] of Object.entries(packJsonSchemaFiles())) {
    const target = path.join(dir, file);
    if (!existsSync(target) || readFileSync(target, 'utf8') !== text) {
      problems.push(buildProblem(file, `${file} is missing or stale; run npm run pack:schema`));
    }
  }
  return problems;
}

function buildProblem(file: string, message: string): PackProblem {
  return { file, line: 1, column: 1, rule: 'stale-build-output', message };
}

/** Runs a CLI: an exit code from `main`, every failure as one readable message, never a stack trace. */
export function runCli(main: () => Promise<number> | number): void {
  Promise.resolve()
    .then(main)
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        process.stderr.write(`${message}\n`);
        process.exitCode = 1;
      },
    );
}
