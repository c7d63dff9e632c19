import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './test-scope.ts';

/** The small, valid fixture pack and helpers to break it in precise places. */

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const miniPackDir = path.join(repoRoot, 'test', 'fixtures', 'packs', 'mini');

/** The pack CLIs, run as the npm scripts run them: Node 24 on the .ts file, from the repo root. */
export function runPackScript(script: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', script), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export type PackTexts = Record<string, string>;

export function readMiniPack(): PackTexts {
  const files: PackTexts = {};
  for (const name of readdirSync(miniPackDir).sort()) {
    if (name.endsWith('.json')) files[name] = readFileSync(path.join(miniPackDir, name), 'utf8');
  }
  return files;
}

/** Replaces the `occurrence`-th (1-based) match of `from` in one file; fails loudly if absent. */
export function edit(
  files: PackTexts,
  file: string,
  from: string,
  to: string,
  occurrence = 1,
): PackTexts {
  const text = files[file];
  if (text === undefined) throw new Error(`no ${file} in the fixture`);
  const index = nthIndex(text, from, occurrence);
  return { ...files, [file]: text.slice(0, index) + to + text.slice(index + from.length) };
}

/** 1-based line and column of the `occurrence`-th match of `needle` (plus `shift` characters). */
export function positionOf(
  text: string | undefined,
  needle: string,
  { occurrence = 1, shift = 0 }: { occurrence?: number; shift?: number } = {},
): { line: number; column: number } {
  if (text === undefined) throw new Error('no such file');
  const offset = nthIndex(text, needle, occurrence) + shift;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function nthIndex(text: string, needle: string, occurrence: number): number {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence} times`);
  }
  return index;
}

/** A private copy of the mini pack in a temporary folder removed when the test ends; returns the pack folder. */
export function copyMiniPack(folderName = 'mini'): string {
  const root = tempDir('pack');
  const dir = path.join(root, folderName);
  cpSync(miniPackDir, dir, { recursive: true });
  return dir;
}
