import { describe, expect, it } from 'vitest';
import type {
  ChoiceOption,
  QuizItem,
  Statement,
  SubjectRef,
  TrueFalseItem,
} from '../../shared/engine/types.ts';
import type { Entity, EntityType, Fact, Pathway } from '../../shared/pack/schema.ts';
import type { DisagreementRule } from '../../shared/verify/disagreement.ts';
import type { VerifyPack } from '../../shared/verify/facts.ts';
import { keyCheckOf } from '../../shared/engine/kinds/index.ts';
import { verifyKeys } from '../../shared/verify/keys.ts';

/**
 * Every rule of the independent key check, on a small hand-made pack: each is shown passing a
 * sound item and failing a broken one, so the check cannot pass vacuously.
 */

function entity(id: string, type: EntityType): Entity {
  return {
    id,
    name: id,
    type,
    aliases: [],
    definition: `${id}.`,
    background: false,
    glossary: false,
  };
}

function fact(
  id: string,
  subject: string,
  relation: Fact['relation'],
  object: string,
  context: Partial<Fact['context']> = {},
  extra: Partial<Fact> = {},
): Fact {
  return {
    id,
    text: `${subject} ${relation} ${object}.`,
    subject,
    coSubjects: [],
    relation,
    object,
    context: {
      diseases: [],
      compartments: [],
      cells: [],
      species: [],
      setting: 'general',
      ...context,
    },
    topic: 't',
    tier: 'primary',
    references: ['R1'],
    highYield: false,
    ...extra,
  };
}

const facts: Fact[] = [
  fact('F001', 'il-32-gamma', 'isoform-of', 'il-32'),
  fact('F002', 'il-32-gamma', 'increases', 'nf-kb', { species: ['Homo sapiens'] }),
  fact('F003', 'tnf-alpha', 'decreases', 'il-6'),
  fact('F004', 'il-32', 'elevated-in', 'ra', { diseases: ['ra'], compartments: ['synovium'] }),
  fact('F005', 'il-32', 'no-difference-in', 'ra', { diseases: ['ra'], compartments: ['blood'] }),
  fact('F006', 'il-32-alpha', 'most-abundant-isoform-of', 'il-32'),
  fact('F007', 'tnf-alpha', 'induces-expression-of', 'il-32', { species: ['Mus musculus'] }),
  fact('F008', 'il-6', 'increases', 'tnf-alpha', { compartments: ['blood'] }),
  fact('F013', 'il-6', 'decreases', 'tnf-alpha'),
  fact('F009', 'il-32-gamma', 'increases', 'il-6', {}, { subjectModifier: 'lowered' }),
  fact('F010', 'il-6', 'does-not-induce', 'nf-kb'),
  fact(
    'F011',
    'il-32',
    'has-isoform-count',
    '9',
    {},
    { references: ['R1'], contested: { with: ['F012'], note: 'Counts differ.' } },
  ),
  fact('F012', 'il-32', 'has-isoform-count', '4', {}, { references: ['R2'] }),
];

const pathway: Pathway = {
  id: 'D1',
  title: 'Test model',
  summary: 'A test model.',
  tier: 'primary',
  references: ['R1'],
  contexts: [],
  annotations: [],
  nodes: ['tnf-alpha', 'il-32', 'nf-kb', 'il-6'].map((e) => ({
    id: e,
    entity: e,
    compartment: 'synovium',
    contexts: [],
  })),
  edges: [
    {
      id: 'a',
      from: 'tnf-alpha',
      to: 'il-32',
      sign: 'stimulates',
      factIds: ['F007'],
      inferred: false,
      contexts: [],
    },
    {
      id: 'b',
      from: 'il-32',
      to: 'nf-kb',
      sign: 'stimulates',
      factIds: ['F002'],
      inferred: false,
      contexts: [],
    },
    {
      id: 'c',
      from: 'tnf-alpha',
      to: 'il-6',
      sign: 'inhibits',
      factIds: ['F003'],
      inferred: false,
      contexts: [],
    },
    // Drawn, but its fact links other entities: no route may rest on it.
    {
      id: 'd',
      from: 'nf-kb',
      to: 'il-6',
      sign: 'stimulates',
      factIds: ['F002'],
      inferred: false,
      contexts: [],
    },
  ],
};

const pack: VerifyPack = {
  entities: [
    entity('il-32', 'cytokine'),
    entity('il-32-gamma', 'isoform'),
    entity('il-32-alpha', 'isoform'),
    entity('tnf-alpha', 'cytokine'),
    entity('nf-kb', 'transcription-factor'),
    entity('il-6', 'cytokine'),
    entity('ra', 'disease'),
    entity('synovium', 'compartment'),
    entity('blood', 'compartment'),
  ],
  facts,
  pathways: [pathway],
};

const base = {
  prompt: 'A question?',
  explanation: 'Because.',
  citations: [],
  difficulty: 2,
  topic: 't',
  pathwayIds: [],
  diseaseIds: [],
  entityIds: [],
  edgeIds: [],
  inferenceIds: [],
  teachingPointIds: [],
  highYield: false,
  family: 'f',
} as const;

const subject = (entityId: string, modifier?: string): SubjectRef => ({
  entityId,
  coSubjects: [],
  ...(modifier === undefined ? {} : { modifier }),
});

function statement(
  s: string,
  relation: string,
  object: string,
  more: Partial<Statement> = {},
): Statement {
  return { subject: subject(s), relation, object, compartments: [], diseases: [], ...more };
}

function trueFalse(
  answer: boolean,
  claim: Statement,
  factIds: string[] = ['F002'],
  prompt = 'True or false? In mouse synovium in RA, the claim holds.',
): TrueFalseItem {
  return { ...base, id: 'tf', kind: 'true-false', factIds, statement: claim, answer, prompt };
}

function option(id: string, correct: boolean, more: Partial<ChoiceOption> = {}): ChoiceOption {
  return { id, text: id, correct, ...more };
}

function rules(item: QuizItem, on: VerifyPack = pack): DisagreementRule[] {
  return verifyKeys(on, [item], keyCheckOf).map((d) => d.rule);
}

describe('true statements', () => {
  it('are supported by a cited fact, and an isoform’s fact supports its gene', () => {
    const claim = statement('il-32', 'activates', 'nf-kb', { species: ['Homo sapiens'] });
    expect(rules(trueFalse(true, claim))).toEqual([]);
  });

  it('are unsupported when they drop a qualifier of the fact (a mouse finding stated generally)', () => {
    const kept = statement('tnf-alpha', 'increases', 'il-32', { species: ['Mus musculus'] });
    expect(rules(trueFalse(true, kept, ['F007']))).toEqual([]);
    const general = statement('tnf-alpha', 'increases', 'il-32');
    expect(rules(trueFalse(true, general, ['F007']))).toEqual(['key-unsupported']);
  });

  it('are unsupported when the cited fact has the other polarity or another object', () => {
    expect(rules(trueFalse(true, statement('tnf-alpha', 'increases', 'il-6'), ['F003']))).toEqual([
      'key-unsupported',
    ]);
    expect(rules(trueFalse(true, statement('il-32-gamma', 'increases', 'il-6'), ['F002']))).toEqual(
      ['key-unsupported'],
    );
  });

  it('read a perturbed subject: "lowered X raises Y" supports "X lowers Y"', () => {
    expect(rules(trueFalse(true, statement('il-32-gamma', 'decreases', 'il-6'), ['F009']))).toEqual(
      [],
    );
    expect(rules(trueFalse(true, statement('il-32-gamma', 'increases', 'il-6'), ['F009']))).toEqual(
      ['key-unsupported'],
    );
  });

  it('must show the fact’s compartment, disease and a mouse setting in their words', () => {
    const claim = statement('il-32', 'elevated-in', 'ra', {
      compartments: ['synovium'],
      diseases: ['ra'],
    });
    const shown = 'True or false? IL-32 is raised in the synovium in RA.';
    expect(rules(trueFalse(true, claim, ['F004'], shown))).toEqual([]);
    const hidden = 'True or false? IL-32 is raised in RA.';
    expect(rules(trueFalse(true, claim, ['F004'], hidden))).toEqual(['setting-not-shown']);
    const mouse = statement('tnf-alpha', 'increases', 'il-32', { species: ['Mus musculus'] });
    const general = 'True or false? TNF-α induces IL-32.';
    expect(rules(trueFalse(true, mouse, ['F007'], general))).toEqual(['setting-not-shown']);
  });

  it('are reported when another fact with an overlapping setting contradicts them', () => {
    const claim = statement('il-6', 'increases', 'tnf-alpha', { compartments: ['blood'] });
    expect(rules(trueFalse(true, claim, ['F008']))).toEqual(['key-contradicted']);
  });
});

describe('false statements', () => {
  it('pass when a fact states the opposite polarity', () => {
    expect(rules(trueFalse(false, statement('tnf-alpha', 'increases', 'il-6')))).toEqual([]);
  });

  it('fail when nothing contradicts them: a missing fact proves nothing', () => {
    expect(rules(trueFalse(false, statement('tnf-alpha', 'increases', 'nf-kb')))).toEqual([
      'wrong-unproven',
    ]);
  });

  it('fail when a fact supports them, through an isoform too', () => {
    expect(rules(trueFalse(false, statement('il-32', 'increases', 'nf-kb')))).toEqual([
      'wrong-is-true',
    ]);
  });

  it('do not take a fact about an isoform as contradicting its gene', () => {
    expect(rules(trueFalse(false, statement('il-32', 'decreases', 'nf-kb')))).toEqual([
      'wrong-unproven',
    ]);
  });

  it('pass when "does not induce" denies them, or "no difference" meets a change', () => {
    expect(rules(trueFalse(false, statement('il-6', 'induces-expression-of', 'nf-kb')))).toEqual(
      [],
    );
    const raisedInBlood = statement('il-32', 'elevated-in', 'ra', {
      compartments: ['blood'],
      diseases: ['ra'],
    });
    expect(rules(trueFalse(false, raisedInBlood))).toEqual([]);
  });

  it('pass when the types of their ends make them impossible', () => {
    expect(rules(trueFalse(false, statement('il-32', 'produced-by', 'ra')))).toEqual([]);
  });

  it('use background facts as evidence', () => {
    const claim = statement('tnf-alpha', 'increases', 'nf-kb');
    const background = [fact('B001', 'tnf-alpha', 'decreases', 'nf-kb')];
    expect(rules(trueFalse(false, claim), { ...pack, background })).toEqual([]);
  });
});

describe('entity-choice items', () => {
  const mcq = (options: ChoiceOption[]): QuizItem => ({
    ...base,
    id: 'mcq',
    kind: 'mcq',
    factIds: ['F006'],
    claim: { kind: 'subject-of', object: 'il-32', relation: 'most-abundant-isoform-of' },
    options,
  });

  it('prove a wrong option by a single-valued relation or by type', () => {
    const sound = mcq([
      option('il-32-alpha', true, { entityId: 'il-32-alpha' }),
      option('il-32-gamma', false, { entityId: 'il-32-gamma' }),
      option('tnf-alpha', false, { entityId: 'tnf-alpha' }),
    ]);
    expect(rules(sound)).toEqual([]);
  });

  it('fail when the keyed entity is not the one the facts give', () => {
    const wrongKey = mcq([
      option('il-32-gamma', true, { entityId: 'il-32-gamma' }),
      option('il-32-alpha', false, { entityId: 'il-32-alpha' }),
    ]);
    expect(rules(wrongKey)).toEqual(['key-unsupported', 'wrong-is-true']);
  });

  it('fail on a wrong option that no fact contradicts (a different role in a model is no proof)', () => {
    const item: QuizItem = {
      ...base,
      id: 'mcq-object',
      kind: 'mcq',
      factIds: ['F003'],
      claim: {
        kind: 'object-of',
        subject: subject('tnf-alpha'),
        relation: 'decreases',
        pathwayId: 'D1',
      },
      options: [
        option('il-6', true, { entityId: 'il-6' }),
        option('nf-kb', false, { entityId: 'nf-kb' }),
      ],
    };
    expect(rules(item)).toEqual(['wrong-unproven']);
  });
});

describe('statement options', () => {
  const item = (options: ChoiceOption[], referenceId = 'R1'): QuizItem => ({
    ...base,
    id: 'mcq-statement',
    kind: 'mcq',
    factIds: ['F002'],
    claim: { kind: 'statement', referenceId },
    options,
  });
  const key = option('fact', true, {
    statement: statement('il-32-gamma', 'increases', 'nf-kb', { species: ['Homo sapiens'] }),
  });

  it('pass with a supported key from the named source and contradicted wrong statements', () => {
    const wrong = option('flip', false, { statement: statement('tnf-alpha', 'increases', 'il-6') });
    expect(rules(item([key, wrong]))).toEqual([]);
  });

  it('fail when the key is not from the named source, or a wrong statement is unproven', () => {
    expect(rules(item([key], 'R9'))).toEqual(['key-unsupported']);
    const unproven = option('swap', false, {
      statement: statement('tnf-alpha', 'increases', 'nf-kb'),
    });
    expect(rules(item([key, unproven]))).toEqual(['wrong-unproven']);
  });
});

describe('context items', () => {
  const item = (compartment: string, keyed: string): QuizItem => ({
    ...base,
    id: 'context',
    kind: 'context',
    factIds: ['F004', 'F005'],
    ask: 'status',
    subject: subject('il-32'),
    diseaseId: 'ra',
    compartments: [compartment],
    options: ['raised', 'reduced', 'no-difference'].map((id) => option(id, id === keyed)),
  });

  it('pass when the keyed level is the one reported in that compartment', () => {
    expect(rules(item('synovium', 'raised'))).toEqual([]);
    expect(rules(item('blood', 'no-difference'))).toEqual([]);
  });

  it('fail when the keyed level is not reported there', () => {
    expect(rules(item('blood', 'raised'))).toContain('key-unsupported');
  });
});

describe('pathway kinds', () => {
  const perturbation = (
    target: string,
    keyed: string,
    change: 'raised' | 'blocked' = 'raised',
  ): QuizItem => ({
    ...base,
    id: `perturbation:${target}:${keyed}`,
    kind: 'perturbation',
    factIds: ['F007'],
    pathwayId: 'D1',
    perturbation: { nodeId: 'tnf-alpha', change, targetNodeId: target },
    options: ['up', 'down', 'unchanged', 'depends'].map((id) => option(id, id === keyed)),
    routes: [],
  });

  it('perturbation keys follow the fact-backed routes', () => {
    expect(rules(perturbation('nf-kb', 'up'))).toEqual([]);
    expect(rules(perturbation('nf-kb', 'down', 'blocked'))).toEqual([]);
    expect(rules(perturbation('nf-kb', 'down'))).toEqual(['key-unsupported']);
  });

  it('"does not change" needs a no-difference finding, not a missing path', () => {
    expect(rules(perturbation('nf-kb', 'unchanged'))).toEqual(['no-change-unproven']);
  });

  it('a route over an edge no fact backs proves nothing', () => {
    const item = {
      ...perturbation('il-6', 'down'),
      perturbation: { nodeId: 'il-32', change: 'raised' as const, targetNodeId: 'il-6' },
    };
    const found = verifyKeys(pack, [item], keyCheckOf);
    expect(found.map((d) => d.rule)).toEqual(['key-unsupported']);
    expect(found[0]?.reason).toContain('edge D1:d');
  });

  const edge = (keyed: string): QuizItem => ({
    ...base,
    id: 'diagram-edge',
    kind: 'diagram-edge',
    factIds: ['F003'],
    pathwayId: 'D1',
    caption: 'Figure 1',
    hiddenEdgeId: 'c',
    options: ['+', '-', '0'].map((id) => option(id, id === keyed)),
  });

  it('edge signs are the sign of the edge’s facts', () => {
    expect(rules(edge('-'))).toEqual([]);
    expect(rules(edge('+'))).toEqual(['key-unsupported', 'wrong-is-true']);
  });

  const ordering = (answer: string[]): QuizItem => ({
    ...base,
    id: 'ordering',
    kind: 'ordering',
    factIds: ['F007'],
    pathwayId: 'D1',
    steps: answer.map((id) => ({ id, text: id })),
    answer,
  });

  it('orderings step along drawn, fact-backed edges', () => {
    expect(rules(ordering(['tnf-alpha', 'il-32', 'nf-kb']))).toEqual([]);
    expect(rules(ordering(['il-32', 'nf-kb', 'il-6']))).toEqual(['edge-unsupported']);
    expect(rules(ordering(['tnf-alpha', 'nf-kb']))).toEqual(['key-unsupported']);
  });
});

describe('source kinds', () => {
  const whichStudy = (key: string, wrong: string): QuizItem => ({
    ...base,
    id: 'which-study',
    kind: 'which-study',
    factIds: ['F011', 'F012'],
    factId: 'F011',
    options: [option(key, true), option(wrong, false)],
  });

  it('which-study keys the asked fact’s source; a wrong source reported a contested finding', () => {
    expect(rules(whichStudy('R1', 'R2'))).toEqual([]);
    expect(rules(whichStudy('R2', 'R1'))).toEqual(['key-unsupported', 'wrong-is-true']);
    expect(rules(whichStudy('R1', 'R3'))).toEqual(['wrong-unproven']);
  });

  const cloze = (entityId: string): QuizItem => ({
    ...base,
    id: 'cloze',
    kind: 'cloze',
    factIds: ['F002'],
    answer: { text: entityId, entityId, accepted: [entityId] },
  });

  it('cloze answers are an end of a cited fact', () => {
    expect(rules(cloze('nf-kb'))).toEqual([]);
    expect(rules(cloze('il-6'))).toEqual(['key-unsupported']);
  });

  const matching = (right: string): QuizItem => ({
    ...base,
    id: 'matching',
    kind: 'matching',
    factIds: ['F004'],
    matchingFamily: 'disease-status',
    anchorEntityId: 'il-32',
    left: [{ id: 'ra', text: 'RA', entityId: 'ra' }],
    right: [{ id: 'a', text: right }],
    answer: [{ leftId: 'ra', rightId: 'a', factId: 'F004' }],
  });

  it('disease-status pairs state the level their fact reports', () => {
    expect(rules(matching('raised in the synovium'))).toEqual([]);
    expect(rules(matching('reduced in the synovium'))).toEqual(['key-unsupported']);
  });

  it('an item citing an unknown fact is reported', () => {
    expect(rules(trueFalse(true, statement('il-32', 'increases', 'nf-kb'), ['F999']))).toEqual([
      'fact-unknown',
    ]);
  });
});
