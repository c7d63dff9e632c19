/** A node's box in the drawing's coordinates. */
export interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** Across: upstream on the left. Down: upstream on top (narrow drawings, large text). */
export type Flow = 'across' | 'down';

export interface Route {
  readonly path: string;
  /** Where the sign cue sits: past the middle, where links fanning out of one node have parted. */
  readonly cue: { readonly x: number; readonly y: number };
}

type Point = readonly [number, number];

const cueAt = 0.62;
const clearance = 24;
/** A cubic's control points at c reach about 3/4 of the way there: aim past the target. */
const reach = (from: number, to: number) => from + ((to - from) * 4) / 3;

const centreX = (b: Box) => (b.left + b.right) / 2;
const centreY = (b: Box) => (b.top + b.bottom) / 2;

function cubic(p0: Point, p1: Point, p2: Point, p3: Point): Route {
  const at = (t: number, i: 0 | 1) =>
    (1 - t) ** 3 * p0[i] +
    3 * (1 - t) ** 2 * t * p1[i] +
    3 * (1 - t) * t ** 2 * p2[i] +
    t ** 3 * p3[i];
  const r = (n: number) => Math.round(n * 10) / 10;
  return {
    path: `M${r(p0[0])},${r(p0[1])} C${r(p1[0])},${r(p1[1])} ${r(p2[0])},${r(p2[1])} ${r(p3[0])},${r(p3[1])}`,
    cue: { x: r(at(cueAt, 0)), y: r(at(cueAt, 1)) },
  };
}

const overlaps = (lo: number, hi: number, a: number, b: number) => a < hi && b > lo;

/**
 * A link from box a to box b that leaves and enters along the flow, and goes round any box that
 * lies in its way (a link skipping a layer), below the drawing (across) or to its right (down).
 * The end stops 2 px short of b so the marker's tip touches the border.
 */
export function routeEdge(a: Box, b: Box, others: readonly Box[], flow: Flow): Route {
  if (flow === 'down') {
    if (b.top >= a.bottom) {
      const low = Math.min(centreX(a), centreX(b)) - 6;
      const high = Math.max(centreX(a), centreX(b)) + 6;
      const blockers = others.filter(
        (o) => o.top >= a.bottom && o.bottom <= b.top && overlaps(low, high, o.left, o.right),
      );
      if (blockers.length === 0) {
        const dy = Math.max(16, (b.top - a.bottom) / 2);
        const p0: Point = [centreX(a), a.bottom];
        const p3: Point = [centreX(b), b.top - 2];
        return cubic(p0, [p0[0], p0[1] + dy], [p3[0], p3[1] - dy], p3);
      }
      return aroundRight(a, b, blockers);
    }
    return aroundRight(a, b, []);
  }
  if (b.left >= a.right) {
    const low = Math.min(centreY(a), centreY(b)) - 6;
    const high = Math.max(centreY(a), centreY(b)) + 6;
    const blockers = others.filter(
      (o) => o.left >= a.right && o.right <= b.left && overlaps(low, high, o.top, o.bottom),
    );
    if (blockers.length === 0) {
      const dx = Math.max(clearance, (b.left - a.right) / 2);
      const p0: Point = [a.right, centreY(a)];
      const p3: Point = [b.left - 2, centreY(b)];
      return cubic(p0, [p0[0] + dx, p0[1]], [p3[0] - dx, p3[1]], p3);
    }
    const below = Math.max(a.bottom, b.bottom, ...blockers.map((o) => o.bottom)) + clearance;
    const p0: Point = [centreX(a), a.bottom];
    const p3: Point = [centreX(b), b.bottom + 2];
    return cubic(p0, [p0[0], reach(p0[1], below)], [p3[0], reach(p3[1], below)], p3);
  }
  if (b.right <= a.left) {
    // Back upstream: under both boxes.
    const below = Math.max(a.bottom, b.bottom) + clearance;
    const p0: Point = [centreX(a), a.bottom];
    const p3: Point = [centreX(b), b.bottom + 2];
    return cubic(p0, [p0[0], reach(p0[1], below)], [p3[0], reach(p3[1], below)], p3);
  }
  // Same column: top to bottom, or bottom to top.
  const down = b.top >= a.bottom;
  const p0: Point = [centreX(a), down ? a.bottom : a.top];
  const p3: Point = [centreX(b), down ? b.top - 2 : b.bottom + 2];
  const dy = (p3[1] - p0[1]) / 2;
  return cubic(p0, [p0[0], p0[1] + dy], [p3[0], p3[1] - dy], p3);
}

function aroundRight(a: Box, b: Box, blockers: readonly Box[]): Route {
  const side = Math.max(a.right, b.right, ...blockers.map((o) => o.right)) + clearance;
  const p0: Point = [a.right, centreY(a)];
  const p3: Point = [b.right + 2, centreY(b)];
  return cubic(p0, [reach(p0[0], side), p0[1]], [reach(p3[0], side), p3[1]], p3);
}
