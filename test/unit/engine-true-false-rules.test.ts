import { describe, expect, it } from 'vitest';
import { citationsForFact, sourceFraming } from '../../shared/engine/citations.ts';
import { trueFalseCues } from '../../shared/engine/items/test-wise.ts';
import { selectTrueFalse } from '../../shared/engine/items/true-false-selection.ts';
import { pairedRelation } from '../../shared/engine/claims.ts';
import { factOf, indexPack } from '../../shared/engine/pack-index.ts';
import { remarkLine, settingPhrase } from '../../shared/engine/setting.ts';
import type { Statement, TrueFalseItem } from '../../shared/engine/types.ts';
import { bundledBank, bundledPack } from '../support/engine.ts';

/** The rules audit N (true/false alone) found missing, each at its own home. */

const index = indexPack(bundledPack);
const trueFalse = bundledBank.quiz.filter((q): q is TrueFalseItem => q.kind === 'true-false');

describe('remarks in explanations', () => {
  it('leaves out a remark the fact sentence already says', () => {
    expect(
      remarkLine('Viral infection.', 'IL-32 contributes to antiviral host defence.'),
    ).toBeUndefined();
    expect(
      remarkLine(
        'Ovariectomy (OVX) model.',
        'Transgenic mice resist osteoporosis after ovariectomy.',
      ),
    ).toBeUndefined();
  });

  it('shows a short remark as the setting and a longer one as a note', () => {
    expect(remarkLine('Immune-mediated disease in general.', 'X is a target.')).toBe(
      'Setting: immune-mediated disease in general.',
    );
    expect(remarkLine('In T cells the same rise followed mitogen activation, not IL-2.', '')).toBe(
      'Note: In T cells the same rise followed mitogen activation, not IL-2.',
    );
    expect(remarkLine('TNF-α-knockout mice.', 'B')).toBe('Setting: TNF-α-knockout mice.');
  });

  it('no explanation in the bundled bank shows a bare fragment as a note', () => {
    for (const item of bundledBank.quiz) {
      for (const [, note] of item.explanation.matchAll(/Note: ([^.]*)\./g)) {
        expect((note ?? '').split(/\s+/).length, `${item.id}: ${note}`).toBeGreaterThan(4);
      }
    }
  });
});

describe('settings', () => {
  it('does not give each of several cells both species', () => {
    const phrase = settingPhrase(index, {
      compartments: [],
      diseases: [],
      cells: ['macrophage', 'pbmc'],
      species: ['Homo sapiens', 'Mus musculus'],
      setting: 'in-vitro',
    });
    expect(phrase).toBe('in cultured human and mouse cells');
  });

  it('keeps work in cultured cells so when the pack names no cell type', () => {
    const inVitro = {
      compartments: [],
      diseases: [],
      cells: [],
      species: ['Homo sapiens'],
      setting: 'in-vitro',
    } as const;
    expect(settingPhrase(index, inVitro)).toBe('in cultured human cells');
    expect(settingPhrase(index, { ...inVitro, species: [] })).toBe('in cultured cells');
    // Said once only: a sentence that already says so gets nothing more.
    expect(settingPhrase(index, inVitro, { after: 'In cultured cells, X binds Y' })).toBe('');
    expect(settingPhrase(index, { ...inVitro, setting: 'general' })).toBe('');
  });
});

describe('sources', () => {
  it('explains a statement by the source its stem is framed on', () => {
    const f019 = factOf(index, 'F019');
    expect(sourceFraming(index, f019)).toMatch(/review of IL-32 in tuberculosis/);
    expect(citationsForFact(index, f019)[0]?.label).toMatch(/^Review of IL-32 in tuberculosis/);
    for (const item of trueFalse) {
      const first = /\((F\d{3}); ([^)]*)\)/.exec(item.explanation);
      if (first?.[1] !== item.factIds[0] || !item.answer) continue;
      expect(item.prompt.toLowerCase(), item.id).toContain(
        (first?.[2]?.split(',')[0] ?? '').toLowerCase(),
      );
    }
  });
});

describe('true and false statements read alike', () => {
  it('a false statement keeps the place and qualifier its true one states', () => {
    const prompt = (id: string) => trueFalse.find((q) => q.id === id)?.prompt ?? '';
    expect(prompt('tf-flip:F105')).toContain('in the synovium');
    expect(prompt('tf-true:F105')).toContain('in the synovium');
    expect(prompt('tf-flip:F128')).toContain('induced by ovariectomy');
    // A pasted-in second claim is no part of either.
    expect(prompt('tf-true:F126')).not.toContain('(');
  });

  const claim = (relation: string): Statement => ({
    subject: { entityId: 'a', coSubjects: [] },
    relation,
    object: 'b',
    compartments: [],
    diseases: [],
  });
  const item = (i: number, answer: boolean, relation: string, prompt: string): TrueFalseItem =>
    ({
      id: `t${i}`,
      kind: 'true-false',
      prompt,
      statement: claim(relation),
      answer,
      factIds: [`F${i}`],
      highYield: false,
    }) as unknown as TrueFalseItem;

  it('keeps the main verb from telling the key, as well as "not" and "always true"', () => {
    // False statements mostly lower, true ones mostly raise; "without" balances the negation words.
    const items = [
      ...Array.from({ length: 12 }, (_, i) =>
        item(i, true, 'increases', `True or false? Without RANKL, A raises B${i}.`),
      ),
      ...Array.from({ length: 4 }, (_, i) => item(20 + i, true, 'decreases', `A lowers C${i}.`)),
      ...Array.from({ length: 12 }, (_, i) => item(40 + i, false, 'decreases', `A lowers D${i}.`)),
      ...Array.from({ length: 4 }, (_, i) => item(60 + i, false, 'increases', `A raises E${i}.`)),
    ];
    expect(trueFalseCues(items).positiveClaimTrue).toBe(0.75);
    const chosen = selectTrueFalse(items, new Set());
    const cues = trueFalseCues(chosen);
    // 15 is the most any choice keeps within 58 % on all three rules; one short of it is fine.
    expect(chosen.length).toBeGreaterThanOrEqual(14);
    expect(cues.positiveClaimTrue).toBeLessThanOrEqual(0.6);
    expect(cues.noNegationTrue).toBeLessThanOrEqual(0.6);
    expect(cues.alwaysTrue).toBeLessThanOrEqual(0.6);
  });
});

describe('the verb a statement is said with', () => {
  it('says a true claim with its false twin’s verb pair, never another claim', () => {
    expect(pairedRelation('induces-expression-of')).toBe('increases');
    expect(pairedRelation('inhibits')).toBe('inhibits');
    expect(pairedRelation('no-difference-in')).toBe('no-difference-in');
    expect(pairedRelation('targets')).toBe('targets');
  });

  it('every level statement in the bank says the level its claim states', () => {
    const levelWord: Record<string, RegExp> = {
      'elevated-in': /\bis elevated\b/,
      'reduced-in': /\bis reduced\b/,
      'no-difference-in': /\bno difference\b/,
    };
    for (const item of trueFalse) {
      const word = levelWord[item.statement.relation];
      if (word) expect(item.prompt, item.id).toMatch(word);
    }
  });
});
