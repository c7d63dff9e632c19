/**
 * Edge geometry, computed where the layout is known: a left-to-right cubic curve (the same shape
 * React Flow's bezier edge draws), where several links meet one side of a node they spread out so
 * their arrowheads and bars do not sit on top of each other, and the ↑/↓ cue moves along the curve
 * until it is clear of every node box.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}

export interface Curve {
  readonly path: string;
  readonly at: (t: number) => Point;
}

export function curve(source: Point, target: Point): Curve {
  const offset = controlOffset(target.x - source.x);
  const c1 = { x: source.x + offset, y: source.y };
  const c2 = { x: target.x - offset, y: target.y };
  const at = (t: number): Point => {
    const u = 1 - t;
    const a = u * u * u;
    const b = 3 * u * u * t;
    const c = 3 * u * t * t;
    const d = t * t * t;
    return {
      x: a * source.x + b * c1.x + c * c2.x + d * target.x,
      y: a * source.y + b * c1.y + c * c2.y + d * target.y,
    };
  };
  return {
    path: `M${source.x},${source.y} C${c1.x},${c1.y} ${c2.x},${c2.y} ${target.x},${target.y}`,
    at,
  };
}

/**
 * A route laid out by ELK (orthogonal, around the nodes in between) as a path with softened
 * corners; `at` walks it by length, so a cue at 0.5 sits halfway along the line as drawn.
 */
export function polyline(points: readonly Point[], cornerRadius = 8): Curve {
  const lengths = points.slice(1).map((p, i) => {
    const q = points[i] ?? p;
    return Math.hypot(p.x - q.x, p.y - q.y);
  });
  const total = lengths.reduce((sum, length) => sum + length, 0);
  const at = (t: number): Point => {
    let left = Math.max(0, Math.min(1, t)) * total;
    for (const [i, length] of lengths.entries()) {
      const from = points[i];
      const to = points[i + 1];
      if (!from || !to) break;
      if (left <= length || i === lengths.length - 1) {
        const f = length === 0 ? 0 : Math.min(1, left / length);
        return { x: from.x + (to.x - from.x) * f, y: from.y + (to.y - from.y) * f };
      }
      left -= length;
    }
    return points[0] ?? { x: 0, y: 0 };
  };
  const first = points[0];
  if (!first) return { path: '', at };
  let path = `M${first.x},${first.y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const corner = points[i];
    const before = points[i - 1];
    const after = points[i + 1];
    if (!corner || !before || !after) continue;
    const r = Math.min(cornerRadius, (lengths[i - 1] ?? 0) / 2, (lengths[i] ?? 0) / 2);
    const towards = (p: Point, q: Point, d: number): Point => {
      const length = Math.hypot(q.x - p.x, q.y - p.y) || 1;
      return { x: p.x + ((q.x - p.x) / length) * d, y: p.y + ((q.y - p.y) / length) * d };
    };
    const enter = towards(corner, before, r);
    const leave = towards(corner, after, r);
    path += ` L${enter.x},${enter.y} Q${corner.x},${corner.y} ${leave.x},${leave.y}`;
  }
  const last = points[points.length - 1] ?? first;
  path += ` L${last.x},${last.y}`;
  return { path, at };
}

const cueCandidates = [0.5, 0.62, 0.38, 0.74, 0.26, 0.85, 0.15];

/** Where along the curve the cue circle (radius ~10) is clear of every node box, else midway. */
export function clearCuePosition(path: Curve, boxes: readonly Box[], radius = 11): number {
  const clear = (p: Point) =>
    boxes.every(
      (box) =>
        p.x < box.x - radius ||
        p.x > box.x + box.width + radius ||
        p.y < box.y - radius ||
        p.y > box.y + box.height + radius,
    );
  return cueCandidates.find((t) => clear(path.at(t))) ?? 0.5;
}

/**
 * Offsets (in px, from the side's centre) for `count` links meeting one side of a node of the
 * given height, in the order given (sort them by the other end's y first).
 */
export function spreadOffsets(count: number, height: number): number[] {
  if (count <= 1) return [0];
  const step = Math.min(12, (height - 8) / (count - 1));
  return Array.from({ length: count }, (_, i) => (i - (count - 1) / 2) * step);
}
