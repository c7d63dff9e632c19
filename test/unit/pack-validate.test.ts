import { describe, expect, it } from 'vitest';
import ELK from 'elkjs';
import { formatProblem, type PackProblem, type ProblemRule } from '../../shared/pack/problems.ts';
import { layoutPack, serializeLayout } from '../../shared/pack/layout.ts';
import { validatePack } from '../../shared/pack/validate.ts';
import { edit, positionOf, readMiniPack, type PackTexts } from '../support/packs.ts';

const mini = readMiniPack();

function problemsOf(files: PackTexts): PackProblem[] {
  const result = validatePack(files);
  if (result.ok) throw new Error('expected the pack to be invalid');
  return result.problems;
}

interface Expected {
  readonly file: string;
  readonly rule: ProblemRule;
  readonly path?: string;
  /** The text whose first character the problem must point at (after the edit). */
  readonly at: string;
  readonly occurrence?: number;
  /** Characters between the start of `at` and the expected position. */
  readonly shift?: number;
  readonly message?: RegExp;
}

/** The broken pack yields exactly this one problem, at exactly this place. */
function expectSingleProblem(files: PackTexts, expected: Expected): PackProblem {
  const problems = problemsOf(files);
  expect(problems.map((p) => formatProblem(p))).toHaveLength(1);
  return expectProblemIn(problems, files, expected);
}

function expectProblemIn(
  problems: readonly PackProblem[],
  files: PackTexts,
  expected: Expected,
): PackProblem {
  const position = positionOf(files[expected.file], expected.at, {
    occurrence: expected.occurrence ?? 1,
    shift: expected.shift ?? 0,
  });
  const match = problems.find(
    (p) =>
      p.file === expected.file &&
      p.rule === expected.rule &&
      (expected.path === undefined || p.path === expected.path),
  );
  expect(
    match,
    `${expected.rule} in ${problems.map((p) => formatProblem(p)).join('\n')}`,
  ).toBeDefined();
  expect({ line: match?.line, column: match?.column }).toEqual(position);
  if (expected.message) expect(match?.message).toMatch(expected.message);
  return match as PackProblem;
}

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

describe('validatePack: references between files', () => {
  it('reports an unknown subject as in the issue, with the closest id', () => {
    const files = edit(mini, 'facts.json', '"subject": "il-32-gamma"', '"subject": "il-32-gama"');
    const problem = expectSingleProblem(files, {
      file: 'facts.json',
      rule: 'unknown-id',
      path: '$[0].subject',
      at: '"il-32-gama"',
    });
    const { line, column } = problem;
    expect(formatProblem(problem)).toBe(
      `facts.json:${line}:${column} $[0].subject: unknown entity "il-32-gama" (did you mean "il-32-gamma"?)`,
    );
  });

  it('checks co-subjects and suggests an id for an entity name', () => {
    const files = edit(mini, 'facts.json', '"coSubjects": ["rankl"]', '"coSubjects": ["nk4"]');
    expectSingleProblem(files, {
      file: 'facts.json',
      rule: 'unknown-id',
      path: '$[8].coSubjects[0]',
      at: '"nk4"',
      message: /unknown entity "nk4" \(did you mean "il-32"\?\)/,
    });
  });

  it('needs an entity object for an entity relation and a literal for a literal one', () => {
    const entity = edit(mini, 'facts.json', '"object": "rankl"', '"object": "RANKL production"');
    expectSingleProblem(entity, {
      file: 'facts.json',
      rule: 'unknown-id',
      path: '$[2].object',
      at: '"RANKL production"',
    });
    const literal = edit(mini, 'facts.json', '"object": "9"', '"object": "il-32"');
    expectSingleProblem(literal, {
      file: 'facts.json',
      rule: 'object-kind',
      path: '$[1].object',
      at: '"il-32"',
      occurrence: 3,
      message: /takes a literal value/,
    });
  });

  it('checks the entity type of every context array', () => {
    const compartment = edit(
      mini,
      'facts.json',
      '"compartments": ["synovium"]',
      '"compartments": ["as"]',
    );
    expectSingleProblem(compartment, {
      file: 'facts.json',
      rule: 'wrong-entity-type',
      path: '$[4].context.compartments[0]',
      at: '"as"]',
      occurrence: 2,
      message: /type "disease"; this place needs "compartment"/,
    });
    const cell = edit(
      mini,
      'facts.json',
      '"species": ["Homo sapiens"], "setting": "in-vitro"',
      '"cells": ["rankl"], "species": ["Homo sapiens"], "setting": "in-vitro"',
    );
    expectSingleProblem(cell, {
      file: 'facts.json',
      rule: 'wrong-entity-type',
      path: '$[8].context.cells[0]',
      at: '"rankl"], "species"',
    });
    const disease = edit(mini, 'facts.json', '"diseases": ["as"]', '"diseases": ["ra"]');
    expectSingleProblem(disease, {
      file: 'facts.json',
      rule: 'unknown-id',
      path: '$[4].context.diseases[0]',
      at: '"ra"',
    });
  });

  it('checks topics and references', () => {
    const topic = edit(mini, 'facts.json', '"topic": "bone-formation"', '"topic": "bone-formaton"');
    expectSingleProblem(topic, {
      file: 'facts.json',
      rule: 'unknown-id',
      path: '$[4].topic',
      at: '"bone-formaton"',
      message: /unknown topic "bone-formaton" \(did you mean "bone-formation"\?\)/,
    });
    const reference = edit(
      mini,
      'facts.json',
      '"references": ["P:LeeEJ2015"]',
      '"references": ["P:Lee2015"]',
    );
    expectSingleProblem(reference, {
      file: 'facts.json',
      rule: 'unknown-id',
      path: '$[7].references[0]',
      at: '"P:Lee2015"',
    });
    const pathwayReference = edit(
      mini,
      'pathways.json',
      '"references": ["R17"]',
      '"references": ["R71"]',
    );
    expectSingleProblem(pathwayReference, {
      file: 'pathways.json',
      rule: 'unknown-id',
      path: '$[0].references[0]',
      at: '"R71"',
    });
  });

  it('checks contested links, including a link to itself', () => {
    const unknown = edit(mini, 'facts.json', '"with": ["F010"]', '"with": ["F011"]');
    expectSingleProblem(unknown, {
      file: 'facts.json',
      rule: 'unknown-id',
      path: '$[8].contested.with[0]',
      at: '"F011"',
    });
    const self = edit(mini, 'facts.json', '"with": ["F010"]', '"with": ["F009"]');
    expectSingleProblem(self, {
      file: 'facts.json',
      rule: 'self-contest',
      path: '$[8].contested.with[0]',
      at: '"F009"]',
      occurrence: 1,
    });
    const point = edit(mini, 'facts.json', '"teachingPoint": "E2"', '"teachingPoint": "E3"');
    expectSingleProblem(point, {
      file: 'facts.json',
      rule: 'unknown-id',
      path: '$[8].contested.teachingPoint',
      at: '"E3"',
    });
  });

  it('checks teaching points', () => {
    const fact = edit(
      mini,
      'teaching-points.json',
      '"factIds": ["F009", "F010"]',
      '"factIds": ["F009", "F100"]',
    );
    expectSingleProblem(fact, {
      file: 'teaching-points.json',
      rule: 'unknown-id',
      path: '$[1].factIds[1]',
      at: '"F100"',
    });
    const pathway = edit(
      mini,
      'teaching-points.json',
      '"pathwayIds": ["D1"]',
      '"pathwayIds": ["D2"]',
    );
    expectSingleProblem(pathway, {
      file: 'teaching-points.json',
      rule: 'unknown-id',
      path: '$[0].pathwayIds[0]',
      at: '"D2"',
    });
  });
});

describe('validatePack: pathways', () => {
  it('checks node entities and that a compartment is a compartment', () => {
    const entity = edit(mini, 'pathways.json', '"entity": "dkk-1"', '"entity": "dkk1"');
    expectSingleProblem(entity, {
      file: 'pathways.json',
      rule: 'unknown-id',
      path: '$[0].nodes[1].entity',
      at: '"dkk1", "compartment"',
      message: /did you mean "dkk-1"/,
    });
    const compartment = edit(
      mini,
      'pathways.json',
      '"compartment": "synovium"',
      '"compartment": "osteogenesis"',
    );
    expectSingleProblem(compartment, {
      file: 'pathways.json',
      rule: 'wrong-entity-type',
      path: '$[0].nodes[1].compartment',
      at: '"osteogenesis", "contexts"',
    });
  });

  it('needs edge ends to be nodes of the same pathway, not entity ids', () => {
    const files = edit(mini, 'pathways.json', '"to": "new-bone"', '"to": "osteogenesis"');
    expectSingleProblem(files, {
      file: 'pathways.json',
      rule: 'unknown-id',
      path: '$[0].edges[2].to',
      at: '"osteogenesis",\n        "sign"',
      message: /unknown node "osteogenesis" in pathway D1/,
    });
  });

  it('needs every edge supported by a fact, or inferred with a declared inference', () => {
    const unsupported = edit(mini, 'pathways.json', '"factIds": ["F004"]', '"factIds": []');
    expectSingleProblem(unsupported, {
      file: 'pathways.json',
      rule: 'unsupported-edge',
      path: '$[0].edges[4].factIds',
      at: '[]\n',
    });
    const noInference = edit(mini, 'pathways.json', ',\n        "inference": "I1"', '');
    expectSingleProblem(noInference, {
      file: 'pathways.json',
      rule: 'missing-inference',
      path: '$[0].edges[2].inferred',
      at: 'true',
    });
    const unknownInference = edit(mini, 'pathways.json', '"inference": "I1"', '"inference": "I2"');
    expectSingleProblem(unknownInference, {
      file: 'pathways.json',
      rule: 'unknown-id',
      path: '$[0].edges[2].inference',
      at: '"I2"',
    });
    const unknownFact = edit(mini, 'pathways.json', '"factIds": ["F004"]', '"factIds": ["F040"]');
    expectSingleProblem(unknownFact, {
      file: 'pathways.json',
      rule: 'unknown-id',
      path: '$[0].edges[4].factIds[0]',
      at: '"F040"',
    });
  });

  it('checks node and edge contexts against the pathway', () => {
    const unknown = edit(mini, 'pathways.json', '"contexts": ["as"] }', '"contexts": ["ax"] }');
    expectSingleProblem(unknown, {
      file: 'pathways.json',
      rule: 'unknown-id',
      path: '$[0].nodes[1].contexts[0]',
      at: '"ax"',
      message: /unknown context "ax" in pathway D1 \(did you mean "as"\?\)/,
    });
    const hidden = edit(
      mini,
      'pathways.json',
      '"factIds": ["F005"]',
      '"factIds": ["F005"],\n        "contexts": ["normal"]',
    );
    expectSingleProblem(hidden, {
      file: 'pathways.json',
      rule: 'edge-context',
      path: '$[0].edges[0].contexts[0]',
      at: '"normal"]',
    });
  });
});

describe('validatePack: duplicates and citations', () => {
  it.each([
    ['entities.json', '"rankl"', '"dkk-1"', '$[3].id'],
    ['facts.json', '"F004"', '"F003"', '$[3].id'],
    ['references.json', '"P:KimYG2012"', '"P:LeeEJ2015"', '$[2].id'],
    ['teaching-points.json', '"E2"', '"E1"', '$[1].id'],
    ['manifest.json', '"bone-resorption"', '"bone-formation"', '$.topics[2].id'],
    ['pathways.json', '"new-bone"', '"ob-diff"', '$[0].nodes[3].id'],
    ['pathways.json', '"rankl-ocdiff"', '"il32g-rankl"', '$[0].edges[4].id'],
  ])('reports a duplicate id in %s at the second one', (file, from, to, path) => {
    const files = edit(mini, file, `"id": ${from}`, `"id": ${to}`);
    const problems = problemsOf(files);
    const first = positionOf(files[file], `"id": ${to}`, { shift: 6 });
    expectProblemIn(problems, files, {
      file,
      rule: 'duplicate-id',
      path,
      at: `"id": ${to}`,
      occurrence: 2,
      shift: 6,
      message: new RegExp(`\\(first at ${file}:${first.line}:${first.column}\\)`),
    });
  });

  it('reports a duplicate pathway id', () => {
    const pathways = mini['pathways.json'] ?? '';
    const copy = pathways.trim().slice(1, -1).replace('"id": "D1"', '"id": "D1"');
    const files = { ...mini, 'pathways.json': `[${copy},${copy}]` };
    expectSingleProblem(files, {
      file: 'pathways.json',
      rule: 'duplicate-id',
      path: '$[1].id',
      at: '"D1"',
      occurrence: 2,
    });
  });

  it('reports fact texts that differ only in case and spacing', () => {
    const files = edit(
      mini,
      'facts.json',
      '"text": "RANKL that IL-32γ has raised drives osteoclast differentiation."',
      '"text": "il-32γ raises the amount of  RANKL that is produced. "',
    );
    expectSingleProblem(files, {
      file: 'facts.json',
      rule: 'duplicate-text',
      path: '$[3].text',
      at: '"il-32γ raises',
      message: /same text as fact "F003"/,
    });
  });

  it('reports an entity name or alias shared by two entities, case-insensitively', () => {
    const files = edit(
      mini,
      'entities.json',
      '"aliases": ["synovial tissue"]',
      '"aliases": ["dkk-1"]',
    );
    expectSingleProblem(files, {
      file: 'entities.json',
      rule: 'duplicate-name',
      path: '$[10].aliases[0]',
      at: '"dkk-1"]',
      message: /also a name of entity "dkk-1"/,
    });
  });

  it('needs every fact to cite, and review-tier facts to cite the review with a section', () => {
    const none = edit(mini, 'facts.json', '"references": ["P:KimYG2012"]', '"references": []');
    expectSingleProblem(none, {
      file: 'facts.json',
      rule: 'citation',
      path: '$[8].references',
      at: '[],',
    });
    const notReview = edit(
      mini,
      'facts.json',
      '"references": ["R17"]',
      '"references": ["P:LeeEJ2015"]',
    );
    expectSingleProblem(notReview, {
      file: 'facts.json',
      rule: 'citation',
      path: '$[0].references',
      at: '["P:LeeEJ2015"]',
      message: /must cite the target review "R17"/,
    });
    const noSection = edit(mini, 'facts.json', '"section": "abstract",', '');
    expectSingleProblem(noSection, {
      file: 'facts.json',
      rule: 'citation',
      path: '$[0].section',
      at: '{\n    "id": "F001"',
    });
  });

  it('needs manifest.reviewReference to exist with kind target-review', () => {
    const missing = edit(
      mini,
      'manifest.json',
      '"reviewReference": "R17"',
      '"reviewReference": "R18"',
    );
    const problems = problemsOf(missing);
    expectProblemIn(problems, missing, {
      file: 'manifest.json',
      rule: 'review-reference',
      path: '$.reviewReference',
      at: '"R18"',
      message: /no reference "R18" in references.json \(did you mean "R17"\?\)/,
    });
    const wrongKind = edit(
      mini,
      'references.json',
      '"kind": "target-review"',
      '"kind": "companion-review"',
    );
    expectSingleProblem(wrongKind, {
      file: 'manifest.json',
      rule: 'review-reference',
      path: '$.reviewReference',
      at: '"R17"',
      message: /kind "companion-review"/,
    });
  });
});

describe('validatePack: layout.json', () => {
  async function withLayout(change: (layout: string) => string): Promise<PackTexts> {
    const result = validatePack(mini);
    if (!result.ok) throw new Error('fixture invalid');
    const layout = serializeLayout(await layoutPack(new ELK(), result.pack));
    return { ...mini, 'layout.json': change(layout) };
  }

  it('reports a node without a position and a position without a node', async () => {
    const files = await withLayout((layout) => layout.replace('"new-bone":', '"new-bones":'));
    const problems = problemsOf(files);
    expect(problems.every((p) => p.file === 'layout.json' && p.rule === 'layout')).toBe(true);
    expectProblemIn(problems, files, {
      file: 'layout.json',
      rule: 'layout',
      path: '$.pathways.D1.all.nodes["new-bones"]',
      at: '"new-bones"',
      message: /shows no node "new-bones"/,
    });
    expectProblemIn(problems, files, {
      file: 'layout.json',
      rule: 'layout',
      path: '$.pathways.D1.all.nodes',
      at: '"nodes": {',
      shift: '"nodes": '.length,
      message: /node "new-bone" of pathway D1 has no position/,
    });
  });

  it('reports a route for an edge not drawn there, one that misses its nodes, and one of one point', async () => {
    const unknownEdge = await withLayout((layout) =>
      layout.replace('"il32g-dkk1": [', '"il32g-dkk2": ['),
    );
    expectSingleProblem(unknownEdge, {
      file: 'layout.json',
      rule: 'layout',
      path: '$.pathways.D1.all.edges["il32g-dkk2"]',
      at: '"il32g-dkk2"',
      message: /pathway D1 draws no edge "il32g-dkk2" here/,
    });
    const stale = await withLayout((layout) =>
      layout.replace(
        /"il32g-dkk1": \[ \[(\d+),/,
        (_, x: string) => `"il32g-dkk1": [ [${Number(x) + 40},`,
      ),
    );
    expectSingleProblem(stale, {
      file: 'layout.json',
      rule: 'layout',
      path: '$.pathways.D1.all.edges["il32g-dkk1"]',
      at: '"il32g-dkk1": [',
      shift: '"il32g-dkk1": '.length,
      message: /the route of edge "il32g-dkk1" does not run from "il32g" to "dkk1"/,
    });
    const onePoint = await withLayout((layout) =>
      layout.replace(/"il32g-dkk1": \[ \[(\d+),(\d+)\], [^\n]*\]/, '"il32g-dkk1": [ [$1,$2] ]'),
    );
    expect(problemsOf(onePoint).map((p) => `${p.rule} ${p.path}`)).toContainEqual(
      'schema $.pathways.D1.all.edges["il32g-dkk1"]',
    );
  });

  it('reports a node in the wrong group, an unknown pathway and an unknown context', async () => {
    const wrongGroup = await withLayout((layout) =>
      layout.replace(/("dkk1": \{[^}]*"group": )"synovium"/, '$1"spinal-joint"'),
    );
    expect(problemsOf(wrongGroup).map((p) => p.message)).toContainEqual(
      expect.stringContaining('node "dkk1" sits in compartment "synovium", not "spinal-joint"'),
    );
    const unknownPathway = await withLayout((layout) => layout.replace('"D1":', '"D9":'));
    expect(problemsOf(unknownPathway).map((p) => p.message)).toEqual([
      'pathway D1 has no layout; run `npm run pack:layout`',
      'no pathway "D9" in pathways.json (did you mean "D1"?)',
    ]);
    const unknownContext = await withLayout((layout) => layout.replace('"normal":', '"norm":'));
    expectSingleProblem(unknownContext, {
      file: 'layout.json',
      rule: 'layout',
      path: '$.pathways.D1.contexts.norm',
      at: '"norm"',
    });
  });
});
