import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/test-scope.ts';
import {
  assertNothingLeftBehind,
  currentRunTag,
  finishCensus,
  startCensus,
  tempPrefix,
} from '../support/tmp-census.ts';

describe('tmp census', () => {
  it('tags every temporary folder of this run, so the census of the run can see it', () => {
    const tag = currentRunTag();
    expect(tag).toMatch(/^run[0-9a-f]{8}$/);
    expect(path.basename(tempDir())).toMatch(new RegExp(`^pathwise-test-${tag}-`));
  });

  it('names a folder the run left behind, and only that one', () => {
    const folder = tempDir('census');
    mkdirSync(path.join(folder, 'pathwise-old-runcafe0000-a1'));
    const census = startCensus(folder);
    const leaked = `${tempPrefix('leak')}b2`;
    mkdirSync(path.join(folder, leaked));
    mkdirSync(path.join(folder, 'pathwise-other-runbeef0000-c3'));
    mkdirSync(path.join(folder, 'unrelated-d4'));

    const result = finishCensus(census);
    expect(result).toMatchObject({ before: 1, after: 3, leftovers: [leaked] });
    expect(result.others).toEqual(['pathwise-other-runbeef0000-c3']);
    expect(() => assertNothingLeftBehind('The run', result)).toThrow(
      new RegExp(`The run left 1 entry in .*\\n  ${leaked}$`),
    );

    rmSync(path.join(folder, leaked), { recursive: true });
    expect(() => assertNothingLeftBehind('The run', finishCensus(census))).not.toThrow();
  });
});

describe('tempDir', () => {
  let previous = '';
  let kept = '';

  it('makes a folder that is removed when the test ends', () => {
    previous = tempDir();
    expect(existsSync(previous)).toBe(true);
  });

  it('(the folder of the test before is gone)', () => {
    expect(previous).not.toBe('');
    expect(existsSync(previous)).toBe(false);
  });

  it.fails('keeps a failed test folder under test-results for a post-mortem', () => {
    kept = tempDir('kept', { keepOnFailure: true });
    writeFileSync(path.join(kept, 'evidence.txt'), 'what the test saw');
    throw new Error('this test fails on purpose');
  });

  it('(the failed test folder is copied to test-results and removed from tmp)', () => {
    const copy = path.resolve(
      'test-results/vitest/unit/tmp-census/keeps-a-failed-test-folder-under-test-results-for-a-post-mortem',
      path.basename(kept),
    );
    try {
      expect(existsSync(kept)).toBe(false);
      expect(readFileSync(path.join(copy, 'evidence.txt'), 'utf8')).toBe('what the test saw');
    } finally {
      rmSync(path.dirname(copy), { recursive: true, force: true });
    }
  });
});
