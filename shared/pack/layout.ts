import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type {
  Entity,
  LayoutView,
  Pack,
  PackLayout,
  Pathway,
  PathwayDrawing,
  PathwayLayout,
} from './schema.ts';
import { pathwayViews, type PathwayView } from './views.ts';

/**
 * Pathway layouts with ELK's layered algorithm, left to right, each compartment a group that
 * contains its nodes. Pure apart from the ELK instance it is given: the build runs it in Node
 * (`npm run pack:layout`), and the renderer can run the same code in a Web Worker for a learner
 * pack that ships without layout.json. Deterministic: same pack, same ELK version, same output
 * (inputs in file order, a fixed random seed, layouts run one at a time, coordinates rounded).
 */

/** The one method of an ELK instance we use (`new ELK()` from elkjs, or elk-api with a worker). */
export interface ElkLayouter {
  layout(graph: ElkNode): Promise<ElkNode>;
}

/** Group ids in ELK and in React Flow; node ids are kebab-case, so no node can collide with one. */
export const groupNodeId = (compartment: string): string => `group:${compartment}`;

/**
 * Spacing for the root and every group (ELK reads it per graph level). A bend keeps
 * `edgeNodeBetweenLayers` from the nodes on either side, so every edge ends in a straight run long
 * enough for its end marker and the line before it (issue 11: direction must read).
 */
const spacingOptions = {
  'elk.layered.spacing.nodeNodeBetweenLayers': '96',
  'elk.layered.spacing.edgeNodeBetweenLayers': '42',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '16',
  'elk.spacing.edgeEdge': '24',
  'elk.spacing.nodeNode': '28',
  'elk.layered.feedbackEdges': 'true',
} as const;

const rootOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.randomSeed': '1',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  // More sweeps of crossing minimisation: with the fixed seed, still the same layout every run.
  'elk.layered.thoroughness': '40',
  ...spacingOptions,
  'elk.spacing.componentComponent': '48',
  'elk.padding': '[top=16,left=16,bottom=16,right=16]',
} as const;

/** Room at the top of each group for the compartment's label. */
const groupOptions = {
  ...spacingOptions,
  'elk.padding': '[top=40,left=16,bottom=16,right=16]',
} as const;

/**
 * Node size from its label, for a 13 px sans-serif label wrapped inside a fixed-width box: the
 * renderer draws nodes at exactly this size, so the layout's spacing holds.
 */
export function nodeSize(label: string): { width: number; height: number } {
  const charWidth = 7.5;
  const padding = 28;
  const width = Math.min(220, Math.max(96, Math.ceil(label.length * charWidth) + padding));
  const lines = Math.max(1, Math.ceil((label.length * charWidth) / (width - padding)));
  return { width, height: 20 + 18 * lines };
}

/** Room on one side for `count` links, each end marker (18 px tall) clear of the next. */
const markerPitch = 18;
function sideFor(count: number): number {
  return count <= 2 ? 0 : count * markerPitch + 4;
}

export function nodeLabel(
  node: Pick<Pathway['nodes'][number], 'label' | 'entity'>,
  entities: ReadonlyMap<string, Entity>,
): string {
  return node.label ?? entities.get(node.entity)?.name ?? node.entity;
}

/** Lays out every pathway of a pack, one after the other (ELK is not re-entrant in one worker). */
export async function layoutPack(
  elk: ElkLayouter,
  pack: Pick<Pack, 'pathways' | 'entities'>,
): Promise<PackLayout> {
  const entities = new Map(pack.entities.map((entity) => [entity.id, entity]));
  const pathways: Record<string, PathwayLayout> = {};
  for (const pathway of pack.pathways) {
    pathways[pathway.id] = await layoutPathway(elk, pathway, entities);
  }
  return { formatVersion: 1, pathways };
}

export async function layoutPathway(
  elk: ElkLayouter,
  pathway: Pathway,
  entities: ReadonlyMap<string, Entity>,
): Promise<PathwayLayout> {
  const views = pathwayViews(pathway);
  const hints = pathway.drawing;
  const all = await layoutView(elk, views.all, entities, hints);
  const contexts: Record<string, LayoutView> = {};
  for (const [contextId, view] of Object.entries(views.contexts)) {
    contexts[contextId] = await layoutView(elk, view, entities, hints);
  }
  return { all, contexts };
}

export async function layoutView(
  elk: ElkLayouter,
  view: PathwayView,
  entities: ReadonlyMap<string, Entity>,
  hints?: LayoutHints,
): Promise<LayoutView> {
  const result = await elk.layout(toElkGraph(view, entities, hints));
  return fromElkGraph(result, view);
}

type LayoutHints = Pick<PathwayDrawing, 'within'>;

export function toElkGraph(
  view: PathwayView,
  entities: ReadonlyMap<string, Entity>,
  hints?: LayoutHints,
): ElkNode {
  const members = new Map<string, ElkNode[]>();
  for (const node of view.nodes) {
    const size = nodeSize(nodeLabel(node, entities));
    const meeting = Math.max(
      view.edges.filter((edge) => edge.to === node.id).length,
      view.edges.filter((edge) => edge.from === node.id).length,
    );
    members.set(node.compartment, [
      ...(members.get(node.compartment) ?? []),
      { id: node.id, ...size, height: Math.max(size.height, sideFor(meeting)) },
    ]);
  }
  const outerOf = (compartment: string): string | undefined => {
    const outer = hints?.within[compartment];
    return outer !== undefined && members.has(outer) ? outer : undefined;
  };
  const groupOf = (compartment: string): ElkNode => ({
    id: groupNodeId(compartment),
    layoutOptions: { ...groupOptions },
    children: [
      ...(members.get(compartment) ?? []),
      ...[...members.keys()].filter((inner) => outerOf(inner) === compartment).map(groupOf),
    ],
  });
  const edges: ElkExtendedEdge[] = view.edges.map((edge) => ({
    id: `edge:${edge.id}`,
    sources: [edge.from],
    targets: [edge.to],
  }));
  return {
    id: 'root',
    layoutOptions: { ...rootOptions },
    children: [...members.keys()]
      .filter((compartment) => outerOf(compartment) === undefined)
      .map(groupOf),
    edges,
  };
}

/**
 * Back from ELK: group boxes in the view's coordinates (a group drawn inside another comes after
 * it), each node relative to its own group.
 */
function fromElkGraph(root: ElkNode, view: PathwayView): LayoutView {
  const compartmentOf = new Map(view.nodes.map((node) => [node.id, node.compartment]));
  const groups: LayoutView['groups'] = {};
  const nodes: LayoutView['nodes'] = {};
  const origins = new Map<string, { x: number; y: number }>([['root', { x: 0, y: 0 }]]);
  const visit = (group: ElkNode, parent: { x: number; y: number }) => {
    const compartment = group.id.slice('group:'.length);
    const origin = { x: parent.x + (group.x ?? 0), y: parent.y + (group.y ?? 0) };
    groups[compartment] = { ...box(group), x: round(origin.x), y: round(origin.y) };
    origins.set(group.id, origin);
    for (const child of group.children ?? []) {
      if (child.id.startsWith('group:')) visit(child, origin);
      else nodes[child.id] = { ...box(child), group: compartmentOf.get(child.id) ?? compartment };
    }
  };
  for (const group of root.children ?? []) visit(group, { x: 0, y: 0 });
  return {
    width: round(root.width),
    height: round(root.height),
    groups,
    nodes,
    edges: edgeRoutes(root.edges ?? [], origins),
  };
}

/** ELK's orthogonal routes, moved from each edge's container into the view's coordinates. */
function edgeRoutes(
  edges: readonly ElkExtendedEdge[],
  origins: ReadonlyMap<string, { x: number; y: number }>,
): LayoutView['edges'] {
  const routes: LayoutView['edges'] = {};
  for (const edge of edges) {
    const section = edge.sections?.[0];
    if (!section || !edge.id.startsWith('edge:')) continue;
    // elkjs reports where it placed an edge that crosses groups; its points are relative to it.
    const container = (edge as ElkExtendedEdge & { container?: string }).container ?? 'root';
    const origin = origins.get(container) ?? { x: 0, y: 0 };
    const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
    routes[edge.id.slice('edge:'.length)] = points.map((p): [number, number] => [
      round(p.x + origin.x),
      round(p.y + origin.y),
    ]);
  }
  return routes;
}

function box(shape: ElkNode): { x: number; y: number; width: number; height: number } {
  return {
    x: round(shape.x),
    y: round(shape.y),
    width: round(shape.width),
    height: round(shape.height),
  };
}

/** Whole pixels: identical output across runs and a layout.json that diffs cleanly. */
function round(value: number | undefined): number {
  return Math.round(value ?? 0);
}

export interface FlowBox {
  /** `group:<compartment>` for a group, the pathway node id for a node. */
  readonly id: string;
  readonly kind: 'group' | 'node';
  /** For a node: its group's id (React Flow `parentId`); its position is relative to it. */
  readonly parentId?: string;
  /** For a group: the compartment entity id; for a node: the pathway node id. */
  readonly ref: string;
  readonly position: { readonly x: number; readonly y: number };
  readonly width: number;
  readonly height: number;
}

/** A view as React Flow wants its nodes: every group before its children, positions relative. */
export function flowBoxes(view: LayoutView): FlowBox[] {
  const boxes: FlowBox[] = [];
  for (const [compartment, group] of Object.entries(view.groups)) {
    boxes.push({
      id: groupNodeId(compartment),
      kind: 'group',
      ref: compartment,
      position: { x: group.x, y: group.y },
      width: group.width,
      height: group.height,
    });
    for (const [nodeId, node] of Object.entries(view.nodes)) {
      if (node.group !== compartment) continue;
      boxes.push({
        id: nodeId,
        kind: 'node',
        parentId: groupNodeId(compartment),
        ref: nodeId,
        position: { x: node.x, y: node.y },
        width: node.width,
        height: node.height,
      });
    }
  }
  return boxes;
}

/** layout.json as written by `pack:layout`: one box per line, so a re-layout diffs readably. */
export function serializeLayout(layout: PackLayout): string {
  return `${compactJson(layout, '')}\n`;
}

function compactJson(value: unknown, indent: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Array.isArray(value)
    ? value.map((item): [string | undefined, unknown] => [undefined, item])
    : Object.entries(value);
  const open = Array.isArray(value) ? '[' : '{';
  const close = Array.isArray(value) ? ']' : '}';
  if (entries.length === 0) return `${open}${close}`;
  const scalar = (item: unknown) => item === null || typeof item !== 'object';
  const flat = entries.every(([, item]) => scalar(item));
  // An edge route: its points on one line, [x, y] each.
  const points =
    Array.isArray(value) && value.every((item) => Array.isArray(item) && item.every(scalar));
  const inner = indent + '  ';
  const parts = entries.map(
    ([key, item]) =>
      `${key === undefined ? '' : `${JSON.stringify(key)}: `}${points ? JSON.stringify(item) : compactJson(item, inner)}`,
  );
  return flat || points
    ? `${open} ${parts.join(', ')} ${close}`
    : `${open}\n${parts.map((part) => inner + part).join(',\n')}\n${indent}${close}`;
}
