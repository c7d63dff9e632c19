import { describe, expect, it } from 'vitest';
import { generateBank } from '../../shared/engine/bank.ts';
import { indexPack } from '../../shared/engine/pack-index.ts';
import { provablyFalse, refutationOf, supportOf } from '../../shared/engine/semantics.ts';
import type { McqItem, QuizItem, Statement } from '../../shared/engine/types.ts';
import { bundledPackDir, readPackDir } from '../support/pack-dir.ts';
import { molecule, tinyPack } from '../support/tiny-pack.ts';
import { backgroundFactSchema } from '../../shared/pack/schema.ts';

/**
 * The wrong keys of issue 10, each at the rule that made it: an option or a false statement is
 * wrong only when a fact or a background fact contradicts it in a fitting situation.
 */

const statement = (subject: string, relation: string, object: string, extra = {}): Statement => ({
  subject: { entityId: subject, coSubjects: [] },
  relation,
  object,
  compartments: [],
  diseases: [],
  ...extra,
});

const pack = readPackDir(bundledPackDir);
const bank = generateBank(pack, { seed: 1 });
const index = indexPack(pack);
const byId = new Map<string, QuizItem>(bank.quiz.map((q) => [q.id, q]));
const wrongTexts = (id: string): string[] => {
  const item = byId.get(id);
  return item?.kind === 'mcq' ? item.options.filter((o) => !o.correct).map((o) => o.text) : [];
};

describe('the bundled bank: examples of issue 10', () => {
  it('no longer offers TNF-α or IL-1β as not activating NF-κB (a different role in a model is no proof)', () => {
    expect(wrongTexts('mcq-reverse:F050')).not.toContain('TNF-α');
    expect(wrongTexts('mcq-reverse:F050')).not.toContain('IL-1β');
    const onModel = statement('tnf-alpha', 'activates', 'nf-kb', { pathwayId: 'D5' });
    expect(refutationOf(index, onModel)).toBeNull();
  });

  it('no longer offers DC-STAMP as a wrong answer for osteoclast fusion', () => {
    expect(wrongTexts('mcq-reverse:F089')).not.toContain('DC-STAMP');
  });

  it('no longer offers "NFATc1 promotes osteoclast differentiation" as false', () => {
    expect(wrongTexts('mcq-model:D6:F090')).not.toContain(
      'NFATc1 promotes osteoclast differentiation.',
    );
    const claim = statement('nfatc1', 'promotes', 'osteoclast-differentiation', {
      pathwayId: 'D6',
    });
    expect(provablyFalse(index, claim)).toBeNull();
  });

  it('reads a fact about IL-32γ as support for the claim about IL-32, co-objects included', () => {
    // F090: IL-32γ induces NFATc1 (and DC-STAMP); F071: IL-32 activates ERK1/2 (and Akt).
    expect(byId.has('tf-swap:F070:dc-stamp')).toBe(false);
    expect(supportOf(index, statement('il-32', 'increases', 'dc-stamp'))?.factIds).toContain(
      'F090',
    );
    expect(supportOf(index, statement('il-32-gamma', 'increases', 'akt'))).not.toBeNull();
    expect(wrongTexts('mcq-model:D6:F070')).not.toContain('IL-32 activates DC-STAMP.');
    expect(wrongTexts('mcq-model:D6:F089')).not.toContain('IL-32γ increases Akt.');
  });

  it('never offers a molecule as wrong where its isoform or parent is the answer', () => {
    for (const item of bank.quiz.filter((q): q is McqItem => q.kind === 'mcq')) {
      const key = item.options.find((o) => o.correct)?.entityId;
      const wrong = item.options.filter((o) => !o.correct).map((o) => o.entityId);
      if (key === 'il-32-gamma' || key === 'il-32') {
        expect(wrong).not.toContain(key === 'il-32' ? 'il-32-gamma' : 'il-32');
      }
    }
  });

  it('still asks which isoform is the most abundant, offering only other isoforms', () => {
    const texts = wrongTexts('mcq-reverse:F035');
    expect(texts).toHaveLength(3);
    expect(texts.every((t) => /^IL-32[α-ω]$/.test(t))).toBe(true);
  });
});

describe('refutation needs a fitting situation', () => {
  const tiny = tinyPack({
    entities: [
      molecule('a', 'Alphakine'),
      molecule('b', 'Betain'),
      { id: 'thp', name: 'THP-1 cell', type: 'cell', definition: 'A cell line.' },
      { id: 'pbmc', name: 'PBMC', type: 'cell', definition: 'Blood cells.' },
      { id: 'joint', name: 'Spinal joint', type: 'compartment', definition: 'A joint.' },
      { id: 'dis', name: 'Spondylitis', type: 'disease', definition: 'A disease.' },
    ],
    facts: [
      {
        id: 'F001',
        text: 'In THP-1 cells, Alphakine raises Betain.',
        subject: 'a',
        relation: 'increases',
        object: 'b',
        context: { cells: ['thp'], species: ['Homo sapiens'], setting: 'in-vitro' },
      },
    ],
  });
  const tinyIndex = indexPack(tiny);

  it('takes a cell-line finding as proof against a general claim', () => {
    expect(provablyFalse(tinyIndex, statement('a', 'decreases', 'b'))?.basis).toBe('contrary-fact');
  });

  it('never against a claim about other cells, another species or a tissue in disease', () => {
    const inPbmc = statement('a', 'decreases', 'b', { cells: ['pbmc'] });
    const inMice = statement('a', 'decreases', 'b', { species: ['Mus musculus'] });
    const inJoints = statement('a', 'decreases', 'b', {
      compartments: ['joint'],
      diseases: ['dis'],
    });
    expect(refutationOf(tinyIndex, inPbmc)).toBeNull();
    expect(refutationOf(tinyIndex, inMice)).toBeNull();
    expect(refutationOf(tinyIndex, inJoints)).toBeNull();
  });

  it('reads support broadly: the same effect in other cells keeps a claim from being called false', () => {
    expect(
      supportOf(tinyIndex, statement('a', 'increases', 'b', { cells: ['pbmc'] })),
    ).not.toBeNull();
  });
});

describe('the background layer', () => {
  const base = tinyPack({
    entities: [molecule('a', 'Alphakine'), molecule('b', 'Betain'), molecule('c', 'Gammin')],
    facts: [
      {
        id: 'F001',
        text: 'Alphakine raises Betain.',
        subject: 'a',
        relation: 'increases',
        object: 'b',
      },
    ],
  });
  const textbook = (id: string, subject: string, relation: string, object: string) =>
    backgroundFactSchema.parse({
      id,
      text: `${subject} ${relation} ${object}.`,
      subject,
      relation,
      object,
      context: {},
      topic: 'topic',
      tier: 'background',
      references: ['R17'],
    });
  const pack = {
    ...base,
    background: [textbook('B001', 'c', 'activates', 'b'), textbook('B002', 'a', 'decreases', 'c')],
  };
  const withBackground = indexPack(pack);

  it('keeps what the textbook says from being called false', () => {
    expect(supportOf(withBackground, statement('c', 'increases', 'b'))?.factIds).toEqual(['B001']);
    expect(provablyFalse(withBackground, statement('c', 'increases', 'b'))).toBeNull();
  });

  it('takes a textbook fact as proof against its opposite', () => {
    expect(provablyFalse(withBackground, statement('a', 'increases', 'c'))).toEqual({
      basis: 'contrary-fact',
      factIds: ['B002'],
    });
  });

  it('never makes an item of a background fact alone', () => {
    const bank = generateBank(pack, { seed: 1 });
    expect(bank.quiz.some((q) => q.factIds.some((id) => id.startsWith('B')))).toBe(false);
  });
});
