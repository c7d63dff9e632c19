import path from 'node:path';
import { afterAll, afterEach, beforeEach } from 'vitest';
import { keepForPostMortem, makeTempDir, removeTempDir } from './temp-dir.ts';

/**
 * Cleanups that run when the current test ends (made inside a test or its beforeEach) or when the
 * file ends (made at the top of the file or in beforeAll), last-registered first, also on failure.
 * vitest.setup.ts installs the hooks that run them.
 */

type Cleanup = (failed: boolean, postMortemDir: string) => void | Promise<void>;

const fileCleanups: Cleanup[] = [];
let testCleanups: Cleanup[] | undefined;
let anyTestFailed = false;

/** Runs `cleanup` when the current test (or, outside a test, the file) ends. */
export function onCleanup(cleanup: () => void | Promise<void>): void {
  register(() => cleanup());
}

/**
 * A fresh temporary folder, removed when the current test (or file) ends. With `keepOnFailure`, a
 * failed test's folder is first copied to test-results/vitest/<file>/<test>/ for a post-mortem.
 */
export function tempDir(kind = 'test', { keepOnFailure = false } = {}): string {
  const dir = makeTempDir(kind);
  register((failed, postMortemDir) => {
    if (failed && keepOnFailure)
      keepForPostMortem(dir, path.join(postMortemDir, path.basename(dir)));
    removeTempDir(dir);
  });
  return dir;
}

function register(cleanup: Cleanup): void {
  (testCleanups ?? fileCleanups).push(cleanup);
}

async function runAll(cleanups: Cleanup[], failed: boolean, postMortemDir: string): Promise<void> {
  const errors: unknown[] = [];
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup(failed, postMortemDir);
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors, 'A test cleanup failed');
}

function postMortemRoot(file: string): string {
  const name = path.relative('test', file).replace(/\.test\.ts$/, '');
  return path.resolve('test-results', 'vitest', name);
}

const safeName = (text: string) => text.replace(/[^\w.-]+/g, '-').slice(0, 80);

/** Installs the hooks; called once per test file from the vitest setup file. */
export function installTestScopes(): void {
  beforeEach(() => {
    testCleanups = [];
  });
  afterEach(async ({ task }) => {
    const failed = task.result?.state === 'fail';
    anyTestFailed ||= failed;
    const cleanups = testCleanups ?? [];
    testCleanups = undefined;
    const dir = path.join(postMortemRoot(task.file.filepath), safeName(task.name));
    await runAll(cleanups, failed, dir);
  });
  // eslint-disable-next-line no-empty-pattern -- vitest reads a hook's fixtures from this pattern
  afterAll(async ({}, suite) => {
    await runAll(fileCleanups, anyTestFailed, postMortemRoot(suite.file.filepath));
  });
}
