import type { EdgeSign } from '../../../../../shared/pack/schema.ts';

/**
 * Cascades to step through: every simple path from a chosen node to a node with nothing further
 * downstream in the current view. Paths that rest only on stated facts come first, then shorter
 * ones, then file order, so the default is the best-supported chain.
 */

interface CascadeEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly sign: EdgeSign;
  readonly inferred: boolean;
}

export interface Cascade {
  /** Stable key: the edge ids joined. */
  readonly key: string;
  readonly nodeIds: readonly string[];
  readonly edges: readonly CascadeEdge[];
  readonly inferredSteps: number;
}

/** Enough for every pathway in a review-sized pack; stops a dense learner pack from exploding. */
const maxPaths = 200;

export function cascadesFrom(
  edges: readonly CascadeEdge[],
  source: string,
  limit = maxPaths,
): Cascade[] {
  const outgoing = new Map<string, CascadeEdge[]>();
  for (const edge of edges) {
    const list = outgoing.get(edge.from) ?? [];
    list.push(edge);
    outgoing.set(edge.from, list);
  }
  const found: { cascade: Cascade; order: number }[] = [];
  const walk = (node: string, visited: Set<string>, path: CascadeEdge[]) => {
    if (found.length >= limit) return;
    const next = (outgoing.get(node) ?? []).filter((edge) => !visited.has(edge.to));
    if (next.length === 0) {
      if (path.length > 0) found.push({ cascade: toCascade(source, path), order: found.length });
      return;
    }
    for (const edge of next) {
      visited.add(edge.to);
      walk(edge.to, visited, [...path, edge]);
      visited.delete(edge.to);
    }
  };
  walk(source, new Set([source]), []);
  return found
    .sort(
      (a, b) =>
        a.cascade.inferredSteps - b.cascade.inferredSteps ||
        a.cascade.edges.length - b.cascade.edges.length ||
        a.order - b.order,
    )
    .map((entry) => entry.cascade);
}

function toCascade(source: string, path: readonly CascadeEdge[]): Cascade {
  return {
    key: path.map((edge) => edge.id).join('>'),
    nodeIds: [source, ...path.map((edge) => edge.to)],
    edges: path,
    inferredSteps: path.filter((edge) => edge.inferred).length,
  };
}

/** Nodes to start from: those with outgoing edges, upstream-most (no incoming edge) first. */
export function cascadeSources(
  nodeIds: readonly string[],
  edges: readonly Pick<CascadeEdge, 'from' | 'to'>[],
): string[] {
  const hasOut = new Set(edges.map((edge) => edge.from));
  const hasIn = new Set(edges.map((edge) => edge.to));
  const starts = nodeIds.filter((id) => hasOut.has(id));
  return [...starts.filter((id) => !hasIn.has(id)), ...starts.filter((id) => hasIn.has(id))];
}

/**
 * The sign of a chain read as a whole: each inhibition or lowering flips it. A chain with a
 * "no difference" link carries no influence. This is the teaching point of a double negative,
 * not a prediction for the whole network.
 */
export function chainPolarity(signs: readonly EdgeSign[]): 'positive' | 'negative' | 'none' {
  let negative = false;
  for (const sign of signs) {
    switch (sign) {
      case 'stimulates':
      case 'increases-level':
        break;
      case 'inhibits':
      case 'decreases-level':
        negative = !negative;
        break;
      case 'no-difference':
        return 'none';
    }
  }
  return negative ? 'negative' : 'positive';
}
