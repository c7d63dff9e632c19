import { describe, expect, it } from 'vitest';
import { linkInDirection } from '../../renderer/src/features/pathways/diagram/roving.ts';

//   a ── b ── c        a(0,0) b(100,0) c(200,0)
//   │                  d(0,100) below a, e(100,60) linked to a, down-right of it
//   d     e
const centres: Record<string, { x: number; y: number }> = {
  a: { x: 0, y: 0 },
  b: { x: 100, y: 0 },
  c: { x: 200, y: 0 },
  d: { x: 0, y: 100 },
  e: { x: 100, y: 60 },
};
const links = [
  { id: 'a-b', from: 'a', to: 'b' },
  { id: 'b-c', from: 'b', to: 'c' },
  { id: 'd-a', from: 'd', to: 'a' },
  { id: 'a-e', from: 'a', to: 'e' },
];
const centreOf = (id: string) => centres[id];

describe('arrow keys follow the links', () => {
  it('picks the linked node most nearly in the arrow direction, either way along a link', () => {
    expect(linkInDirection(links, 'a', 'right', centreOf)?.nodeId).toBe('b');
    expect(linkInDirection(links, 'a', 'down', centreOf)?.nodeId).toBe('d');
    expect(linkInDirection(links, 'b', 'left', centreOf)).toMatchObject({
      nodeId: 'a',
      link: { id: 'a-b' },
    });
    expect(linkInDirection(links, 'd', 'up', centreOf)?.nodeId).toBe('a');
  });

  it('never jumps to an unlinked node, and finds nothing where no link leads', () => {
    // c is to the right of b's neighbour, but b is the only node linked to c.
    expect(linkInDirection(links, 'c', 'right', centreOf)).toBeUndefined();
    expect(linkInDirection(links, 'a', 'left', centreOf)).toBeUndefined();
    expect(linkInDirection(links, 'e', 'down', centreOf)).toBeUndefined();
  });

  it('takes a node far off the line only when nothing lies closer to it', () => {
    // From e, going up: a is up-left (steep enough), the only linked node.
    expect(linkInDirection(links, 'e', 'up', centreOf)?.nodeId).toBe('a');
    // From a going down, d (straight down) beats e (down-right).
    expect(linkInDirection(links, 'a', 'down', centreOf)?.nodeId).toBe('d');
  });
});
