import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePack } from '../../shared/pack/validate.ts';
import {
  copyMiniPack,
  edit,
  miniPackDir,
  positionOf,
  readMiniPack,
  runPackScript,
} from '../support/packs.ts';
import { tempDir } from '../support/test-scope.ts';

const run = runPackScript;

function expectNoStackTrace(output: string): void {
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toMatch(/node:internal/);
}

describe('pack:check', () => {
  it('passes the valid fixture with exit 0', () => {
    const { code, stdout } = run('pack-check.ts', miniPackDir);
    expect(stdout).toContain('no problems');
    expect(code).toBe(0);
  });

  it('exits 1 and prints facts.json:LINE:COL for a missing comma', () => {
    const dir = copyMiniPack();
    const broken = edit(readMiniPack(), 'facts.json', '"id": "F004",', '"id": "F004"');
    writeFileSync(path.join(dir, 'facts.json'), broken['facts.json'] ?? '');
    const at = positionOf(broken['facts.json'], '"text": "RANKL that');
    const { code, stdout, stderr } = run('pack-check.ts', dir);
    expect(stdout).toContain(
      `${path.join(dir, 'facts.json')}:${at.line}:${at.column}  expected ","`,
    );
    expect(stdout).toMatch(/1 problem in 1 pack/);
    expect(code).toBe(1);
    expectNoStackTrace(stdout + stderr);
  });

  it('reports every problem of a pack, a missing file included', () => {
    const dir = copyMiniPack();
    rmSync(path.join(dir, 'teaching-points.json'));
    const texts = edit(
      readMiniPack(),
      'facts.json',
      '"subject": "il-32-gamma"',
      '"subject": "il-32-gama"',
    );
    writeFileSync(path.join(dir, 'facts.json'), texts['facts.json'] ?? '');
    const at = positionOf(texts['facts.json'], '"il-32-gama"');
    const { code, stdout } = run('pack-check.ts', dir);
    expect(stdout).toContain(`teaching-points.json:1:1  the file is missing`);
    expect(stdout).toContain(
      `facts.json:${at.line}:${at.column}  $[0].subject: unknown entity "il-32-gama" (did you mean "il-32-gamma"?)`,
    );
    expect(code).toBe(1);
  });

  it('fails readably, without a stack trace, on a folder that does not exist', () => {
    const { code, stdout, stderr } = run(
      'pack-check.ts',
      path.join(tempDir(), 'no-such-pack-folder'),
    );
    expect(stderr).toContain('No such folder');
    expect(code).toBe(1);
    expectNoStackTrace(stdout + stderr);
  });
});

describe('pack:stats and content:dump', () => {
  it('prints the stats JSON with the agreed keys first', () => {
    const { code, stdout } = run('pack-stats.ts', miniPackDir);
    expect(code).toBe(0);
    const stats = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(stats).slice(0, 7)).toEqual([
      'entities',
      'facts',
      'factsByTier',
      'pathways',
      'edges',
      'references',
      'teachingPoints',
    ]);
    expect(stats).toMatchObject({
      entities: 11,
      facts: 10,
      factsByTier: { review: 7, primary: 3 },
      pathways: 1,
      edges: 5,
      references: 4,
      teachingPoints: 2,
      inferredEdges: 1,
      contested: 2,
    });
  });

  it('dumps one JSON document, byte-identical across runs', () => {
    const first = run('content-dump.ts', miniPackDir);
    const second = run('content-dump.ts', miniPackDir);
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const dump = JSON.parse(first.stdout) as {
      pack: unknown;
      entities: unknown[];
      facts: { id: string; highYield: boolean }[];
      pathways: { nodes: { id: string; label: string; context: string[] }[] }[];
      cards: { id: string; kind: string; front: string; back: string; factIds: string[] }[];
      quiz: {
        id: string;
        kind: string;
        prompt: string;
        answer: unknown;
        explanation: string;
        factIds: string[];
        citations: unknown[];
      }[];
    };
    expect(Object.keys(dump)).toEqual(['pack', 'entities', 'facts', 'pathways', 'cards', 'quiz']);
    expect(dump.pack).toEqual({
      id: 'mini',
      version: '0.1.0',
      title: 'Mini IL-32γ pack (test fixture)',
    });
    expect(dump.facts.map((fact) => fact.id)).toHaveLength(10);
    expect(dump.pathways[0]?.nodes[0]).toMatchObject({
      id: 'il32g',
      label: 'IL-32γ (local)',
      context: ['as'],
    });
    expect(dump.pathways[0]?.nodes[1]).toMatchObject({ id: 'dkk1', label: 'DKK-1' });
    // Cards and quiz items are generated from the pack: every high-yield fact has a card or an
    // item (a minor fact may have none where no item could be proven fair), every item its facts.
    const carded = new Set(dump.cards.flatMap((card) => card.factIds));
    const quizzed = new Set(dump.quiz.flatMap((item) => item.factIds));
    const taught = dump.facts.filter((fact) => carded.has(fact.id) || quizzed.has(fact.id));
    expect(dump.facts.filter((fact) => fact.highYield).every((f) => taught.includes(f))).toBe(true);
    expect(Object.keys(dump.cards[0] ?? {})).toEqual(['id', 'kind', 'front', 'back', 'factIds']);
    expect(dump.quiz.length).toBeGreaterThan(0);
    for (const item of dump.quiz) {
      expect(item.factIds.length, item.id).toBeGreaterThan(0);
      expect(item.explanation.length, item.id).toBeGreaterThan(0);
      expect(item.citations.length, item.id).toBeGreaterThan(0);
    }
  });

  it('refuses an invalid pack with its problems', () => {
    const dir = copyMiniPack();
    writeFileSync(path.join(dir, 'facts.json'), '[');
    const { code, stderr } = run('content-dump.ts', dir);
    expect(code).toBe(1);
    expect(stderr).toContain('facts.json:1:2');
  });
});

describe('pack:layout', () => {
  it('writes a layout.json the validator accepts, and rewrites it identically', () => {
    const dir = copyMiniPack();
    // A stale, broken layout must not stop a re-layout.
    writeFileSync(path.join(dir, 'layout.json'), '{ "broken": ');
    expect(run('pack-layout.ts', dir).code).toBe(0);
    const first = readFileSync(path.join(dir, 'layout.json'), 'utf8');
    expect(run('pack-layout.ts', dir).code).toBe(0);
    expect(readFileSync(path.join(dir, 'layout.json'), 'utf8')).toBe(first);
    expect(validatePack({ ...readMiniPack(), 'layout.json': first }).ok).toBe(true);
  });

  it('refuses to lay out an invalid pack', () => {
    const dir = copyMiniPack();
    rmSync(path.join(dir, 'pathways.json'));
    const { code, stderr } = run('pack-layout.ts', dir);
    expect(code).toBe(1);
    expect(stderr).toContain('pathways.json:1:1');
    expect(existsSync(path.join(dir, 'layout.json'))).toBe(false);
  });
});
