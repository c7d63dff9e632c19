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
 * The small hand-made pack the bank-verify-keys-*.test.ts files check items against, the makers of
 * those items, and `rules`: what the independent key check finds wrong with one.
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

export function fact(
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

export const pack: VerifyPack = {
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

export const base = {
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

export const subject = (entityId: string, modifier?: string): SubjectRef => ({
  entityId,
  coSubjects: [],
  ...(modifier === undefined ? {} : { modifier }),
});

export function statement(
  s: string,
  relation: string,
  object: string,
  more: Partial<Statement> = {},
): Statement {
  return { subject: subject(s), relation, object, compartments: [], diseases: [], ...more };
}

export function trueFalse(
  answer: boolean,
  claim: Statement,
  factIds: string[] = ['F002'],
  prompt = 'True or false? In mouse synovium in RA, the claim holds.',
): TrueFalseItem {
  return { ...base, id: 'tf', kind: 'true-false', factIds, statement: claim, answer, prompt };
}

export function option(
  id: string,
  correct: boolean,
  more: Partial<ChoiceOption> = {},
): ChoiceOption {
  return { id, text: id, correct, ...more };
}

export function rules(item: QuizItem, on: VerifyPack = pack): DisagreementRule[] {
  return verifyKeys(on, [item], keyCheckOf).map((d) => d.rule);
}
