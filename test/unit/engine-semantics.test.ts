import { describe, expect, it } from 'vitest';
import { generateBank } from '../../shared/engine/bank.ts';
import { checkBank } from '../../shared/engine/check.ts';
import { indexPack } from '../../shared/engine/pack-index.ts';
import { provablyFalse, supportOf } from '../../shared/engine/semantics.ts';
import type { McqItem, Statement, TrueFalseItem } from '../../shared/engine/types.ts';
import { molecule, tinyPack } from '../support/tiny-pack.ts';

const fact = (id: string, subject: string, relation: string, object: string, extra = {}) => ({
  id,
  text: `${subject} ${relation} ${object}.`,
  subject,
  relation: relation as 'increases',
  object,
  ...extra,
});

const statement = (subject: string, relation: string, object: string): Statement => ({
  subject: { entityId: subject, coSubjects: [] },
  relation,
  object,
  compartments: [],
  diseases: [],
});

describe('what the pack proves false', () => {
  const pack = tinyPack({
    entities: [
      molecule('a', 'Alphakine'),
      molecule('b', 'Betain'),
      molecule('c', 'Gammin'),
      molecule('d', 'Deltin'),
      molecule('e', 'Epsilin'),
      molecule('b-twin', 'B protein', ['Betain-2', 'Betain']),
    ],
    facts: [
      fact('F001', 'a', 'increases', 'b'),
      fact('F002', 'a', 'decreases', 'c'),
      fact('F003', 'a', 'increases', 'd', { contested: { with: ['F004'], note: 'Disputed.' } }),
      fact('F004', 'a', 'decreases', 'd', { contested: { with: ['F003'], note: 'Disputed.' } }),
    ],
  });
  const index = indexPack(pack);

  it('takes a contrary fact as proof', () => {
    expect(provablyFalse(index, statement('a', 'increases', 'c'))).toEqual({
      basis: 'contrary-fact',
      factIds: ['F002'],
    });
  });

  it('never takes a missing fact as proof', () => {
    expect(supportOf(index, statement('a', 'increases', 'e'))).toBeNull();
    expect(provablyFalse(index, statement('a', 'increases', 'e'))).toBeNull();
  });

  it('never takes a contested fact as proof, nor calls a contested claim false', () => {
    expect(provablyFalse(index, statement('a', 'increases', 'd'))).toBeNull();
    expect(provablyFalse(index, statement('a', 'decreases', 'd'))).toBeNull();
  });

  it('reads aliases: a statement about an entity under another name is the same statement', () => {
    // "b-twin" shares the written form "Betain" with "b", so A lowering it contradicts F001 and
    // A raising it is already a fact.
    expect(supportOf(index, statement('a', 'increases', 'b-twin'))?.factIds).toEqual(['F001']);
    expect(provablyFalse(index, statement('a', 'decreases', 'b-twin'))?.basis).toBe(
      'contrary-fact',
    );
  });

  it('builds distractors only from what the pack proves, and never two names of one entity', () => {
    const bank = generateBank(pack, { seed: 1 });
    expect(checkBank(pack, bank)).toEqual([]);
    for (const item of bank.quiz.filter((q): q is McqItem => q.kind === 'mcq')) {
      const ids = item.options.map((o) => o.entityId);
      expect(ids).not.toContain('e');
      expect(ids.includes('b') && ids.includes('b-twin')).toBe(false);
    }
    const falseOnes = bank.quiz.filter(
      (q): q is TrueFalseItem => q.kind === 'true-false' && !q.answer,
    );
    expect(falseOnes.map((q) => q.id).sort()).toEqual(['tf-flip:F001', 'tf-flip:F002']);
  });
});

describe('compartments and subject states', () => {
  const pack = tinyPack({
    entities: [
      molecule('il', 'Interleukin X'),
      { id: 'op', name: 'Osteoporosis', type: 'disease', definition: 'A disease.' },
      { id: 'plasma', name: 'Plasma', type: 'compartment', definition: 'Blood.' },
      { id: 'marrow', name: 'Bone marrow', type: 'compartment', definition: 'Marrow.' },
    ],
    facts: [
      fact('F001', 'il', 'reduced-in', 'op', { context: { compartments: ['plasma'] } }),
      fact('F002', 'il', 'no-difference-in', 'op', { context: { compartments: ['marrow'] } }),
    ],
  });
  const index = indexPack(pack);
  const inMarrow = { ...statement('il', 'reduced-in', 'op'), compartments: ['marrow'] };
  const inPlasma = { ...statement('il', 'elevated-in', 'op'), compartments: ['plasma'] };

  it('judges a level in the compartment it was measured in', () => {
    expect(provablyFalse(index, inMarrow)).toEqual({ basis: 'contrary-fact', factIds: ['F002'] });
    expect(provablyFalse(index, inPlasma)).toEqual({ basis: 'contrary-fact', factIds: ['F001'] });
    expect(supportOf(index, inMarrow)).toBeNull();
  });

  it('asks local-versus-systemic context questions with only proven wrong compartments', () => {
    const bank = generateBank(pack, { seed: 1 });
    expect(checkBank(pack, bank)).toEqual([]);
    const compartment = bank.quiz.find((q) => q.id === 'context-compartment:F001');
    expect(compartment?.kind === 'context' && compartment.options.map((o) => o.id).sort()).toEqual([
      'marrow',
      'plasma',
    ]);
  });
});
