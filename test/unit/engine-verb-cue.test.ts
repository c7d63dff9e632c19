import { describe, expect, it } from 'vitest';
import { trueFalseCues } from '../../shared/engine/items/test-wise.ts';
import { selectTrueFalse } from '../../shared/engine/items/true-false-selection.ts';
import { withoutAside } from '../../shared/engine/kinds/true-false/statement-rules.ts';
import type { Statement, TrueFalseItem } from '../../shared/engine/types.ts';
import { generateBank } from '../../shared/engine/bank.ts';
import { bundledBank } from '../support/engine.ts';
import { readPackDir } from '../support/pack-dir.ts';
import { repoRoot } from '../support/packs.ts';
import path from 'node:path';

/** Audit 20261230: a verb that always comes with one answer, and an appositive left without its referent. */

const claim = (relation: string, detail?: string): Statement => ({
  subject: { entityId: 'a', coSubjects: [] },
  relation,
  object: 'b',
  compartments: [],
  diseases: [],
  ...(detail === undefined ? {} : { objectDetail: detail }),
});

const item = (i: number, answer: boolean, relation: string, verb: string): TrueFalseItem =>
  ({
    id: `t${String(i).padStart(2, '0')}`,
    kind: 'true-false',
    prompt: `True or false? A ${verb} B${i}.`,
    statement: claim(relation),
    answer,
    factIds: [`F${i}`],
    highYield: false,
  }) as unknown as TrueFalseItem;

describe('the verb a true/false statement is said with', () => {
  it('does not tell its answer: "inhibits" always true and "activates" always false are thinned', () => {
    // As in the second pack: true facts inhibit, their flips activate; "increases" is balanced.
    const items = [
      ...Array.from({ length: 8 }, (_, i) => item(i, true, 'inhibits', 'inhibits')),
      ...Array.from({ length: 8 }, (_, i) => item(10 + i, false, 'activates', 'activates')),
      ...Array.from({ length: 6 }, (_, i) => item(20 + i, true, 'increases', 'increases')),
      ...Array.from({ length: 6 }, (_, i) => item(30 + i, false, 'increases', 'increases')),
    ];
    expect(trueFalseCues(items).verbTrue).toBeCloseTo(22 / 28);
    const chosen = selectTrueFalse(items, new Set());
    expect(trueFalseCues(chosen).verbTrue).toBeLessThanOrEqual(0.6);
    // What stays is still worth asking: most of the balanced verb and some of each lopsided one.
    const kept = (relation: string) => chosen.filter((i) => i.statement.relation === relation);
    expect(kept('increases').length).toBeGreaterThanOrEqual(10);
    expect(kept('inhibits').length).toBeGreaterThan(0);
    expect(kept('activates').length).toBeGreaterThan(0);
  });

  it('holds in both packs’ banks', () => {
    const wnt = generateBank(readPackDir(path.join(repoRoot, 'test/fixtures/packs/wnt-bone')), {
      seed: 1,
    });
    for (const bank of [bundledBank, wnt]) {
      const tf = bank.quiz.filter((q): q is TrueFalseItem => q.kind === 'true-false');
      expect(trueFalseCues(tf).verbTrue).toBeLessThanOrEqual(0.6);
    }
  });
});

describe('an appositive about the objects', () => {
  it('goes with the co-object aside it refers to ("both osteoclast inhibitors")', () => {
    const kept = withoutAside(
      claim('increases', '(and IFN-γ) release, both osteoclast inhibitors'),
    );
    expect(kept.objectDetail).toBe('release');
    expect(withoutAside(claim('increases', 'after LPS, via TNF-α')).objectDetail).toBe(
      'after LPS, via TNF-α',
    );
  });
});
