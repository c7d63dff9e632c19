import { describe, expect, it } from 'vitest';
import { fact, pack, rules, statement, trueFalse } from '../support/key-check-pack.ts';

/**
 * Every rule of the independent key check, on a small hand-made pack (its home:
 * test/support/key-check-pack.ts): each is shown passing a sound item and failing a broken one, so
 * the check cannot pass vacuously.
 * Here: true-or-false statements. The other kinds: bank-verify-keys-kinds.test.ts.
 */

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
