import { openingViewport, nodeLabelPx, type Size } from './diagram-fit.ts';
import type { LayoutView, Pack, Pathway, PathwayDrawing, PathwayLayout } from './schema.ts';
import { absoluteBoxes, type AbsoluteBox } from './validate-layout.ts';
import { pathwayViews, type PathwayView } from './views.ts';

/**
 * How well a laid-out pathway reads, in figures a test can hold it to (issue 11): edge crossings,
 * the shortest line an edge shows before its end marker, the smallest node label at the size the
 * diagram opens at, how far apart the two arcs of a loop run, and fan-out sources placed behind
 * their targets. Pure: it reads layout.json as the renderer draws it (ELK's routes, left to right).
 */

/**
 * The Pathways screen's canvas at a 1280×800 window, with the mode's panel beside it (checked by
 * the e2e fit test). A drawing cut off there may open with the panel under it instead
 * (renderer workspace-layout.ts): the wider canvas never opens it smaller, so the figures measured
 * here are the least it shows.
 */
export const canvasAt1280: Size = { width: 638, height: 800 };

/** What a diagram must meet on screen, in CSS px. */
export const layoutTargets = {
  minArrowLine: 24,
  minLabel: 12,
  minLoopGap: 24,
} as const;

/** Room an end marker takes at the end of the line: the arrowhead, the largest of them. */
const endMarkerDepth = 12;

export interface ViewFigures {
  readonly crossings: number;
  /** CSS px at the opening zoom: the shortest straight run into a target, less its marker. */
  readonly shortestArrowLine: number;
  /** The edge with that run. */
  readonly shortestEdge: string | undefined;
  /** CSS px: node labels at the opening zoom. */
  readonly smallestLabel: number;
  readonly openingZoom: number;
  /** CSS px at the opening zoom: the least distance between the two arcs of any A ⇄ B loop. */
  readonly smallestLoopGap: number | undefined;
  /** Nodes with two or more targets that sit downstream of a target outside a cycle. */
  readonly misplacedFanOuts: readonly string[];
}

export interface PathwayFigures extends ViewFigures {
  /** The same figures for each context drawn on its own. */
  readonly contexts: Readonly<Record<string, ViewFigures>>;
}

type Point = readonly [number, number];

export function pathwayFigures(
  pathway: Pathway,
  layout: PathwayLayout,
  canvas: Size = canvasAt1280,
): PathwayFigures {
  const views = pathwayViews(pathway);
  const contexts: Record<string, ViewFigures> = {};
  for (const [contextId, view] of Object.entries(views.contexts)) {
    const drawn = layout.contexts[contextId];
    if (drawn) contexts[contextId] = viewFigures(view, drawn, canvas);
  }
  return { ...viewFigures(views.all, layout.all, canvas), contexts };
}

export function viewFigures(view: PathwayView, drawn: LayoutView, canvas: Size): ViewFigures {
  const zoom = openingViewport(drawn, canvas.width).zoom;
  const routes = view.edges.flatMap((edge) => {
    const route = drawn.edges[edge.id];
    return route ? [{ edge, route }] : [];
  });
  let shortest: { id: string; length: number } | undefined;
  for (const { edge, route } of routes) {
    const length = finalRun(route) - endMarkerDepth;
    if (!shortest || length < shortest.length) shortest = { id: edge.id, length };
  }
  return {
    crossings: countCrossings(routes.map(({ route }) => route)),
    shortestArrowLine: round1((shortest?.length ?? 0) * zoom),
    shortestEdge: shortest?.id,
    smallestLabel: round1(nodeLabelPx * zoom),
    openingZoom: Math.round(zoom * 1000) / 1000,
    smallestLoopGap: loopGap(view, drawn, zoom),
    misplacedFanOuts: misplacedFanOuts(view, absoluteBoxes(drawn)),
  };
}

/**
 * Where a view misses a target, one sentence each; crossings must be exactly the count the
 * pathway's `drawing` explains (none where it explains nothing).
 */
export function shortfalls(
  figures: ViewFigures,
  explained?: Pick<PathwayDrawing, 'crossings'>,
): string[] {
  const problems: string[] = [];
  const allowedCrossings = explained?.crossings?.count ?? 0;
  if (figures.crossings !== allowedCrossings)
    problems.push(
      `${figures.crossings} edge crossings where the pack explains ${allowedCrossings}`,
    );
  if (figures.shortestArrowLine < layoutTargets.minArrowLine)
    problems.push(
      `edge ${figures.shortestEdge} shows ${figures.shortestArrowLine} px of line before its end marker (at least ${layoutTargets.minArrowLine})`,
    );
  if (figures.smallestLabel < layoutTargets.minLabel)
    problems.push(
      `labels open at ${figures.smallestLabel} px (at least ${layoutTargets.minLabel})`,
    );
  if (figures.smallestLoopGap !== undefined && figures.smallestLoopGap < layoutTargets.minLoopGap)
    problems.push(
      `a loop's two arcs run ${figures.smallestLoopGap} px apart (at least ${layoutTargets.minLoopGap})`,
    );
  for (const node of figures.misplacedFanOuts)
    problems.push(`${node} fans out but sits after one of its targets`);
  return problems;
}

function finalRun(route: readonly Point[]): number {
  const end = route[route.length - 1];
  const before = route[route.length - 2];
  return end && before ? Math.hypot(end[0] - before[0], end[1] - before[1]) : 0;
}

function segmentsOf(route: readonly Point[]): [Point, Point][] {
  return route.slice(1).map((point, i): [Point, Point] => [route[i] ?? point, point]);
}

/** Pairs of segments of different edges that cross each other (touching or overlapping is not crossing). */
export function countCrossings(routes: readonly (readonly Point[])[]): number {
  const segments = routes.map(segmentsOf);
  let count = 0;
  for (let i = 0; i < segments.length; i++) {
    for (let j = i + 1; j < segments.length; j++) {
      for (const a of segments[i] ?? []) {
        for (const b of segments[j] ?? []) if (properlyCross(a, b)) count++;
      }
    }
  }
  return count;
}

function orientation(p: Point, q: Point, r: Point): number {
  const value = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
  return Math.abs(value) < 1e-9 ? 0 : Math.sign(value);
}

function properlyCross([a, b]: [Point, Point], [c, d]: [Point, Point]): boolean {
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

function pointToSegment(p: Point, [a, b]: [Point, Point]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0
      ? 0
      : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSquared));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/**
 * How far apart the two arcs of each A ⇄ B loop run, at `zoom`: the least distance from the middle
 * half of either route (where its cue sits) to the other route. Near the nodes both ends meet the
 * same boxes, so only the middle can show two separate arcs.
 */
function loopGap(view: PathwayView, drawn: LayoutView, zoom: number): number | undefined {
  let least: number | undefined;
  for (const edge of view.edges) {
    const back = view.edges.find((other) => other.from === edge.to && other.to === edge.from);
    if (!back || edge.id > back.id) continue;
    const there = drawn.edges[edge.id];
    const again = drawn.edges[back.id];
    if (!there || !again) continue;
    const gap = Math.min(middleDistance(there, again), middleDistance(again, there)) * zoom;
    if (least === undefined || gap < least) least = gap;
  }
  return least === undefined ? undefined : round1(least);
}

function middleDistance(route: readonly Point[], other: readonly Point[]): number {
  const segments = segmentsOf(other);
  let least = Infinity;
  for (let t = 0.25; t <= 0.75 + 1e-9; t += 0.05) {
    const p = pointAlong(route, t);
    for (const segment of segments) least = Math.min(least, pointToSegment(p, segment));
  }
  return least;
}

/** The point a fraction `t` of the way along a route, by length. */
function pointAlong(route: readonly Point[], t: number): Point {
  const segments = segmentsOf(route);
  const lengths = segments.map(([a, b]) => Math.hypot(b[0] - a[0], b[1] - a[1]));
  let left = t * lengths.reduce((sum, length) => sum + length, 0);
  for (const [i, [a, b]] of segments.entries()) {
    const length = lengths[i] ?? 0;
    if (left <= length) {
      const f = length === 0 ? 0 : left / length;
      return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
    }
    left -= length;
  }
  return route[route.length - 1] ?? [0, 0];
}

/**
 * Read left to right, a node that fans out to two or more targets belongs before them: a target
 * to its left is allowed only where the link closes a cycle (a feedback loop drawn backwards).
 */
function misplacedFanOuts(view: PathwayView, boxes: ReadonlyMap<string, AbsoluteBox>): string[] {
  const targets = new Map<string, string[]>();
  for (const edge of view.edges)
    targets.set(edge.from, [...(targets.get(edge.from) ?? []), edge.to]);
  const centreX = (id: string) => {
    const box = boxes.get(id);
    return box ? box.x + box.width / 2 : 0;
  };
  const misplaced: string[] = [];
  for (const [source, ends] of targets) {
    if (ends.length < 2) continue;
    const behind = ends.filter(
      (target) => centreX(target) < centreX(source) && !reaches(view, target, source),
    );
    if (behind.length > 0) misplaced.push(source);
  }
  return misplaced;
}

function reaches(view: PathwayView, from: string, to: string): boolean {
  const seen = new Set([from]);
  const queue = [from];
  for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
    if (node === to) return true;
    for (const edge of view.edges) {
      if (edge.from === node && !seen.has(edge.to)) {
        seen.add(edge.to);
        queue.push(edge.to);
      }
    }
  }
  return false;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

export interface PathwayFigureSummary extends Omit<ViewFigures, 'shortestEdge'> {
  /** The crossings the pack explains (`drawing.crossings`), 0 where it explains none. */
  readonly crossingsExplained: number;
  /** Every shortfall of the whole drawing and its contexts; empty when all targets are met. */
  readonly shortfalls: readonly string[];
}

/** The figures of every laid-out pathway of a pack, for `pack:stats`. */
export function packLayoutFigures(
  pack: Pick<Pack, 'pathways' | 'layout'>,
  canvas: Size = canvasAt1280,
): Record<string, PathwayFigureSummary> {
  const summaries: Record<string, PathwayFigureSummary> = {};
  for (const pathway of pack.pathways) {
    const drawn = pack.layout?.pathways[pathway.id];
    if (!drawn) continue;
    const { contexts, shortestEdge: _edge, ...figures } = pathwayFigures(pathway, drawn, canvas);
    const inContexts = Object.entries(contexts).flatMap(([contextId, context]) =>
      shortfalls(context, pathway.drawing)
        .filter(
          (problem) => !problem.includes('crossings') || context.crossings > figures.crossings,
        )
        .map((problem) => `${contextId}: ${problem}`),
    );
    summaries[pathway.id] = {
      ...figures,
      crossingsExplained: pathway.drawing?.crossings?.count ?? 0,
      shortfalls: [
        ...shortfalls({ ...figures, shortestEdge: _edge }, pathway.drawing),
        ...inContexts,
      ],
    };
  }
  return summaries;
}
