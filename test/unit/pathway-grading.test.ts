import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradePathway, polarityOf, type DrawnLink } from '../../shared/engine/pathway-grading.ts';
import type { PathwayEdge } from '../../shared/pack/schema.ts';
import { loadPackFolder } from '../../services/packs/pack-folder.ts';
import { repoRoot } from '../support/packs.ts';

const edge = (
  id: string,
  from: string,
  to: string,
  sign: PathwayEdge['sign'],
  inferred = false,
): Pick<PathwayEdge, 'id' | 'from' | 'to' | 'sign' | 'inferred'> => ({
  id,
  from,
  to,
  sign,
  inferred,
});

const key = [
  edge('a-b', 'a', 'b', 'increases-level'),
  edge('b-c', 'b', 'c', 'decreases-level'),
  edge('c-d', 'c', 'd', 'inhibits'),
  edge('c-x', 'c', 'x', 'stimulates', true),
  edge('d-e', 'd', 'e', 'no-difference'),
];

describe('polarityOf', () => {
  it('reads level changes as influences and no-difference as none', () => {
    expect(polarityOf('stimulates')).toBe('positive');
    expect(polarityOf('increases-level')).toBe('positive');
    expect(polarityOf('inhibits')).toBe('negative');
    expect(polarityOf('decreases-level')).toBe('negative');
    expect(polarityOf('no-difference')).toBe('none');
  });
});

describe('gradePathway', () => {
  it('counts a perfect attempt as all correct, without needing the inferred edge', () => {
    const attempt: DrawnLink[] = [
      { from: 'a', to: 'b', polarity: 'positive' },
      { from: 'b', to: 'c', polarity: 'negative' },
      { from: 'c', to: 'd', polarity: 'negative' },
      { from: 'd', to: 'e', polarity: 'none' },
    ];
    const grade = gradePathway(key, attempt);
    expect(grade.score).toEqual({ correct: 4, required: 4 });
    expect(grade.missing).toEqual([]);
    expect(grade.extra).toEqual([]);
    expect(grade.wrongSign).toEqual([]);
    expect(grade.correct.map((c) => c.edgeId)).toEqual(['a-b', 'b-c', 'c-d', 'd-e']);
  });

  it('separates wrong sign, missing, extra and a reversed edge', () => {
    const grade = gradePathway(key, [
      { from: 'a', to: 'b', polarity: 'negative' },
      { from: 'c', to: 'b', polarity: 'negative' },
      { from: 'a', to: 'e', polarity: 'positive' },
    ]);
    expect(grade.correct).toEqual([]);
    expect(grade.wrongSign).toEqual([
      { link: { from: 'a', to: 'b', polarity: 'negative' }, edgeId: 'a-b', expected: 'positive' },
    ]);
    expect(grade.extra).toEqual([
      { link: { from: 'c', to: 'b', polarity: 'negative' }, reverses: 'b-c' },
      { link: { from: 'a', to: 'e', polarity: 'positive' } },
    ]);
    expect(grade.missing.map((e) => e.id)).toEqual(['b-c', 'c-d', 'd-e']);
    expect(grade.score).toEqual({ correct: 0, required: 4 });
  });

  it('never counts an inferred edge as missing or extra', () => {
    const without = gradePathway(key, []);
    expect(without.missing.map((e) => e.id)).not.toContain('c-x');
    const withIt = gradePathway(key, [{ from: 'c', to: 'x', polarity: 'positive' }]);
    expect(withIt.extra).toEqual([]);
    expect(withIt.inferredFound.map((c) => c.edgeId)).toEqual(['c-x']);
    expect(withIt.score.correct).toBe(0);
  });

  it('counts a link drawn twice once', () => {
    const link: DrawnLink = { from: 'a', to: 'b', polarity: 'positive' };
    const grade = gradePathway(key, [link, { ...link, polarity: 'negative' }]);
    expect(grade.correct).toHaveLength(1);
    expect(grade.wrongSign).toEqual([]);
    expect(grade.duplicates).toEqual([{ ...link, polarity: 'negative' }]);
  });

  it('grades the real Figure 1: its eight stated edges drawn right score 8 of 8', () => {
    const loaded = loadPackFolder(path.join(repoRoot, 'assets', 'packs', 'il32-gamma'));
    if (!loaded.ok) throw new Error('bundled pack does not load');
    const d1 = loaded.pack.pathways.find((p) => p.id === 'D1');
    if (!d1) throw new Error('no D1');
    const stated = d1.edges.filter((e) => !e.inferred);
    const grade = gradePathway(
      d1.edges,
      stated.map((e) => ({ from: e.from, to: e.to, polarity: polarityOf(e.sign) })),
    );
    expect(grade.score).toEqual({ correct: stated.length, required: stated.length });
    expect(d1.edges.length - stated.length).toBe(2);
  });
});
