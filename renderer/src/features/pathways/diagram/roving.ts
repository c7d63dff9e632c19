/**
 * Keyboard like a map: the diagram is one Tab stop, and the arrow keys move from node to node
 * along the links, to the linked node that lies most nearly in the arrow's direction.
 */

export type Direction = 'left' | 'right' | 'up' | 'down';

export const arrowDirections: Readonly<Record<string, Direction>> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

const unit: Record<Direction, { readonly x: number; readonly y: number }> = {
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
};

interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Link {
  readonly id: string;
  readonly from: string;
  readonly to: string;
}

/**
 * The link to follow from `nodeId` for an arrow key: among the nodes it links to (either way),
 * the one ahead in that direction, preferring the one closest to the straight line over the
 * nearest; undefined when no linked node lies that way.
 */
export function linkInDirection(
  links: readonly Link[],
  nodeId: string,
  direction: Direction,
  centreOf: (nodeId: string) => Point | undefined,
): { readonly link: Link; readonly nodeId: string } | undefined {
  const here = centreOf(nodeId);
  if (!here) return undefined;
  const { x: ux, y: uy } = unit[direction];
  let best: { link: Link; nodeId: string; score: number } | undefined;
  for (const link of links) {
    const other = link.from === nodeId ? link.to : link.to === nodeId ? link.from : undefined;
    if (other === undefined || other === nodeId) continue;
    const there = centreOf(other);
    if (!there) continue;
    const dx = there.x - here.x;
    const dy = there.y - here.y;
    const along = dx * ux + dy * uy;
    if (along <= 0) continue;
    const across = Math.abs(dx * uy - dy * ux);
    // Within 60° of the arrow's direction, nearer the line wins; further off, only as a last resort.
    const score = along + 2 * across + (across > along * Math.sqrt(3) ? 1e6 : 0);
    if (!best || score < best.score) best = { link, nodeId: other, score };
  }
  return best && { link: best.link, nodeId: best.nodeId };
}
