import type { Pathway } from '../../../../../shared/pack/schema.ts';
import { edgeDrawnIn, inContext } from '../../../../../shared/pack/views.ts';

/**
 * The Pathways screen's address: `#/pathways/D2?context=as-local&node=dkk-1`. Other screens link
 * here to "show in pathway" a node (`node`), an edge (`edge`) or a fact (`fact`, shown on the
 * edges it supports); `pack` opens another installed pack's pathways.
 */
export interface PathwaysLink {
  readonly pathwayId?: string;
  readonly context?: string;
  readonly node?: string;
  readonly edge?: string;
  readonly fact?: string;
  readonly pack?: string;
}

const keys = ['context', 'node', 'edge', 'fact', 'pack'] as const;
const maxParam = 100;

/**
 * Reads the link from the hash route (`/pathways/D1?node=x`) and, as a fallback, from the page's
 * own query string (where a router may have put it).
 */
export function parsePathwaysLink(location: string, search = ''): PathwaysLink {
  const [path = '', hashQuery = ''] = location.split('?');
  const match = /^\/pathways\/([^/?#]+)\/?$/.exec(path);
  const fromHash = new URLSearchParams(hashQuery);
  const fromSearch = new URLSearchParams(search);
  const link: Record<string, string> = {};
  const pathwayId = match?.[1] ? decodeURIComponent(match[1]) : undefined;
  if (pathwayId && pathwayId.length <= maxParam) link.pathwayId = pathwayId;
  for (const key of keys) {
    const value = fromHash.get(key) ?? fromSearch.get(key);
    if (value && value.length <= maxParam) link[key] = value;
  }
  return link;
}

export function pathwaysHref(link: PathwaysLink): string {
  const params = new URLSearchParams();
  for (const key of keys) {
    const value = link[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  const path = link.pathwayId ? `/pathways/${encodeURIComponent(link.pathwayId)}` : '/pathways';
  return query ? `${path}?${query}` : path;
}

export type Selection =
  | { readonly kind: 'node'; readonly id: string }
  | { readonly kind: 'edge'; readonly id: string }
  | { readonly kind: 'fact'; readonly id: string };

export interface ResolvedLink {
  readonly pathway: Pathway;
  /** The context shown, or undefined for a pathway without contexts. */
  readonly context: string | undefined;
  readonly selection: Selection | undefined;
}

/**
 * Which pathway, context and selection a link shows. Without a pathway id it picks the first
 * pathway holding the node, edge or fact (else the first, Figure 1); without a context, the first
 * context that shows the selection.
 */
export function resolveLink(
  pathways: readonly Pathway[],
  link: PathwaysLink,
): ResolvedLink | undefined {
  const holds = (pathway: Pathway) =>
    (link.node !== undefined && pathway.nodes.some((node) => node.id === link.node)) ||
    (link.edge !== undefined && pathway.edges.some((edge) => edge.id === link.edge)) ||
    (link.fact !== undefined &&
      pathway.edges.some((edge) => edge.factIds.includes(link.fact ?? '')));
  const pathway =
    pathways.find((p) => p.id === link.pathwayId) ?? pathways.find(holds) ?? pathways[0];
  if (!pathway) return undefined;

  const selection: Selection | undefined =
    link.node && pathway.nodes.some((node) => node.id === link.node)
      ? { kind: 'node', id: link.node }
      : link.edge && pathway.edges.some((edge) => edge.id === link.edge)
        ? { kind: 'edge', id: link.edge }
        : link.fact && pathway.edges.some((edge) => edge.factIds.includes(link.fact ?? ''))
          ? { kind: 'fact', id: link.fact }
          : undefined;

  const contextIds = pathway.contexts.map((context) => context.id);
  if (contextIds.length === 0) return { pathway, context: undefined, selection };
  const shows = (contextId: string): boolean => {
    if (!selection) return true;
    switch (selection.kind) {
      case 'node': {
        const node = pathway.nodes.find((n) => n.id === selection.id);
        return node ? inContext(node, contextId) : false;
      }
      case 'edge': {
        const edge = pathway.edges.find((e) => e.id === selection.id);
        return edge ? edgeDrawnIn(pathway, edge).includes(contextId) : false;
      }
      case 'fact':
        return pathway.edges.some(
          (edge) =>
            edge.factIds.includes(selection.id) && edgeDrawnIn(pathway, edge).includes(contextId),
        );
    }
  };
  const requested = link.context && contextIds.includes(link.context) ? link.context : undefined;
  const context = requested ?? contextIds.find(shows) ?? contextIds[0];
  return { pathway, context, selection };
}
