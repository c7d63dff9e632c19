import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, linkSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { makeTempDir, removeTempDir } from './temp-dir.ts';

/** The uid and gid of "nobody" on Debian, which root can run a child as. */
const nobody = { uid: 65534, gid: 65534 } as const;

/**
 * Runs a TypeScript entry point as an unprivileged user and returns its standard output.
 *
 * Root ignores file permissions, so a test of a folder nobody may write must run its code as
 * another user. That user may not be able to enter the checkout (CI clones into a private
 * temporary folder), so the child is bundled into one file and run, with a link to Node 24, from
 * a folder anyone can read; the folder is removed afterwards. Not root: runs as the current user.
 */
export function runUnprivileged(entry: string, args: readonly string[]): string {
  if (process.getuid?.() !== 0) {
    return execFileSync(process.execPath, [entry, ...args], { encoding: 'utf8' });
  }
  const dir = makeTempDir('child');
  try {
    chmodSync(dir, 0o755);
    const script = path.join(dir, 'child.mjs');
    buildSync({
      entryPoints: [entry],
      outfile: script,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node24',
      logLevel: 'silent',
    });
    const node = path.join(dir, 'node');
    linkOrCopy(process.execPath, node);
    chmodSync(node, 0o755);
    return execFileSync(node, [script, ...args], { encoding: 'utf8', ...nobody });
  } finally {
    removeTempDir(dir);
  }
}

/** A hard link costs nothing; across file systems, copy instead. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
