import type { EdgeSign } from '../pack/schema.ts';
import { absoluteBoxes, edgeRoute, type PathwayFigure } from './figure.ts';
import type { Point } from './geometry.ts';
import { escapeXml, number } from './xml.ts';

/**
 * A laid-out pathway as SBGN-ML (libSBGN 0.3, the activity-flow language), which SBGN tools such
 * as Newt open: one glyph per node and per compartment, one arc per signed edge, with the labels,
 * boxes and routes of our layout. Pure: the renderer and the command line both call it.
 */

export const sbgnNamespace = 'http://sbgn.org/libsbgn/0.3';

/**
 * How our kinds read in SBGN activity flow, in one table. The language has influences, not
 * mechanisms, so a change of level is a positive or negative influence like a stimulation or an
 * inhibition (its ↑/↓ has no glyph of its own). It has no arc for "no difference" (an unknown
 * influence would claim an influence): such an edge is left out and named in the map's notes.
 */
export const sbgnClass = {
  agent: 'biological activity',
  phenotype: 'phenotype',
  compartment: 'compartment',
  edge: {
    stimulates: 'positive influence',
    'increases-level': 'positive influence',
    inhibits: 'negative influence',
    'decreases-level': 'negative influence',
    'no-difference': undefined,
  } satisfies Record<EdgeSign, string | undefined>,
} as const;

/** Every class an export may use: the activity-flow classes our table maps to. */
export const sbgnClassesUsed: ReadonlySet<string> = new Set([
  sbgnClass.agent,
  sbgnClass.phenotype,
  sbgnClass.compartment,
  ...Object.values(sbgnClass.edge).filter((c): c is NonNullable<typeof c> => c !== undefined),
]);

/** XML ids for our ids (kebab-case, so a prefix keeps nodes, compartments and arcs apart). */
export const sbgnIds = {
  node: (id: string) => `node-${id}`,
  compartment: (id: string) => `compartment-${id}`,
  arc: (id: string) => `arc-${id}`,
};

export function pathwaySbgn(figure: PathwayFigure, mapId: string): string {
  const { layout } = figure;
  const boxes = absoluteBoxes(layout);
  const glyphs: string[] = [];
  for (const [id, group] of Object.entries(layout.groups)) {
    glyphs.push(
      glyph(sbgnClass.compartment, sbgnIds.compartment(id), figure.compartments[id] ?? id, group),
    );
  }
  for (const node of figure.nodes) {
    const box = boxes.get(node.id);
    const group = layout.nodes[node.id]?.group;
    if (!box) continue;
    glyphs.push(
      glyph(
        node.phenotype ? sbgnClass.phenotype : sbgnClass.agent,
        sbgnIds.node(node.id),
        node.name,
        box,
        group === undefined ? undefined : sbgnIds.compartment(group),
      ),
    );
  }
  const arcs: string[] = [];
  const leftOut: string[] = [];
  for (const edge of figure.edges) {
    const arcClass = sbgnClass.edge[edge.sign];
    const from = boxes.get(edge.from);
    const to = boxes.get(edge.to);
    if (!arcClass || !from || !to) {
      leftOut.push(`${edge.id} (${edge.sign})`);
      continue;
    }
    const points = edgeRoute(layout, edge.id) ?? [
      { x: from.x + from.width, y: from.y + from.height / 2 },
      { x: to.x, y: to.y + to.height / 2 },
    ];
    arcs.push(arc(arcClass, edge.id, sbgnIds.node(edge.from), sbgnIds.node(edge.to), points));
  }
  const notes = [
    `${figure.title}. Exported from Pathwise.`,
    ...(leftOut.length > 0
      ? [`Left out, as activity flow has no arc for them: ${leftOut.join(', ')}.`]
      : []),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<sbgn xmlns="${sbgnNamespace}">`,
    `<map id="${escapeXml(mapId)}" language="activity flow">`,
    '<notes><html xmlns="http://www.w3.org/1999/xhtml"><body>',
    ...notes.map((note) => `<p>${escapeXml(note)}</p>`),
    '</body></html></notes>',
    `<bbox x="0" y="0" w="${layout.width}" h="${layout.height}"/>`,
    ...glyphs,
    ...arcs,
    '</map>',
    '</sbgn>',
    '',
  ].join('\n');
}

interface Bounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

function glyph(
  glyphClass: string,
  id: string,
  label: string,
  box: Bounds,
  compartmentRef?: string,
): string {
  const ref = compartmentRef ? ` compartmentRef="${escapeXml(compartmentRef)}"` : '';
  return [
    `<glyph class="${glyphClass}" id="${escapeXml(id)}"${ref}>`,
    `<label text="${escapeXml(label)}"/>`,
    `<bbox x="${number(box.x)}" y="${number(box.y)}" w="${number(box.width)}" h="${number(box.height)}"/>`,
    '</glyph>',
  ].join('');
}

function arc(
  arcClass: string,
  id: string,
  source: string,
  target: string,
  points: Point[],
): string {
  const at = (tag: string, p: Point) => `<${tag} x="${number(p.x)}" y="${number(p.y)}"/>`;
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return '';
  return [
    `<arc class="${arcClass}" id="${escapeXml(sbgnIds.arc(id))}" source="${escapeXml(source)}" target="${escapeXml(target)}">`,
    at('start', first),
    ...points.slice(1, -1).map((p) => at('next', p)),
    at('end', last),
    '</arc>',
  ].join('');
}
