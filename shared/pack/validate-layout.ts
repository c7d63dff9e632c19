import type { JsonPath } from './json-source.ts';
import type { LayoutView, PathwayFile as Pathway } from './schema.ts';
import { closestMatch } from './suggest.ts';
import type { ParsedPack } from './validate-context.ts';
import type { Reporter } from './validate-context.ts';
import { contextView, type PathwayView } from './views.ts';

const rerun = 'run `npm run pack:layout`';

/**
 * layout.json must place exactly the nodes of each pathway, each in the group of its compartment,
 * and nothing else: a renderer trusts it without checking. Whether it is up to date with the
 * pathway's edges and labels is a build-time question (`pack:check` recomputes it).
 */
export function checkLayout(parsed: ParsedPack, reporter: Reporter): void {
  const layout = parsed.layout;
  const pathways = parsed.pathways;
  if (!layout || !pathways) return;
  const byId = new Map(pathways.map((item) => [item.value.id, item.value]));

  for (const pathwayId of Object.keys(layout.pathways)) {
    if (byId.has(pathwayId)) continue;
    const hint = closestMatch(pathwayId, byId.keys());
    reporter.report(
      'layout.json',
      ['pathways', pathwayId],
      'layout',
      `no pathway "${pathwayId}" in pathways.json${hint ? ` (did you mean "${hint}"?)` : ''}`,
      'key',
    );
  }

  for (const pathway of byId.values()) {
    const entry = layout.pathways[pathway.id];
    if (!entry) {
      reporter.report(
        'layout.json',
        ['pathways'],
        'layout',
        `pathway ${pathway.id} has no layout; ${rerun}`,
      );
      continue;
    }
    const base = ['pathways', pathway.id];
    checkView(reporter, [...base, 'all'], pathway, pathway, entry.all);
    const contextIds = pathway.contexts.map((context) => context.id);
    for (const [contextId, view] of Object.entries(entry.contexts)) {
      const path = [...base, 'contexts', contextId];
      if (!contextIds.includes(contextId)) {
        const hint = closestMatch(contextId, contextIds);
        reporter.report(
          'layout.json',
          path,
          'layout',
          `pathway ${pathway.id} has no context "${contextId}"${hint ? ` (did you mean "${hint}"?)` : ''}`,
          'key',
        );
        continue;
      }
      checkView(reporter, path, pathway, contextView(pathway, contextId), view);
    }
  }
}

function checkView(
  reporter: Reporter,
  path: JsonPath,
  pathway: Pathway,
  expected: PathwayView,
  view: LayoutView,
): void {
  const expectedNodes = new Map(expected.nodes.map((node) => [node.id, node]));
  const expectedGroups = new Set(expected.nodes.map((node) => node.compartment));

  for (const node of expected.nodes) {
    if (!Object.hasOwn(view.nodes, node.id)) {
      reporter.report(
        'layout.json',
        [...path, 'nodes'],
        'layout',
        `node "${node.id}" of pathway ${pathway.id} has no position; ${rerun}`,
      );
    }
  }
  for (const [nodeId, box] of Object.entries(view.nodes)) {
    const node = expectedNodes.get(nodeId);
    if (!node) {
      reporter.report(
        'layout.json',
        [...path, 'nodes', nodeId],
        'layout',
        `pathway ${pathway.id} shows no node "${nodeId}" here`,
        'key',
      );
    } else if (box.group !== node.compartment) {
      reporter.report(
        'layout.json',
        [...path, 'nodes', nodeId, 'group'],
        'layout',
        `node "${nodeId}" sits in compartment "${node.compartment}", not "${box.group}"; ${rerun}`,
      );
    }
  }
  for (const compartment of expectedGroups) {
    if (!Object.hasOwn(view.groups, compartment)) {
      reporter.report(
        'layout.json',
        [...path, 'groups'],
        'layout',
        `compartment "${compartment}" of pathway ${pathway.id} has no group box; ${rerun}`,
      );
    }
  }
  const expectedEdges = new Map(expected.edges.map((edge) => [edge.id, edge]));
  const boxes = absoluteBoxes(view);
  for (const [edgeId, route] of Object.entries(view.edges)) {
    const edge = expectedEdges.get(edgeId);
    if (!edge) {
      reporter.report(
        'layout.json',
        [...path, 'edges', edgeId],
        'layout',
        `pathway ${pathway.id} draws no edge "${edgeId}" here; ${rerun}`,
        'key',
      );
      continue;
    }
    // The renderer draws a route as given, so one left over from an older layout would join the
    // wrong boxes.
    const joins =
      onOutline(route[0], boxes.get(edge.from)) && onOutline(route.at(-1), boxes.get(edge.to));
    if (!joins) {
      reporter.report(
        'layout.json',
        [...path, 'edges', edgeId],
        'layout',
        `the route of edge "${edgeId}" does not run from "${edge.from}" to "${edge.to}"; ${rerun}`,
      );
    }
  }
  for (const compartment of Object.keys(view.groups)) {
    if (!expectedGroups.has(compartment)) {
      reporter.report(
        'layout.json',
        [...path, 'groups', compartment],
        'layout',
        `no node of pathway ${pathway.id} sits in compartment "${compartment}" here`,
        'key',
      );
    }
  }
}

export interface AbsoluteBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Node boxes in the view's coordinates (layout.json gives them relative to their group). */
export function absoluteBoxes(view: LayoutView): Map<string, AbsoluteBox> {
  return new Map(
    Object.entries(view.nodes).map(([id, node]) => {
      const group = view.groups[node.group];
      return [id, { ...node, x: node.x + (group?.x ?? 0), y: node.y + (group?.y ?? 0) }];
    }),
  );
}

/** Within a pixel of the box's outline (routes are rounded to whole pixels). */
export function onOutline(
  point: readonly [number, number] | undefined,
  box: AbsoluteBox | undefined,
): boolean {
  if (!point || !box) return false;
  const [x, y] = point;
  const within = (v: number, low: number, high: number) => v >= low - 1 && v <= high + 1;
  const near = (v: number, line: number) => Math.abs(v - line) <= 1;
  return (
    (within(y, box.y, box.y + box.height) && (near(x, box.x) || near(x, box.x + box.width))) ||
    (within(x, box.x, box.x + box.width) && (near(y, box.y) || near(y, box.y + box.height)))
  );
}
