import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kinds } from '../../shared/engine/kinds/index.ts';
import { quizKinds, responseKinds } from '../../shared/engine/types.ts';

/**
 * The engine's shape, guarded (issue 10): one home per quiz kind, reached through one table, and
 * no file in shared/engine longer than a reader can hold.
 */

const root = path.resolve(import.meta.dirname, '../..');
const kindsDir = path.join(root, 'shared/engine/kinds');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const shown = (file: string): string => path.relative(root, file);

function lineCount(file: string): number {
  const text = readFileSync(file, 'utf8');
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

describe('the quiz kinds table', () => {
  it('has exactly one row per quiz kind, each the module of that kind', () => {
    expect(Object.keys(kinds).sort()).toEqual([...quizKinds].sort());
    for (const kind of quizKinds) expect(kinds[kind].kind).toBe(kind);
  });

  it('says how each kind is answered', () => {
    expect(quizKinds.map((kind) => kinds[kind].response)).toEqual([
      'choice',
      'true-false',
      'text',
      'matching',
      'ordering',
      'choice',
      'choice',
      'choice',
      'choice',
      'choice',
    ]);
  });

  it('is the only place that switches on a quiz kind', () => {
    // A kind whose name is also a response shape ("matching") may be switched on as a response;
    // a switch over quiz kinds lists one of the others, or it would not be exhaustive.
    const onlyQuizKinds = quizKinds.filter(
      (kind) => !(responseKinds as readonly string[]).includes(kind),
    );
    const pattern = new RegExp(`case '(?:${onlyQuizKinds.join('|')})':`);
    const offenders = ['shared', 'services', 'renderer', 'scripts']
      .flatMap((dir) => sourceFiles(path.join(root, dir)))
      .filter((file) => !file.startsWith(kindsDir + path.sep))
      .filter((file) => pattern.test(readFileSync(file, 'utf8')))
      .map(shown);
    expect(offenders).toEqual([]);
  });
});

describe('shared/engine', () => {
  it('has no file longer than 400 lines', () => {
    const long = sourceFiles(path.join(root, 'shared/engine'))
      .map((file) => ({ file: shown(file), lines: lineCount(file) }))
      .filter(({ lines }) => lines > 400);
    expect(long).toEqual([]);
  });
});
