import { describe, expect, it } from 'vitest';
import ELK from 'elkjs';
import { layoutPack, serializeLayout } from '../../shared/pack/layout.ts';
import { validatePack } from '../../shared/pack/validate.ts';
import { expectProblemIn, expectSingleProblem, problemsOf } from '../support/pack-problems.ts';
import { edit, positionOf, readMiniPack, type PackTexts } from '../support/packs.ts';

// validatePack on the mini fixture: duplicate ids, texts and names, citations, and layout.json
// checked against the pathways it draws.

const mini = readMiniPack();
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
