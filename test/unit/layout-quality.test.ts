import ELK from 'elkjs';
import { describe, expect, it } from 'vitest';
import {
  fitPadding,
  maxFitZoom,
  openingViewport,
  readableZoom,
} from '../../shared/pack/diagram-fit.ts';
import { groupNodeId, layoutPathway, toElkGraph } from '../../shared/pack/layout.ts';
import {
  countCrossings,
  layoutTargets,
  packLayoutFigures,
  shortfalls,
  viewFigures,
} from '../../shared/pack/layout-quality.ts';
import type { LayoutView } from '../../shared/pack/schema.ts';
import { validatePack } from '../../shared/pack/validate.ts';
import type { PathwayView } from '../../shared/pack/views.ts';
import { bundledPack } from '../support/engine.ts';
import { edit, readMiniPack } from '../support/packs.ts';

const canvas = { width: 1000, height: 800 };
const box = (x: number, y: number) => ({ x, y, width: 100, height: 40, group: 'cell' });

function view(edges: [string, string, string][]): PathwayView {
  const ids = [...new Set(edges.flatMap(([, from, to]) => [from, to]))];
  return {
    nodes: ids.map((id) => ({ id, entity: id, compartment: 'cell', contexts: [] })),
    edges: edges.map(([id, from, to]) => ({
      id,
      from,
      to,
      sign: 'stimulates',
      factIds: [],
      inferred: false,
      contexts: [],
    })),
  };
}

describe('layout figures of every bundled pathway', () => {
  const figures = packLayoutFigures(bundledPack);
  it.each(bundledPack.pathways.map((pathway) => [pathway.id, pathway] as const))(
    '%s meets the targets at 1280×800, or the pack explains its crossings',
    (id, pathway) => {
      const summary = figures[id];
      if (!summary) throw new Error(`no layout for ${id}`);
      expect(summary.shortfalls).toEqual([]);
      expect(summary.crossings).toBe(pathway.drawing?.crossings?.count ?? 0);
      // An explanation is read, not merely present: it names the links that cross.
      const reason = pathway.drawing?.crossings?.reason ?? '';
      if (summary.crossings > 0) expect(reason).toMatch(/cross/);
      expect(summary.smallestLabel).toBeGreaterThanOrEqual(layoutTargets.minLabel);
      expect(summary.shortestArrowLine).toBeGreaterThanOrEqual(layoutTargets.minArrowLine);
      expect(summary.misplacedFanOuts).toEqual([]);
    },
  );

  it('measures the pathways the issue found tangled as they are drawn now', () => {
    // D7's IL-17 ⇄ IL-32 loop: two arcs apart, not two stacked marks.
    expect(figures.D7?.smallestLoopGap).toBeGreaterThanOrEqual(layoutTargets.minLoopGap);
    // D5: IL-32 before the cell it signals into, not at the far right.
    const d5 = bundledPack.layout?.pathways.D5?.all;
    const ligand = d5?.nodes['il-32'];
    const cell = d5?.groups.intracellular;
    if (!d5 || !ligand || !cell) throw new Error('no D5 layout');
    const outside = d5.groups[ligand.group];
    expect((outside?.x ?? 0) + ligand.x + ligand.width).toBeLessThan(cell.x);
  });
});

describe('layout figures', () => {
  it('counts two routes that cross, not two that touch or overlap', () => {
    expect(
      countCrossings([
        [
          [0, 50],
          [100, 50],
        ],
        [
          [50, 0],
          [50, 100],
        ],
      ]),
    ).toBe(1);
    const sharedStart = [
      [
        [0, 50],
        [50, 50],
        [50, 0],
      ],
      [
        [0, 50],
        [50, 50],
        [50, 100],
      ],
    ] as const;
    expect(countCrossings(sharedStart)).toBe(0);
  });

  it('measures the line before the marker, the loop gap and a fan-out drawn backwards', () => {
    const loop: LayoutView = {
      width: 400,
      height: 200,
      groups: { cell: { x: 0, y: 0, width: 400, height: 200 } },
      nodes: { a: box(0, 80), b: box(300, 80), c: box(150, 0) },
      edges: {
        ab: [
          [100, 95],
          [300, 95],
        ],
        ba: [
          [300, 105],
          [100, 105],
        ],
        ac: [
          [100, 90],
          [150, 20],
        ],
      },
    };
    const figures = viewFigures(
      view([
        ['ab', 'a', 'b'],
        ['ba', 'b', 'a'],
        ['ac', 'a', 'c'],
      ]),
      loop,
      canvas,
    );
    expect(figures.crossings).toBe(0);
    // Two straight arcs 10 px apart read as one line with two marks.
    expect(figures.smallestLoopGap).toBeCloseTo(10 * figures.openingZoom, 0);
    expect(shortfalls(figures).some((problem) => problem.includes("loop's two arcs"))).toBe(true);
    // a → c is 86 px long, less the 12 px arrowhead.
    expect(figures.shortestEdge).toBe('ac');
    expect(figures.misplacedFanOuts).toEqual([]);

    // b fans out to a and c, both to its left, and neither reaches back to b except a (a loop).
    const backwards = viewFigures(
      view([
        ['ba', 'b', 'a'],
        ['bc', 'b', 'c'],
      ]),
      {
        ...loop,
        edges: {
          ba: [
            [300, 100],
            [100, 100],
          ],
          bc: [
            [300, 90],
            [250, 20],
          ],
        },
      },
      canvas,
    );
    expect(backwards.misplacedFanOuts).toEqual(['b']);
    expect(shortfalls(backwards)).toEqual(['b fans out but sits after one of its targets']);
  });
});

describe('opening viewport', () => {
  it('fits a small drawing, at most 125 %, centred', () => {
    const opening = openingViewport({ width: 400, height: 100 }, 1000);
    expect(opening.zoom).toBe(maxFitZoom);
    expect(opening.x).toBeCloseTo((1000 - 400 * maxFitZoom) / 2);
  });

  it('never shrinks labels below 12 px: a wide drawing opens at its left edge and scrolls', () => {
    const opening = openingViewport({ width: 3000, height: 300 }, 1000);
    expect(opening.zoom).toBeCloseTo(readableZoom);
    expect(13 * opening.zoom).toBeCloseTo(12);
    expect(opening.x).toBe(fitPadding);
  });

  it('on paper fits the whole drawing however small', () => {
    const opening = openingViewport({ width: 3000, height: 300 }, 1000, { printed: true });
    expect(opening.zoom).toBeLessThan(readableZoom);
  });
});

describe('layout hints', () => {
  const pathway = () => {
    const pack = validatePack(readMiniPack());
    if (!pack.ok) throw new Error('fixture invalid');
    const first = pack.pack.pathways[0];
    if (!first) throw new Error('no pathway');
    return { pathway: first, entities: new Map(pack.pack.entities.map((e) => [e.id, e])) };
  };

  it('draws a compartment inside another where the pack says so', async () => {
    const { pathway: base, entities } = pathway();
    const nested = {
      ...base,
      drawing: { within: { synovium: 'spinal-joint' } },
    };
    const graph = toElkGraph(
      { nodes: nested.nodes, edges: nested.edges },
      entities,
      nested.drawing,
    );
    expect(graph.children?.map((child) => child.id)).toEqual([groupNodeId('spinal-joint')]);
    const laid = await layoutPathway(new ELK(), nested, entities);
    const outer = laid.all.groups['spinal-joint'];
    const inner = laid.all.groups.synovium;
    if (!outer || !inner) throw new Error('missing group');
    expect(Object.keys(laid.all.groups)).toEqual(['spinal-joint', 'synovium']);
    expect(inner.x).toBeGreaterThan(outer.x);
    expect(inner.x + inner.width).toBeLessThan(outer.x + outer.width);
    expect(inner.y + inner.height).toBeLessThan(outer.y + outer.height);
  });

  it('reports an unknown compartment in "drawing", and a compartment inside itself', () => {
    const hint = (drawing: string) =>
      validatePack(
        edit(
          readMiniPack(),
          'pathways.json',
          '"contexts": [',
          `"drawing": ${drawing},\n"contexts": [`,
        ),
      );
    const unknown = hint('{ "within": { "synovum": "spinal-joint" } }');
    expect(unknown.ok).toBe(false);
    const messages = unknown.ok ? [] : unknown.problems.map((problem) => problem.message);
    expect(messages).toContain(
      'unknown compartment "synovum" in pathway D1 (did you mean "synovium"?)',
    );
    const looped = hint('{ "within": { "synovium": "spinal-joint", "spinal-joint": "synovium" } }');
    const loopMessages = looped.ok ? [] : looped.problems.map((problem) => problem.message);
    expect(loopMessages).toContain(
      'compartment "synovium" is drawn inside itself; "within" must not loop',
    );
  });
});
