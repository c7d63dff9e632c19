import { describe, expect, it } from 'vitest';
import type { ChoiceOption, QuizItem } from '../../shared/engine/types.ts';
import { keyCheckOf } from '../../shared/engine/kinds/index.ts';
import { verifyKeys } from '../../shared/verify/keys.ts';
import {
  base,
  option,
  pack,
  rules,
  statement,
  subject,
  trueFalse,
} from '../support/key-check-pack.ts';

/**
 * Every rule of the independent key check, on a small hand-made pack (its home:
 * test/support/key-check-pack.ts): each is shown passing a sound item and failing a broken one, so
 * the check cannot pass vacuously.
 * Here: choice, context, pathway and source kinds. True-or-false: bank-verify-keys-statements.
 */

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
