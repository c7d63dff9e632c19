import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateBank } from '../../shared/engine/bank.ts';
import { buildQuiz } from '../../shared/engine/quiz-builder.ts';
import { statementOf } from '../../shared/engine/claims.ts';
import { indexPack } from '../../shared/engine/pack-index.ts';
import { sentence } from '../../shared/engine/phrasing.ts';
import type { Pack } from '../../shared/pack/schema.ts';
import { bundledBank, bundledPack } from '../support/engine.ts';
import { readPackDir } from '../support/pack-dir.ts';
import { repoRoot } from '../support/packs.ts';
import { molecule, tinyPack } from '../support/tiny-pack.ts';

/** The rules the blind audits of 20261230 (both packs) found missing, each at its own home. */

const cardsOf = (pack: Pack) => generateBank(pack, { seed: 1 }).cards;
const cardOf = (pack: Pack, id: string) => cardsOf(pack).find((card) => card.id === id);
const wntPack = readPackDir(path.join(repoRoot, 'test', 'fixtures', 'packs', 'wnt-bone'));
const wnt = generateBank(wntPack, { seed: 1 });

describe('a fact card has one answer to its blank', () => {
  const category = (id: string, name: string) => ({
    id,
    name,
    type: 'category' as const,
    aliases: [],
    definition: `${name}, a category.`,
  });

  it('asks a category as the definition it is, never as a blank', () => {
    const pack = tinyPack({
      entities: [
        {
          ...molecule('x', 'XL-9'),
          definition: 'Pro-inflammatory cytokine made as three isoforms.',
        },
        category('cytokine', 'pro-inflammatory cytokine'),
        category('marker', 'prognostic marker'),
        category('target', 'therapeutic target'),
      ],
      facts: [
        {
          id: 'F001',
          text: "The review's abstract introduces XL-9 as a pro-inflammatory cytokine.",
          subject: 'x',
          relation: 'is-a',
          object: 'cytokine',
          section: 'abstract',
          highYield: true,
        },
        {
          id: 'F002',
          text: "The review's abstract proposes XL-9 as a therapeutic target and a prognostic marker.",
          subject: 'x',
          relation: 'proposed-as',
          object: 'marker',
          section: 'abstract',
        },
      ],
    });
    expect(cardOf(pack, 'fact-cloze:F001')).toBeUndefined();
    // Answered with the term's definition: the bare category fits any interleukin (audit 20261231).
    expect(cardOf(pack, 'entity-definition:x')).toMatchObject({
      front: 'What is XL-9?',
      back: 'Pro-inflammatory cytokine made as three isoforms.',
      factIds: ['F001'],
    });
    // "a therapeutic target and _____" takes biomarker as rightly as prognostic marker.
    expect(cardOf(pack, 'fact-cloze:F002')).toBeUndefined();
    expect(cardOf(bundledPack, 'entity-definition:il-32')?.front).toBe('What is IL-32?');
    expect(bundledBank.cards.map((card) => card.id)).not.toContain('fact-cloze:F132');
  });

  it('blanks a process a cause brings about only where a figure of the review closes it', () => {
    const process = (id: string, name: string) => ({
      id,
      name,
      type: 'process' as const,
      aliases: [],
      definition: `${name}, a process.`,
    });
    const packWith = (text: string, section: string) =>
      tinyPack({
        entities: [molecule('w', 'Wnt-X'), process('formation', 'bone formation')],
        facts: [
          {
            id: 'F001',
            text,
            subject: 'w',
            relation: 'promotes',
            object: 'formation',
            section,
            highYield: true,
          },
        ],
      });
    // Bare, or framed on the review's prose: osteoblast differentiation and bone mass fit too.
    expect(cardOf(packWith('Wnt-X promotes bone formation.', 'abstract'), 'fact-cloze:F001')).toBe(
      undefined,
    );
    expect(
      cardOf(
        packWith("The review's abstract states that Wnt-X promotes bone formation.", 'abstract'),
        'fact-cloze:F001',
      ),
    ).toBeUndefined();
    expect(
      cardOf(
        packWith("In the review's Figure 1 model, Wnt-X promotes bone formation.", 'figure-1'),
        'fact-cloze:F001',
      )?.front,
    ).toBe("In the review's Figure 1 model, Wnt-X promotes _____.");
    expect(wnt.cards.map((card) => card.id)).not.toContain('fact-cloze:F026');
  });

  it('never lists the answer among its siblings by the mark that sets it apart', () => {
    const isoform = (id: string, name: string) => ({
      id,
      name,
      type: 'isoform' as const,
      aliases: [],
      definition: `${name}, an isoform.`,
    });
    const packWith = (text: string) =>
      tinyPack({
        entities: [
          molecule('x', 'XL-9'),
          isoform('x-alpha', 'XL-9α'),
          isoform('x-beta', 'XL-9β'),
          isoform('x-gamma', 'XL-9γ'),
        ],
        facts: [
          {
            id: 'F001',
            text,
            subject: 'x-beta',
            relation: 'most-active-isoform-of',
            object: 'x',
            highYield: true,
          },
        ],
      });
    expect(
      cardOf(
        packWith('In assays comparing XL-9 isoforms α, β and γ, XL-9β was the strongest.'),
        'fact-cloze:F001',
      ),
    ).toBeUndefined();
    expect(
      cardOf(
        packWith('In cytokine assays, XL-9β was the strongest isoform of XL-9.'),
        'fact-cloze:F001',
      )?.front,
    ).toBe('In cytokine assays, _____ was the strongest isoform of XL-9.');
    expect(bundledBank.cards.map((card) => card.id)).not.toContain('fact-cloze:F034');
  });
});

describe('a statement about what a drug does', () => {
  it('has no false twin: the key would be the one option where the drug helps', () => {
    const ids = wnt.quiz.map((item) => item.id);
    for (const id of ['mcq-statement:F028', 'mcq-statement:F029', 'mcq-statement:F030'])
      expect(ids).not.toContain(id);
    for (const item of wnt.quiz) {
      if (item.kind === 'true-false' && !item.answer)
        expect(item.statement.subject.entityId, item.id).not.toBe('romosozumab');
    }
  });
});

describe('a transgene that makes mice more vulnerable to an LPS challenge', () => {
  it('is said with the challenge, not as causing the disease (pack fields, F027)', () => {
    const onF027 = bundledBank.quiz.filter((item) => item.factIds[0] === 'F027');
    expect(onF027.length).toBeGreaterThan(0);
    for (const item of onF027)
      expect(item.prompt, item.id).toMatch(/septic shock lethality after LPS/);
  });
});

describe('a perturbation of a stimulus or a process', () => {
  it('reduces it: blocking fits a molecule', () => {
    const loading = wnt.quiz.filter((item) =>
      item.id.startsWith('perturbation:D1:loading:blocked:'),
    );
    expect(loading.length).toBeGreaterThan(0);
    for (const item of loading)
      expect(item.prompt, item.id).toMatch(/if mechanical loading is reduced,/);
    // A molecule is still blocked.
    expect(wnt.quiz.some((item) => /if sclerostin is blocked,/.test(item.prompt))).toBe(true);
  });
});

describe('a level in a disease, measured in one place', () => {
  it('says the place before the disease, in every kind that phrases a statement', () => {
    const pack = tinyPack({
      entities: [
        molecule('d', 'DK-9'),
        { id: 'as', name: 'Ankylosing spondylitis', type: 'disease', definition: 'Spine.' },
        { id: 'serum', name: 'serum', type: 'compartment', definition: 'Blood without cells.' },
      ],
      facts: [
        {
          id: 'F001',
          text: 'Serum DK-9 is raised in patients with ankylosing spondylitis.',
          subject: 'd',
          relation: 'elevated-in',
          object: 'as',
          context: { compartments: ['serum'], species: ['Homo sapiens'], setting: 'clinical' },
        },
        {
          id: 'F002',
          text: 'Serum DK-9 is raised in mice with ankylosing spondylitis.',
          subject: 'd',
          relation: 'elevated-in',
          object: 'as',
          context: { compartments: ['serum'], species: ['Mus musculus'], setting: 'in-vivo' },
        },
      ],
    });
    const index = indexPack(pack);
    const said = (id: string) => {
      const fact = pack.facts.find((f) => f.id === id);
      if (!fact) throw new Error(id);
      return sentence(index, statementOf(fact), fact.context);
    };
    expect(said('F001')).toBe(
      'DK-9 is elevated in the serum of patients with ankylosing spondylitis',
    );
    expect(said('F002')).toBe('DK-9 is elevated in serum in ankylosing spondylitis in mice');
    const onF036 = wnt.quiz.filter((item) => item.factIds[0] === 'F036');
    expect(onF036.length).toBeGreaterThan(0);
    for (const item of onF036)
      expect(item.prompt, item.id).toMatch(
        /in the serum of patients with ankylosing spondylitis\./,
      );
  });
});

describe('a subject changed as a condition of the experiment says so once', () => {
  it('drops a condition note that names the changed subject, keeps one that does not', () => {
    const pack = tinyPack({
      entities: [
        molecule('d', 'DK-9', ['Dk9']),
        molecule('r', 'RL-2'),
        { id: 'mass', name: 'Bone mass', type: 'measure', definition: 'Mass.' },
      ],
      facts: [
        {
          id: 'F001',
          text: 'In mice with one Dk9 allele deleted, bone mass is increased.',
          subject: 'd',
          subjectModifier: 'lowered',
          relation: 'increases',
          object: 'mass',
          context: {
            species: ['Mus musculus'],
            setting: 'in-vivo',
            note: 'with one Dk9 allele deleted',
          },
        },
        {
          id: 'F002',
          text: 'In mice fed without RL-2, low DK-9 increases bone mass.',
          subject: 'd',
          subjectModifier: 'lowered',
          relation: 'increases',
          object: 'mass',
          context: { species: ['Mus musculus'], setting: 'in-vivo', note: 'without RL-2' },
        },
      ],
    });
    const index = indexPack(pack);
    const said = (id: string) => {
      const fact = pack.facts.find((f) => f.id === id);
      if (!fact) throw new Error(id);
      return sentence(index, statementOf(fact), fact.context);
    };
    expect(said('F001')).toBe('low DK-9 increases bone mass in mice');
    expect(said('F002')).toBe('low DK-9 increases bone mass in mice without RL-2');
  });

  it('the second pack says what its facts and terms mean (pack fixes)', () => {
    const card = wnt.cards.find((c) => c.id === 'entity-definition:dkk1');
    expect(card?.back).toMatch(/binds LRP5 and LRP6/);
    const onF028 = wnt.quiz.filter((item) => item.factIds[0] === 'F028');
    expect(onF028.length).toBeGreaterThan(0);
    for (const item of onF028) {
      expect(item.prompt, item.id).toMatch(/at the lumbar spine/);
      expect(item.prompt, item.id).not.toMatch(/after the menopause during/);
    }
    for (const item of wnt.quiz) expect(item.prompt, item.id).not.toMatch(/allele deleted/);
  });
});

describe('one link asked twice in one session', () => {
  it('never happens: raised and blocked, or one link in two figures, share a family', () => {
    for (const [pack, bank] of [
      [bundledPack, bundledBank],
      [wntPack, wnt],
    ] as const) {
      for (const seed of ['a', 'b', 'c']) {
        const quiz = buildQuiz(bank, pack, {
          mode: 'practice',
          count: bank.quiz.length,
          seed,
          kinds: ['perturbation', 'diagram-edge'],
        });
        const links = quiz.items.map((item) => `${item.kind}:${item.entityIds.join('>')}`);
        expect(links.length).toBeGreaterThan(5);
        expect(new Set(links).size, `${pack.manifest.id} ${seed}`).toBe(links.length);
      }
    }
  });
});
