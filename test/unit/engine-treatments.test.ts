import { describe, expect, it } from 'vitest';
import { generateBank } from '../../shared/engine/bank.ts';
import { checkBank } from '../../shared/engine/check.ts';
import { statementOf } from '../../shared/engine/claims.ts';
import { indexPack } from '../../shared/engine/pack-index.ts';
import { sentence } from '../../shared/engine/phrasing.ts';
import { tinyPack } from '../support/tiny-pack.ts';

/**
 * Treatments and their harms are relations of their own (issue 15: romosozumab's effects had
 * become plain increases and decreases): a drug treats a disease, has an adverse effect, and
 * what it does when given is a fact whose subject was "treated".
 */
describe('treatments and adverse effects', () => {
  const pack = tinyPack({
    entities: [
      { id: 'drug-x', name: 'ABX-7', type: 'drug', definition: 'A blocking antibody.' },
      { id: 'osteo', name: 'Osteoporosis', type: 'disease', definition: 'Low bone mass.' },
      { id: 'bmd', name: 'Bone mineral density', type: 'measure', definition: 'Mineral per area.' },
      {
        id: 'cv-events',
        name: 'Serious cardiovascular events',
        type: 'process',
        definition: 'Heart attack and stroke.',
      },
    ],
    facts: [
      {
        id: 'F001',
        text: 'ABX-7 is used to treat osteoporosis.',
        subject: 'drug-x',
        relation: 'treats',
        object: 'osteo',
        highYield: true,
      },
      {
        id: 'F002',
        text: 'In women with osteoporosis, treatment with ABX-7 increased bone mineral density.',
        subject: 'drug-x',
        subjectModifier: 'treated',
        relation: 'increases',
        object: 'bmd',
        context: { diseases: ['osteo'], species: ['Homo sapiens'], setting: 'clinical' },
        highYield: true,
      },
      {
        id: 'F003',
        text: 'In a trial, ABX-7 carried a higher risk of serious cardiovascular events compared with the comparator.',
        subject: 'drug-x',
        relation: 'has-adverse-effect',
        object: 'cv-events',
        context: {
          species: ['Homo sapiens'],
          setting: 'clinical',
          note: 'Compared with the comparator.',
        },
        highYield: true,
      },
    ],
  });
  const index = indexPack(pack);
  const said = (id: string) => {
    const fact = pack.facts.find((f) => f.id === id);
    if (!fact) throw new Error(id);
    return sentence(index, statementOf(fact), fact.context);
  };

  it('phrases a treatment, its effect and its harm, each with its setting', () => {
    expect(said('F001')).toBe('ABX-7 is used to treat osteoporosis');
    expect(said('F002')).toBe(
      'treatment with ABX-7 increases bone mineral density in patients with osteoporosis',
    );
    expect(said('F003')).toBe(
      'ABX-7 is associated with serious cardiovascular events in people compared with the comparator',
    );
  });

  it('builds a clean bank that asks what the drug treats and what it did when given', () => {
    const bank = generateBank(pack, { seed: 'treatments' });
    expect(checkBank(pack, bank)).toEqual([]);
    // What a drug treats is an open set: only the review's words, named, close it.
    expect(bank.cards.map((card) => card.front)).toContain(
      "According to the review's Figure 1 (Lee et al. 2017), ABX-7 is used to treat _____.",
    );
    const onEffect = bank.quiz.filter(
      (item) => item.kind === 'true-false' && item.factIds.includes('F002'),
    );
    expect(onEffect.map((item) => item.prompt)).toEqual([
      expect.stringMatching(/treatment with ABX-7 increases bone mineral density in patients/),
    ]);
  });

  it('never turns what a drug does into a false statement or a wrong option', () => {
    // "Treatment with ABX-7 decreases bone mineral density" is struck out by anyone who knows
    // why the drug is given, and leaves the one helpful option the key (audit 20261230).
    const bank = generateBank(pack, { seed: 'treatments' });
    const falseOnDrug = bank.quiz.flatMap((item) => {
      if (item.kind === 'true-false') return item.answer ? [] : [item.statement.subject.entityId];
      if (item.kind === 'mcq')
        return item.options.filter((o) => !o.correct).map((o) => o.statement?.subject.entityId);
      return [];
    });
    expect(falseOnDrug).not.toContain('drug-x');
  });
});
