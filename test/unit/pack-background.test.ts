import { describe, expect, it } from 'vitest';
import { formatProblem, type PackProblem } from '../../shared/pack/problems.ts';
import { packSchema } from '../../shared/pack/schema.ts';
import { packStats } from '../../shared/pack/stats.ts';
import { validatePack } from '../../shared/pack/validate.ts';
import { edit, positionOf, readMiniPack, type PackTexts } from '../support/packs.ts';

/** The mini pack plus a textbook reference and a small, valid background.json. */
function withBackground(): PackTexts {
  const mini = readMiniPack();
  const textbook = {
    id: 'T:Boyle2003',
    kind: 'textbook',
    authors: ['Boyle WJ', 'Simonet WS', 'Lacey DL'],
    title: 'Osteoclast differentiation and activation',
    journal: 'Nature',
    year: 2003,
    doi: '10.1038/nature01658',
    citedByReview: 'not-applicable',
  };
  const references = JSON.parse(mini['references.json'] ?? '[]') as unknown[];
  const background = [
    {
      id: 'B001',
      text: 'RANKL is required for osteoclast precursors to become osteoclasts.',
      subject: 'rankl',
      relation: 'required-for',
      object: 'osteoclast-differentiation',
      context: {},
      topic: 'il-32-basics',
      tier: 'background',
      references: ['T:Boyle2003'],
    },
    {
      id: 'B002',
      text: 'IL-32γ is made from the IL-32 gene by alternative splicing.',
      subject: 'il-32-gamma',
      relation: 'isoform-of',
      object: 'il-32',
      context: {},
      topic: 'il-32-basics',
      tier: 'background',
      references: ['T:Boyle2003'],
    },
  ];
  return {
    ...mini,
    'references.json': JSON.stringify([...references, textbook], null, 2),
    'background.json': JSON.stringify(background, null, 2),
  };
}

function problemsOf(files: PackTexts): PackProblem[] {
  const result = validatePack(files);
  if (result.ok) throw new Error('expected the pack to be invalid');
  return result.problems;
}

/** Exactly one problem, of this rule, at the first character of `at` in `file`. */
function expectOneProblem(
  files: PackTexts,
  file: string,
  at: string,
  rule: string,
  occurrence = 1,
): PackProblem {
  const problems = problemsOf(files);
  expect(problems.map((p) => formatProblem(p))).toHaveLength(1);
  const [problem] = problems;
  expect({ file: problem?.file, rule: problem?.rule }).toEqual({ file, rule });
  expect({ line: problem?.line, column: problem?.column }).toEqual(
    positionOf(files[file], at, { occurrence }),
  );
  return problem as PackProblem;
}

describe('background.json', () => {
  it('is optional: without it the pack has no background', () => {
    const result = validatePack(readMiniPack());
    expect(result.ok && result.pack.background).toEqual([]);
  });

  it('loads background facts with their defaults, apart from the facts', () => {
    const result = validatePack(withBackground());
    if (!result.ok) throw new Error(result.problems.map((p) => formatProblem(p)).join('\n'));
    expect(result.pack.background.map((fact) => fact.id)).toEqual(['B001', 'B002']);
    expect(result.pack.background[0]?.tier).toBe('background');
    expect(result.pack.background[0]?.coSubjects).toEqual([]);
    expect(result.pack.facts.every((fact) => fact.tier !== 'background')).toBe(true);
    expect(packStats(result.pack).backgroundFacts).toBe(2);
    expect(packStats(result.pack).factsByTier.background).toBe(2);
  });

  it('survives the pack.get contract, and a pack without background gets []', () => {
    const result = validatePack(withBackground());
    if (!result.ok) throw new Error('expected a valid pack');
    expect(packSchema.parse(result.pack).background).toHaveLength(2);
    const withoutBackground: Record<string, unknown> = { ...result.pack };
    delete withoutBackground.background;
    expect(packSchema.parse(withoutBackground).background).toEqual([]);
  });

  it('checks entities like a fact does, with a suggestion', () => {
    const files = edit(withBackground(), 'background.json', '"rankl"', '"rankl-x"');
    const problem = expectOneProblem(files, 'background.json', '"rankl-x"', 'unknown-id');
    expect(problem.message).toMatch(/unknown entity "rankl-x" \(did you mean "rankl"\?\)/);
  });

  it('checks the object and the context entities', () => {
    const files = edit(
      withBackground(),
      'background.json',
      '"context": {}',
      '"context": { "cells": ["as"] }',
    );
    const problem = expectOneProblem(files, 'background.json', '"as"', 'wrong-entity-type');
    expect(problem.path).toBe('$[0].context.cells[0]');
  });

  it('requires each cited reference to exist and to be a textbook', () => {
    const unknown = edit(withBackground(), 'background.json', '"T:Boyle2003"', '"T:Boyle"');
    expectOneProblem(unknown, 'background.json', '"T:Boyle"', 'unknown-id');
    const primary = edit(withBackground(), 'background.json', '"T:Boyle2003"', '"R17"');
    const problem = expectOneProblem(primary, 'background.json', '"R17"', 'citation');
    expect(problem.message).toMatch(/kind "target-review".*kind "textbook"/);
  });

  it('takes only the background tier, no section, and B ids', () => {
    const tier = edit(withBackground(), 'background.json', '"background"', '"primary"');
    expectOneProblem(tier, 'background.json', '"primary"', 'schema');
    const section = edit(
      withBackground(),
      'background.json',
      '"tier": "background"',
      '"tier": "background", "section": "abstract"',
    );
    const problem = expectOneProblem(section, 'background.json', '"section"', 'schema');
    expect(problem.message).toMatch(/unknown field "section"/);
    const id = edit(withBackground(), 'background.json', '"B001"', '"F011"');
    expectOneProblem(id, 'background.json', '"F011"', 'schema');
  });

  it('keeps the background tier out of facts.json', () => {
    const files = edit(withBackground(), 'facts.json', '"tier": "review"', '"tier": "background"');
    const problem = expectOneProblem(files, 'facts.json', '"background"', 'schema');
    expect(problem.message).toMatch(/not an allowed tier/);
  });

  it('refuses a duplicate id, and a text that repeats a fact', () => {
    const id = edit(withBackground(), 'background.json', '"B002"', '"B001"');
    expectOneProblem(id, 'background.json', '"B001"', 'duplicate-id', 2);
    const mini = readMiniPack();
    const firstFactText = /"text": "([^"]+)"/.exec(mini['facts.json'] ?? '')?.[1] ?? '';
    const text = edit(
      withBackground(),
      'background.json',
      'IL-32γ is made from the IL-32 gene by alternative splicing.',
      firstFactText,
    );
    const problem = expectOneProblem(
      text,
      'background.json',
      `"${firstFactText}`,
      'duplicate-text',
    );
    expect(problem.message).toMatch(/same text as fact "F001" \(facts\.json:/);
  });
});
