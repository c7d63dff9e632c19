import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { importCycles, importGraph, sourceFiles } from '../support/import-graph.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('imports', () => {
  it('finds a circle, type-only or re-exported, and no circle where there is none', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(importCycles(graph)).toEqual([
      ['a.ts', 'b.ts', 'c.ts', 'a.ts'],
      ['e.ts', 'e.ts'],
    ]);
    expect(
      importCycles(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('form no circle anywhere in our TypeScript', () => {
    const files = sourceFiles(root);
    expect(files).toContain('services/app-services.ts');
    const cycles = importCycles(importGraph(root, files));
    expect(cycles.map((cycle) => cycle.join(' → '))).toEqual([]);
  });
});
