import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tempPrefix } from './tmp-census.ts';

/**
 * The one place tests and benchmarks make and remove temporary folders. Callers remove what they
 * make: vitest tests through `tempDir()` in test-scope.ts, Playwright through its fixtures, the
 * benchmark through `withTempDir`.
 */

/** A fresh, empty folder in the system temporary folder, named for the tmp census. */
export function makeTempDir(kind: string): string {
  return mkdtempSync(path.join(tmpdir(), tempPrefix(kind)));
}

export function removeTempDir(dir: string): void {
  // Retries ride out a file a just-stopped child process still had open for a moment.
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}

/** Copies a failed test's folder to `destination` (under test-results/) for a post-mortem. */
export function keepForPostMortem(dir: string, destination: string): void {
  mkdirSync(path.dirname(destination), { recursive: true });
  rmSync(destination, { recursive: true, force: true });
  cpSync(dir, destination, { recursive: true });
}

/** Runs `use` on a fresh temporary folder and removes it afterwards, also when `use` throws. */
export async function withTempDir<T>(
  kind: string,
  use: (dir: string) => T | Promise<T>,
): Promise<T> {
  const dir = makeTempDir(kind);
  try {
    return await use(dir);
  } finally {
    removeTempDir(dir);
  }
}
