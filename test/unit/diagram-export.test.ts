import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { wellFormed } from '../support/xml-check.ts';
import { describe, expect, it } from 'vitest';
import { pathwayFigure, type PathwayFigure } from '../../shared/diagram/figure.ts';
import { edgeGlyph, markerId } from '../../shared/diagram/notation.ts';
import { palettes, paletteTokens, type Scheme } from '../../shared/diagram/palette.ts';
import {
  pathwaySbgn,
  sbgnClass,
  sbgnClassesUsed,
  sbgnIds,
  sbgnNamespace,
} from '../../shared/diagram/sbgn.ts';
import { pathwaySvg, wrapLabel } from '../../shared/diagram/svg.ts';
import { bundledPack } from '../support/engine.ts';
import { figureOfModel } from '../../renderer/src/features/pathways/diagram/export-figure.ts';
import { buildDiagram, indexPack } from '../../renderer/src/features/pathways/model/diagram.ts';

const layout = bundledPack.layout;
if (!layout) throw new Error('the bundled pack ships layout.json');

/** Every drawing of the bundled pack: each pathway whole and each of its contexts. */
const figures: { name: string; figure: PathwayFigure }[] = bundledPack.pathways.flatMap(
  (pathway) => [
    { name: pathway.id, figure: pathwayFigure(bundledPack, layout, pathway) },
    ...Object.keys(layout.pathways[pathway.id]?.contexts ?? {}).map((contextId) => ({
      name: `${pathway.id}/${contextId}`,
      figure: pathwayFigure(bundledPack, layout, pathway, contextId),
    })),
  ],
);

/** Activity-flow classes in libSBGN 0.3 (glyphs and arcs), from the SBGN AF Level 1 specification. */
const activityFlowClasses = new Set([
  'biological activity',
  'phenotype',
  'perturbation',
  'compartment',
  'submap',
  'tag',
  'and',
  'or',
  'not',
  'delay',
  'unit of information',
  'positive influence',
  'negative influence',
  'unknown influence',
  'necessary stimulation',
  'logic arc',
  'equivalence arc',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name, _path, _leaf, isAttribute) =>
    !isAttribute && ['glyph', 'arc', 'g', 'path', 'text', 'tspan', 'marker', 'next'].includes(name),
});

type Attrs = Record<string, unknown>;
const list = (value: unknown): Attrs[] => (Array.isArray(value) ? (value as Attrs[]) : []);

describe('SBGN-ML export', () => {
  it.each(figures)('$name is well-formed libSBGN 0.3 activity flow', ({ name, figure }) => {
    const xml = pathwaySbgn(figure, name);
    expect(wellFormed(xml)).toBe(true);
    const doc = parser.parse(xml) as { sbgn: Attrs & { map: Attrs } };
    expect(doc.sbgn.xmlns).toBe(sbgnNamespace);
    const map = doc.sbgn.map;
    expect(map.language).toBe('activity flow');

    const glyphs = list(map.glyph);
    const arcs = list(map.arc);
    for (const item of [...glyphs, ...arcs]) {
      expect(activityFlowClasses).toContain(item.class);
      expect(sbgnClassesUsed).toContain(item.class);
    }
    // One glyph per node, one per compartment, each with its label and box.
    const compartments = glyphs.filter((g) => g.class === 'compartment');
    const nodes = glyphs.filter((g) => g.class !== 'compartment');
    expect(compartments.map((g) => g.id).sort()).toEqual(
      Object.keys(figure.layout.groups).map(sbgnIds.compartment).sort(),
    );
    expect(nodes.map((g) => g.id).sort()).toEqual(
      figure.nodes.map((n) => sbgnIds.node(n.id)).sort(),
    );
    for (const node of figure.nodes) {
      const found = nodes.find((g) => g.id === sbgnIds.node(node.id));
      expect((found?.label as Attrs).text).toBe(node.name);
      expect(found?.class).toBe(node.phenotype ? 'phenotype' : 'biological activity');
      const bbox = found?.bbox as Attrs;
      expect(Number(bbox.w)).toBeGreaterThan(0);
      expect(compartments.map((g) => g.id)).toContain(found?.compartmentRef);
    }
    // One arc per edge that activity flow can say, between glyphs that exist, with its sign.
    const ids = new Set(glyphs.map((g) => g.id));
    const signed = figure.edges.filter((e) => sbgnClass.edge[e.sign] !== undefined);
    expect(arcs).toHaveLength(signed.length);
    for (const edge of signed) {
      const found = arcs.find((a) => a.id === sbgnIds.arc(edge.id));
      expect(found?.class).toBe(sbgnClass.edge[edge.sign]);
      expect(found?.source).toBe(sbgnIds.node(edge.from));
      expect(found?.target).toBe(sbgnIds.node(edge.to));
      expect(ids).toContain(found?.source);
      expect(ids).toContain(found?.target);
    }
    const allIds = [...glyphs, ...arcs].map((item) => item.id);
    expect(new Set(allIds).size).toBe(allIds.length);
  });

  it('maps every sign by meaning and names what it leaves out', () => {
    expect(sbgnClass.edge.stimulates).toBe('positive influence');
    expect(sbgnClass.edge['increases-level']).toBe('positive influence');
    expect(sbgnClass.edge.inhibits).toBe('negative influence');
    expect(sbgnClass.edge['decreases-level']).toBe('negative influence');
    const withNoDifference = figures.find(({ figure }) =>
      figure.edges.some((e) => e.sign === 'no-difference'),
    );
    expect(withNoDifference).toBeDefined();
    if (!withNoDifference) return;
    const edge = withNoDifference.figure.edges.find((e) => e.sign === 'no-difference');
    const xml = pathwaySbgn(withNoDifference.figure, 'm');
    expect(xml).toContain(`${edge?.id ?? ''} (no-difference)`);
    expect(xml).not.toContain(`id="${sbgnIds.arc(edge?.id ?? '')}"`);
  });
});

describe('SVG export', () => {
  const schemes: Scheme[] = ['light', 'dark'];
  it.each(figures.flatMap((f) => schemes.map((scheme) => ({ ...f, scheme }))))(
    '$name ($scheme) is native SVG with the screen’s notation',
    ({ figure, scheme }) => {
      const svg = pathwaySvg(figure, { scheme });
      expect(wellFormed(svg)).toBe(true);
      expect(svg).not.toMatch(/foreignObject|<div|<span|xhtml/i);
      expect(svg.length).toBeLessThan(40_000);
      const colours = palettes[scheme];
      const doc = parser.parse(svg) as { svg: Attrs & { g: Attrs[] } };
      const drawing = doc.svg.g.find(
        (g) => typeof g.transform === 'string' && g.class !== 'legend',
      );
      const groups = list(drawing?.g);
      const nodes = groups.filter((g) => g.class === 'node');
      const edges = groups.filter((g) => g.class === 'edge');
      expect(nodes.map((n) => n['data-node-id']).sort()).toEqual(
        figure.nodes.map((n) => n.id).sort(),
      );
      expect(edges.map((e) => e['data-edge-id']).sort()).toEqual(
        figure.edges.map((e) => e.id).sort(),
      );
      for (const node of figure.nodes) {
        const drawn = nodes.find((n) => n['data-node-id'] === node.id);
        const text = list(drawn?.text)[0];
        const words = list(text?.tspan)
          .map((t) => String(t['#text']))
          .join(' ');
        expect(words.replace(/\s+/g, '')).toBe(node.name.replace(/\s+/g, ''));
      }
      for (const edge of figure.edges) {
        const drawn = edges.find((e) => e['data-edge-id'] === edge.id);
        const path = list(drawn?.path)[0];
        const glyph = edgeGlyph(edge.sign);
        const colour =
          glyph.tone === 'stim'
            ? colours.stim
            : glyph.tone === 'inhib'
              ? colours.inhib
              : colours.textMuted;
        expect(path?.stroke).toBe(colour);
        const marker = markerId(glyph.marker, glyph.tone);
        if (marker) expect(path?.['marker-end']).toBe(`url(#${marker})`);
        else expect(path?.['marker-end']).toBeUndefined();
        expect(path?.d).toMatch(/^M[\d.-]+,[\d.-]+ /);
      }
    },
  );

  it('is wide enough for its title, the drawing and the legend', () => {
    for (const { figure } of figures) {
      const svg = pathwaySvg(figure, { scheme: 'light' });
      const width = Number(/<svg [^>]*width="(\d+)"/.exec(svg)?.[1]);
      expect(width).toBeGreaterThanOrEqual(figure.layout.width + 48);
      expect(width).toBeGreaterThanOrEqual(figure.title.length * 9.5);
    }
  });

  it('defines every marker it uses', () => {
    for (const { figure } of figures) {
      const svg = pathwaySvg(figure, { scheme: 'light' });
      const used = new Set([...svg.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]));
      for (const id of used) expect(svg).toContain(`<marker id="${id ?? ''}"`);
    }
  });

  it('escapes labels and wraps them inside their box', () => {
    const figure = figures[0]?.figure;
    if (!figure) throw new Error('no figure');
    const [first] = figure.nodes;
    if (!first) throw new Error('no node');
    const odd = { ...figure, nodes: [{ ...first, name: 'A & <B> "C"' }, ...figure.nodes.slice(1)] };
    const svg = pathwaySvg(odd, { scheme: 'light' });
    expect(wellFormed(svg)).toBe(true);
    expect(svg).toContain('>A &amp; &lt;B&gt;</tspan>');
    expect(svg).toContain('>&quot;C&quot;</tspan>');
    expect(wrapLabel('Osteoclast differentiation and bone resorption', 200)).toEqual([
      'Osteoclast',
      'differentiation and',
      'bone resorption',
    ]);
    expect(wrapLabel('Supercalifragilisticexpialidocious', 118)).toEqual([
      'Supercalifra',
      'gilisticexpi',
      'alidocious',
    ]);
  });

  it('uses the app’s colour tokens for both schemes', () => {
    const css = readFileSync('renderer/src/styles/global.css', 'utf8');
    const block = (selector: string) => {
      const start = css.indexOf(selector);
      return css.slice(start, css.indexOf('}', start));
    };
    const sources: Record<Scheme, string> = {
      light: block(':root {'),
      dark: block(":root[data-theme='dark'] {"),
    };
    for (const scheme of ['light', 'dark'] as const) {
      for (const [key, token] of Object.entries(paletteTokens)) {
        const match = new RegExp(`${token}:\\s*(#[0-9a-f]{6});`).exec(sources[scheme]);
        expect(match?.[1], `${scheme} ${token}`).toBe(
          palettes[scheme][key as keyof typeof paletteTokens],
        );
      }
    }
  });
});

describe('the figure the Pathways screen exports', () => {
  const pathway = bundledPack.pathways[0];
  if (!pathway) throw new Error('no pathway');
  const model = buildDiagram(indexPack(bundledPack), layout, pathway, undefined);

  it('is the pack’s figure when nothing is hidden', () => {
    // The screen's model and the command line's figure make byte-identical files.
    const plain = figureOfModel(model);
    const cli = pathwayFigure(bundledPack, layout, pathway);
    expect(pathwaySvg(plain, { scheme: 'dark' })).toBe(pathwaySvg(cli, { scheme: 'dark' }));
    expect(pathwaySbgn(plain, 'm')).toBe(pathwaySbgn(cli, 'm'));
  });

  it('keeps what a mode hides hidden and draws the learner’s links', () => {
    const [first, second] = model.nodes;
    const [edge] = model.edges;
    if (!first || !second || !edge) throw new Error('a small pathway');
    const masked = figureOfModel(
      model,
      { nodes: { [first.id]: { masked: '?1' } }, edges: { [edge.id]: { hidden: true } } },
      'Pathway quiz',
    );
    expect(masked.title).toBe('Pathway quiz');
    expect(masked.nodes.find((n) => n.id === first.id)?.name).toBe('?1');
    expect(masked.edges.map((e) => e.id)).not.toContain(edge.id);
    expect(masked.edges).toHaveLength(model.edges.length - 1);
    const built = figureOfModel(model, {
      hideEdges: true,
      extraEdges: [
        {
          id: 'mine',
          from: first.id,
          to: second.id,
          sign: 'inhibits',
          state: 'learner',
          ariaLabel: '',
        },
      ],
    });
    expect(built.edges).toEqual([
      { id: 'mine', from: first.id, to: second.id, sign: 'inhibits', inferred: false },
    ]);
  });
});
