import { nodeLabel } from '../pack/layout.ts';
import type { EdgeSign, Entity, LayoutView, Pack, PackLayout, Pathway } from '../pack/schema.ts';
import { figureLabel } from '../pack/sections.ts';
import { contextView, pathwayLabel } from '../pack/views.ts';
import {
  clearCuePosition,
  curve,
  polyline,
  spreadOffsets,
  type Box,
  type Curve,
  type Point,
} from './geometry.ts';

/**
 * A laid-out pathway as every drawing of it needs it: the screen (React Flow), the SVG export and
 * the SBGN-ML export read the same nodes, edges and layout view. The renderer's DiagramModel is
 * one (structurally); `pathwayFigure` builds one from a pack for the command line.
 */

export type NodeLevel = 'raised' | 'lowered' | 'unchanged';

export interface FigureNode {
  readonly id: string;
  /** The label drawn on the diagram. */
  readonly name: string;
  /** Processes, measures and diseases are drawn as SBGN phenotypes (rounded), agents as boxes. */
  readonly phenotype: boolean;
  readonly level?: NodeLevel;
}

export interface FigureEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly sign: EdgeSign;
  readonly inferred: boolean;
}

export interface PathwayFigure {
  /** "Figure 1 · IL-32γ in both bone formation…", with the context's label when it is one panel. */
  readonly title: string;
  readonly nodes: readonly FigureNode[];
  readonly edges: readonly FigureEdge[];
  readonly layout: LayoutView;
  /** Each compartment's display name, by compartment entity id (the layout's group keys). */
  readonly compartments: Readonly<Record<string, string>>;
}

const phenotypeTypes: ReadonlySet<Entity['type']> = new Set([
  'process',
  'measure',
  'disease',
  'animal-model',
]);

/** Whether an entity is drawn (and exported) as a phenotype rather than an agent. */
export function isPhenotype(entity: Pick<Entity, 'type'> | undefined): boolean {
  return entity ? phenotypeTypes.has(entity.type) : false;
}

/**
 * "Figure 1 · IL-32γ in both bone formation…" for a pathway that reproduces one of the review's figures, else
 * its title alone: never its id in the pack.
 */
export function pathwayTitle(
  pack: Pick<Pack, 'manifest'>,
  pathway: Pick<Pathway, 'figure' | 'title'>,
): string {
  return pathwayLabel({ figure: figureLabel(pack.manifest, pathway), title: pathway.title });
}

/** A pathway of a pack (one context of it, if given) as the screen draws it. */
export function pathwayFigure(
  pack: Pick<Pack, 'entities' | 'manifest'>,
  layout: PackLayout,
  pathway: Pathway,
  contextId?: string,
): PathwayFigure {
  const drawing = layout.pathways[pathway.id];
  if (!drawing) throw new Error(`The layout has no drawing of ${pathway.id}.`);
  const entities = new Map(pack.entities.map((entity) => [entity.id, entity]));
  const view = contextId ? contextView(pathway, contextId) : pathway;
  const layoutView = (contextId && drawing.contexts[contextId]) || drawing.all;
  return {
    title: figureTitle(pack, pathway, contextId),
    nodes: view.nodes.map((node) => ({
      id: node.id,
      name: nodeLabel(node, entities),
      phenotype: isPhenotype(entities.get(node.entity)),
      ...(node.level ? { level: node.level } : {}),
    })),
    edges: view.edges.map(({ id, from, to, sign, inferred }) => ({ id, from, to, sign, inferred })),
    layout: layoutView,
    compartments: compartmentNames(layoutView, entities),
  };
}

/** The pathway's title, with the context's label when the drawing is one panel of it. */
export function figureTitle(
  pack: Pick<Pack, 'manifest'>,
  pathway: Pick<Pathway, 'figure' | 'title' | 'contexts'>,
  contextId: string | undefined,
): string {
  const context = pathway.contexts.find((c) => c.id === contextId);
  return `${pathwayTitle(pack, pathway)}${context ? `, ${context.label}` : ''}`;
}

/** Each compartment of a drawing by its name. */
export function compartmentNames(
  layout: LayoutView,
  entities: ReadonlyMap<string, Pick<Entity, 'name'>>,
): Record<string, string> {
  const names: Record<string, string> = {};
  for (const id of Object.keys(layout.groups)) names[id] = entities.get(id)?.name ?? id;
  return names;
}

/** Node boxes in drawing coordinates (the layout gives them relative to their group). */
export function absoluteBoxes(layout: LayoutView): Map<string, Box> {
  const boxes = new Map<string, Box>();
  for (const [id, node] of Object.entries(layout.nodes)) {
    const group = layout.groups[node.group];
    boxes.set(id, {
      x: node.x + (group?.x ?? 0),
      y: node.y + (group?.y ?? 0),
      width: node.width,
      height: node.height,
    });
  }
  return boxes;
}

export interface EdgeEnds {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** The route laid out with the pack, around the nodes in between; else a curve is drawn. */
  readonly route?: readonly Point[];
  /** Draws a cue badge on its line: cues placed later keep clear of it. */
  readonly marked?: boolean;
}

export interface EdgeLine {
  /** Shift of the start and end from the side's centre, so links meeting at a node spread out. */
  readonly sourceOffset: number;
  readonly targetOffset: number;
  /** The line as drawn; absent when an end has no box (and no route). */
  readonly line?: Curve;
  /** Where along the line (0–1) the ↑/↓/= cue sits, clear of node boxes. */
  readonly cueAt: number;
}

/** Where each edge runs: its laid-out route, else a curve from the source's right to the target's left. */
export function edgeLines(layout: LayoutView, edges: readonly EdgeEnds[]): Map<string, EdgeLine> {
  const boxes = absoluteBoxes(layout);
  const offsets = sideOffsets(edges, boxes);
  const lines = new Map<string, EdgeLine>();
  // Cues already placed count as boxes too, so two ↑ marks never sit on top of each other.
  const placedCues: Box[] = [];
  for (const edge of edges) {
    const sourceOffset = offsets.get(`${edge.id}:out`) ?? 0;
    const targetOffset = offsets.get(`${edge.id}:in`) ?? 0;
    const from = boxes.get(edge.from);
    const to = boxes.get(edge.to);
    const line = edge.route
      ? polyline(edge.route)
      : from && to
        ? curve(
            { x: from.x + from.width, y: from.y + from.height / 2 + sourceOffset },
            { x: to.x, y: to.y + to.height / 2 + targetOffset },
          )
        : undefined;
    const cueAt = line ? clearCuePosition(line, [...boxes.values(), ...placedCues]) : 0.5;
    const cue = line?.at(cueAt);
    if (cue && edge.marked) placedCues.push({ x: cue.x - 9, y: cue.y - 9, width: 18, height: 18 });
    lines.set(edge.id, { sourceOffset, targetOffset, cueAt, ...(line ? { line } : {}) });
  }
  return lines;
}

/** The laid-out route of an edge, as points. */
export function edgeRoute(layout: LayoutView, edgeId: string): Point[] | undefined {
  return layout.edges[edgeId]?.map(([x, y]) => ({ x, y }));
}

/** Spreads the links meeting one side of a node, ordered by where their other end sits. */
function sideOffsets(edges: readonly EdgeEnds[], boxes: ReadonlyMap<string, Box>) {
  const sides = new Map<string, { key: string; y: number }[]>();
  const centreY = (id: string) => {
    const box = boxes.get(id);
    return box ? box.y + box.height / 2 : 0;
  };
  for (const edge of edges) {
    const outKey = `${edge.from}:out`;
    const inKey = `${edge.to}:in`;
    sides.set(outKey, [
      ...(sides.get(outKey) ?? []),
      { key: `${edge.id}:out`, y: centreY(edge.to) },
    ]);
    sides.set(inKey, [
      ...(sides.get(inKey) ?? []),
      { key: `${edge.id}:in`, y: centreY(edge.from) },
    ]);
  }
  const offsets = new Map<string, number>();
  for (const [side, members] of sides) {
    const nodeId = side.slice(0, side.lastIndexOf(':'));
    const height = boxes.get(nodeId)?.height ?? 38;
    const sorted = [...members].sort((a, b) => a.y - b.y);
    const spread = spreadOffsets(sorted.length, height);
    sorted.forEach((member, i) => offsets.set(member.key, spread[i] ?? 0));
  }
  return offsets;
}
