import { describe, expect, it } from 'vitest';
import ELK from 'elkjs';
import { layoutPack, serializeLayout } from '../../shared/pack/layout.ts';
import { validatePack } from '../../shared/pack/validate.ts';
import { expectProblemIn, expectSingleProblem, problemsOf } from '../support/pack-problems.ts';
import { edit, readMiniPack, type PackTexts } from '../support/packs.ts';

// validatePack on the mini fixture: a valid pack, then broken JSON, missing or unknown files and
// schema errors, each reported at the offending place.

const mini = readMiniPack();
describe('validatePack: a valid pack', () => {
  it('accepts the mini fixture and applies defaults', () => {
    const result = validatePack(mini);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.manifest.id).toBe('mini');
    expect(result.pack.facts).toHaveLength(10);
    expect(result.pack.facts[0]?.coSubjects).toEqual([]);
    expect(result.pack.facts[0]?.context.species).toEqual([]);
    expect(result.pack.layout).toBeUndefined();
  });

  it('accepts the pack with the layout pack:layout computes for it', async () => {
    const first = validatePack(mini);
    if (!first.ok) throw new Error('fixture invalid');
    const layout = serializeLayout(await layoutPack(new ELK(), first.pack));
    const result = validatePack({ ...mini, 'layout.json': layout });
    expect(result.ok).toBe(true);
    expect(result.ok && Object.keys(result.pack.layout?.pathways ?? {})).toEqual(['D1']);
  });
});

describe('validatePack: JSON syntax', () => {
  it('points at the token after a missing comma', () => {
    const files = edit(mini, 'facts.json', '"id": "F004",', '"id": "F004"');
    const problem = expectSingleProblem(files, {
      file: 'facts.json',
      rule: 'json-syntax',
      at: '"text": "RANKL that',
      message: /expected ","/,
    });
    expect(problem.path).toBeUndefined();
  });

  it('points at a trailing comma', () => {
    const files = edit(
      mini,
      'teaching-points.json',
      '"pathwayIds": ["D1"]',
      '"pathwayIds": ["D1"],',
    );
    expectSingleProblem(files, {
      file: 'teaching-points.json',
      rule: 'json-syntax',
      at: ',\n  },',
      message: /trailing comma/,
    });
  });

  it('refuses comments', () => {
    const files = edit(mini, 'references.json', '[', '// sources\n[');
    expectSingleProblem(files, {
      file: 'references.json',
      rule: 'json-syntax',
      at: '// sources',
      message: /comments are not allowed/,
    });
  });

  it('reports a byte-order mark and a duplicate key, but still reads the file', () => {
    const withBom = { ...mini, 'manifest.json': `\uFEFF${mini['manifest.json'] ?? ''}` };
    expectSingleProblem(withBom, { file: 'manifest.json', rule: 'json-syntax', at: '\uFEFF' });
    const duplicate = edit(
      mini,
      'facts.json',
      '"highYield": true',
      '"highYield": true, "highYield": false',
    );
    expectSingleProblem(duplicate, {
      file: 'facts.json',
      rule: 'duplicate-key',
      path: '$[0].highYield',
      at: '"highYield": false',
    });
  });

  it('refuses absurd nesting before it can exhaust the stack', () => {
    const files = { ...mini, 'facts.json': '['.repeat(200_000) };
    const problems = problemsOf(files);
    expect(problems).toEqual([
      expect.objectContaining({ file: 'facts.json', line: 1, column: 65, rule: 'json-syntax' }),
    ]);
  });

  it('reports one problem per broken file and still checks the others', () => {
    const files = edit(
      edit(mini, 'entities.json', '"id": "rankl",', '"id": "rankl"'),
      'facts.json',
      '"topic": "il-32-basics"',
      '"topic": "il32-basics"',
    );
    const problems = problemsOf(files);
    expect(problems.map((p) => [p.file, p.rule])).toEqual([
      ['entities.json', 'json-syntax'],
      ['facts.json', 'unknown-id'],
    ]);
  });
});

describe('validatePack: files', () => {
  it('names a missing file and an unknown one at 1:1', () => {
    const files: PackTexts = { ...mini, 'fact.json': '[]' };
    delete files['teaching-points.json'];
    const problems = problemsOf(files);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'teaching-points.json',
        line: 1,
        column: 1,
        rule: 'missing-file',
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'fact.json',
        line: 1,
        column: 1,
        rule: 'unknown-file',
        message: expect.stringContaining('did you mean "facts.json"') as string,
      }),
    );
    // Without teaching-points.json, references to E2 cannot be checked, so they are not reported.
    expect(problems.filter((p) => p.rule === 'unknown-id')).toEqual([]);
  });
});

describe('validatePack: schema errors at the offending node', () => {
  it('points at a misspelt field and suggests the right one', () => {
    const files = edit(mini, 'facts.json', '"subject": "rankl"', '"subjet": "rankl"');
    const problems = problemsOf(files);
    expectProblemIn(problems, files, {
      file: 'facts.json',
      rule: 'schema',
      path: '$[3].subjet',
      at: '"subjet"',
      message: /unknown field "subjet" \(did you mean "subject"\?\)/,
    });
    expectProblemIn(problems, files, {
      file: 'facts.json',
      rule: 'schema',
      path: '$[3].subject',
      at: '{\n    "id": "F004"',
      message: /missing required field "subject"/,
    });
  });

  it('suggests the closest relation for an unknown one', () => {
    const files = edit(mini, 'facts.json', '"relation": "activates"', '"relation": "activate"');
    expectSingleProblem(files, {
      file: 'facts.json',
      rule: 'schema',
      path: '$[3].relation',
      at: '"activate"',
      message: /"activate" is not an allowed relation \(did you mean "activates"\?\)/,
    });
  });

  it('refuses an empty fact text and a malformed id', () => {
    const empty = edit(
      mini,
      'facts.json',
      '"text": "RANKL that IL-32γ has raised drives osteoclast differentiation."',
      '"text": "   "',
    );
    expectSingleProblem(empty, {
      file: 'facts.json',
      rule: 'schema',
      path: '$[3].text',
      at: '"   "',
      message: /must not be empty/,
    });
    const badId = edit(mini, 'facts.json', '"id": "F004"', '"id": "F4"');
    const problems = problemsOf(badId);
    expectProblemIn(problems, badId, {
      file: 'facts.json',
      rule: 'schema',
      path: '$[3].id',
      at: '"F4"',
      message: /"F4" must be a fact id/,
    });
    // The pathway edge and the teaching point citing F004 now point at nothing, and say so.
    expect(problems.filter((p) => p.rule === 'unknown-id').map((p) => p.file)).toEqual([
      'pathways.json',
      'teaching-points.json',
    ]);
  });

  it('reports a wrong type inside a nested object', () => {
    const files = edit(mini, 'manifest.json', '"year": 2017', '"year": "2017"');
    expectSingleProblem(files, {
      file: 'manifest.json',
      rule: 'schema',
      path: '$.citation.year',
      at: '"2017"',
      message: /expected number, found "2017"/,
    });
  });
});
