/**
 * Columns for a small quiz diagram, upstream on the left: each node goes one column right of its
 * furthest upstream neighbour. Back edges of a loop (found by a depth-first walk in the given node
 * order) are ignored for layering, so a feedback loop does not push nodes off forever. Within a
 * column, nodes sit near the average row of their upstream neighbours (one barycentre pass).
 */
export function layerColumns(
  nodeIds: readonly string[],
  edges: readonly { readonly from: string; readonly to: string }[],
): string[][] {
  const known = new Set(nodeIds);
  const out = new Map<string, string[]>(nodeIds.map((id) => [id, []]));
  for (const edge of edges) {
    if (edge.from !== edge.to && known.has(edge.from) && known.has(edge.to))
      out.get(edge.from)?.push(edge.to);
  }
  // Depth-first: an edge to a node still on the stack closes a loop.
  const state = new Map<string, 'open' | 'done'>();
  const forward: [string, string][] = [];
  const visit = (id: string) => {
    state.set(id, 'open');
    for (const next of out.get(id) ?? []) {
      const s = state.get(next);
      if (s === 'open') continue;
      forward.push([id, next]);
      if (s === undefined) visit(next);
    }
    state.set(id, 'done');
  };
  for (const id of nodeIds) if (!state.has(id)) visit(id);

  const layer = new Map<string, number>(nodeIds.map((id) => [id, 0]));
  // Longest path on the acyclic forward edges: relax until stable (at most n rounds).
  for (let round = 0; round < nodeIds.length; round++) {
    let changed = false;
    for (const [from, to] of forward) {
      const candidate = (layer.get(from) ?? 0) + 1;
      if (candidate > (layer.get(to) ?? 0)) {
        layer.set(to, candidate);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const width = Math.max(0, ...layer.values()) + 1;
  const columns: string[][] = Array.from({ length: nodeIds.length === 0 ? 0 : width }, () => []);
  for (const id of nodeIds) columns[layer.get(id) ?? 0]?.push(id);

  const row = new Map<string, number>();
  columns.forEach((column, c) => {
    if (c > 0) {
      const weight = (id: string) => {
        const ups = forward.filter(([, to]) => to === id).map(([from]) => row.get(from));
        const rows = ups.filter((r): r is number => r !== undefined);
        return rows.length === 0
          ? Number.POSITIVE_INFINITY
          : rows.reduce((a, b) => a + b) / rows.length;
      };
      const weights = new Map(column.map((id) => [id, weight(id)]));
      column.sort((a, b) => (weights.get(a) ?? 0) - (weights.get(b) ?? 0));
    }
    column.forEach((id, r) => row.set(id, r - (column.length - 1) / 2));
  });
  return columns;
}
