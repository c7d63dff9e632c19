import { describe, expect, it } from 'vitest';
import { generateBank } from '../../shared/engine/bank.ts';
import { checkBank } from '../../shared/engine/check.ts';
import { indexPack } from '../../shared/engine/pack-index.ts';
import { sentence } from '../../shared/engine/phrasing.ts';
import { provablyFalse, supportOf } from '../../shared/engine/semantics.ts';
import { statementOf } from '../../shared/engine/claims.ts';
import type { Statement } from '../../shared/engine/types.ts';
import { molecule, tinyPack } from '../support/tiny-pack.ts';

/**
 * A protein's level and its function are different findings (issue 15: DKK-1 in ankylosing
 * spondylitis, total level raised, function reduced): neither refutes the other, a statement
 * says which it is about, and no question that reads as a level is built on the function.
 */
describe('measure: level, expression, activity, function', () => {
  const pack = tinyPack({
    entities: [
      molecule('dkk', 'DKK-9'),
      molecule('kin', 'MAPK-9'),
      molecule('act', 'ACT-9'),
      { id: 'dis', name: 'Spondylosis', type: 'disease', definition: 'A disease of the spine.' },
    ],
    facts: [
      {
        id: 'F001',
        text: 'Serum DKK-9 levels are raised in Spondylosis.',
        subject: 'dkk',
        relation: 'elevated-in',
        object: 'dis',
        measure: 'level',
        highYield: true,
        context: { diseases: ['dis'], species: ['Homo sapiens'], setting: 'clinical' },
      },
      {
        id: 'F002',
        text: 'Although its level is raised, DKK-9 function is reduced in Spondylosis.',
        subject: 'dkk',
        relation: 'reduced-in',
        object: 'dis',
        measure: 'function',
        highYield: true,
        context: { diseases: ['dis'], species: ['Homo sapiens'], setting: 'clinical' },
      },
      {
        id: 'F003',
        text: 'ACT-9 raises MAPK-9 activity.',
        subject: 'act',
        relation: 'increases',
        object: 'kin',
        measure: 'activity',
      },
    ],
  });
  const index = indexPack(pack);
  const fact = (id: string) => {
    const found = pack.facts.find((f) => f.id === id);
    if (!found) throw new Error(id);
    return found;
  };
  const said = (id: string, change: Partial<Statement> = {}) =>
    sentence(index, statementOf(fact(id), change), fact(id).context);

  it('says what was measured, on the side it belongs to', () => {
    expect(said('F002')).toMatch(/^DKK-9 function is reduced in spondylosis/);
    expect(said('F001')).toMatch(/^DKK-9 level is elevated in spondylosis/);
    expect(said('F003')).toBe('ACT-9 increases MAPK-9 activity');
  });

  it('lets a level and a function of one protein stand together', () => {
    const raisedFunction = statementOf(fact('F002'), { relation: 'elevated-in' });
    // The raised level does not support a raised function, and the reduced function refutes it.
    expect(supportOf(index, raisedFunction)?.factIds ?? []).not.toContain('F001');
    expect(provablyFalse(index, raisedFunction)?.factIds).toEqual(['F002']);
    const reducedLevel = statementOf(fact('F001'), { relation: 'reduced-in' });
    expect(provablyFalse(index, reducedLevel)?.factIds).toEqual(['F001']);
  });

  it('builds a clean bank whose level questions rest on the level only', () => {
    const bank = generateBank(pack, { seed: 'measures' });
    expect(checkBank(pack, bank)).toEqual([]);
    expect(
      bank.quiz.filter((item) => item.kind === 'context' && item.factIds.includes('F002')),
    ).toEqual([]);
    const onFunction = bank.quiz.filter(
      (item) => item.kind === 'true-false' && item.factIds.includes('F002'),
    );
    expect(onFunction.map((item) => item.prompt)).toEqual([
      expect.stringMatching(/DKK-9 function is reduced in spondylosis\.$/),
      expect.stringMatching(/DKK-9 function is elevated in spondylosis\.$/),
    ]);
  });
});
