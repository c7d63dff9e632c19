import type { PathwayEdge, PathwayFile, PathwayNode } from './schema.ts';

/** What the views read of a pathway, as its file or the loaded pack states it. */
type Drawn = Pick<PathwayFile, 'nodes' | 'edges' | 'contexts'>;

/**
 * What a pathway shows as a whole and in each of its contexts (figure panels such as "normal
 * spine" vs "ankylosing spondylitis"). A node or edge with no contexts belongs to every context.
 * The layout draws one view per context only where its node set differs from the whole, and the
 * validator checks layout.json against the same definition.
 */

export interface PathwayView {
  readonly nodes: readonly PathwayNode[];
  readonly edges: readonly PathwayEdge[];
}

export interface PathwayViews {
  readonly all: PathwayView;
  readonly contexts: Readonly<Record<string, PathwayView>>;
}

type Scoped = Pick<PathwayNode, 'contexts'>;

export function inContext(item: Scoped, contextId: string): boolean {
  return item.contexts.length === 0 || item.contexts.includes(contextId);
}

export function contextView(pathway: Drawn, contextId: string): PathwayView {
  const nodes = pathway.nodes.filter((node) => inContext(node, contextId));
  const shown = new Set(nodes.map((node) => node.id));
  const edges = pathway.edges.filter(
    (edge) => inContext(edge, contextId) && shown.has(edge.from) && shown.has(edge.to),
  );
  return { nodes, edges };
}

export function pathwayViews(pathway: Drawn): PathwayViews {
  const all = { nodes: pathway.nodes, edges: pathway.edges };
  const contexts: Record<string, PathwayView> = {};
  for (const context of pathway.contexts) {
    const view = contextView(pathway, context.id);
    if (view.nodes.length !== pathway.nodes.length) contexts[context.id] = view;
  }
  return { all, contexts };
}

/** The contexts in which an edge is drawn: its own (or all), narrowed to those showing both ends. */
export function edgeDrawnIn(pathway: Drawn, edge: PathwayEdge): string[] {
  const from = pathway.nodes.find((node) => node.id === edge.from);
  const to = pathway.nodes.find((node) => node.id === edge.to);
  if (!from || !to) return [];
  return pathway.contexts
    .map((context) => context.id)
    .filter((id) => inContext(edge, id) && inContext(from, id) && inContext(to, id));
}

/**
 * How a pathway is named in links and lists: "Figure 1 · IL-32γ in both bone formation …", or its title;
 * `figure` is the figure's label as learners read it (`figureLabel` in sections.ts).
 */
export function pathwayLabel(pathway: {
  readonly figure?: string | null;
  readonly title: string;
}): string {
  return pathway.figure ? `${pathway.figure} · ${pathway.title}` : pathway.title;
}
