import ELK from 'elkjs';
import { describe, expect, it } from 'vitest';
import {
  flowBoxes,
  groupNodeId,
  layoutPack,
  nodeSize,
  serializeLayout,
} from '../../shared/pack/layout.ts';
import type { LayoutView, Pack } from '../../shared/pack/schema.ts';
import { layoutSchema } from '../../shared/pack/schema.ts';
import { validatePack } from '../../shared/pack/validate.ts';
import { absoluteBoxes, onOutline, type AbsoluteBox } from '../../shared/pack/validate-layout.ts';
import { bundledPack } from '../support/engine.ts';
import { readMiniPack } from '../support/packs.ts';

function miniPack(): Pack {
  const result = validatePack(readMiniPack());
  if (!result.ok) throw new Error('fixture invalid');
  return result.pack;
}

function expectChildrenInsideGroups(view: LayoutView): void {
  for (const [nodeId, node] of Object.entries(view.nodes)) {
    const group = view.groups[node.group];
    expect(group, nodeId).toBeDefined();
    if (!group) continue;
    // Relative to the group: inside it, not at the group's absolute position.
    expect(node.x, nodeId).toBeGreaterThanOrEqual(0);
    expect(node.y, nodeId).toBeGreaterThanOrEqual(0);
    expect(node.x + node.width, nodeId).toBeLessThanOrEqual(group.width + 1);
    expect(node.y + node.height, nodeId).toBeLessThanOrEqual(group.height + 1);
  }
}

function overlaps(a: LayoutView['groups'][string], b: LayoutView['groups'][string]): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

type Box = AbsoluteBox;
type Point = readonly [number, number];

/** Whether an orthogonal route passes through the inside of a box (its outline excluded). */
function crosses(route: readonly Point[], box: Box): boolean {
  return route.slice(1).some(([x2, y2], i) => {
    const [x1, y1] = route[i] ?? [x2, y2];
    const left = Math.min(x1, x2);
    const right = Math.max(x1, x2);
    const top = Math.min(y1, y2);
    const bottom = Math.max(y1, y2);
    return (
      left < box.x + box.width - 1 &&
      right > box.x + 1 &&
      top < box.y + box.height - 1 &&
      bottom > box.y + 1
    );
  });
}

describe('pathway layout', () => {
  it('places every node inside its compartment group, groups apart', async () => {
    const pack = miniPack();
    const layout = await layoutPack(new ELK(), pack);
    expect(layoutSchema.parse(layout)).toEqual(layout);
    const view = layout.pathways.D1?.all;
    if (!view) throw new Error('no layout for D1');
    expect(Object.keys(view.nodes).sort()).toEqual(pack.pathways[0]?.nodes.map((n) => n.id).sort());
    expect(Object.keys(view.groups).sort()).toEqual(['spinal-joint', 'synovium']);
    expect(view.nodes.dkk1?.group).toBe('synovium');
    expectChildrenInsideGroups(view);
    const [a, b] = Object.values(view.groups);
    expect(a && b && overlaps(a, b)).toBe(false);
    for (const group of Object.values(view.groups)) {
      expect(group.x + group.width).toBeLessThanOrEqual(view.width);
      expect(group.y + group.height).toBeLessThanOrEqual(view.height);
    }
  });

  it('draws a context separately only where its nodes differ from the whole', async () => {
    const layout = await layoutPack(new ELK(), miniPack());
    const contexts = layout.pathways.D1?.contexts ?? {};
    // "as" shows all six nodes, so the whole drawing serves it; "normal" shows three.
    expect(Object.keys(contexts)).toEqual(['normal']);
    expect(Object.keys(contexts.normal?.nodes ?? {}).sort()).toEqual([
      'new-bone',
      'ob-diff',
      'oc-diff',
    ]);
    if (contexts.normal) expectChildrenInsideGroups(contexts.normal);
  });

  it('lays out left to right: an edge leads from a layer to a later one', async () => {
    const layout = await layoutPack(new ELK(), miniPack());
    const view = layout.pathways.D1?.contexts.normal;
    const absoluteX = (id: string) => {
      const node = view?.nodes[id];
      return (node?.x ?? 0) + (view?.groups[node?.group ?? '']?.x ?? 0);
    };
    expect(absoluteX('new-bone')).toBeGreaterThan(absoluteX('ob-diff'));
  });

  it('is deterministic: fresh ELK instances give byte-identical layout.json', async () => {
    const pack = miniPack();
    const first = serializeLayout(await layoutPack(new ELK(), pack));
    const second = serializeLayout(await layoutPack(new ELK(), pack));
    expect(second).toBe(first);
    expect(JSON.parse(first)).toEqual(await layoutPack(new ELK(), pack));
  });

  it('gives React Flow each group before its children, with relative child positions', async () => {
    const view = (await layoutPack(new ELK(), miniPack())).pathways.D1?.all;
    if (!view) throw new Error('no layout');
    const boxes = flowBoxes(view);
    expect(boxes).toHaveLength(Object.keys(view.groups).length + Object.keys(view.nodes).length);
    boxes.forEach((box, index) => {
      if (box.kind === 'group') return;
      const parentIndex = boxes.findIndex((other) => other.id === box.parentId);
      expect(parentIndex).toBeGreaterThanOrEqual(0);
      expect(parentIndex).toBeLessThan(index);
    });
    expect(boxes.find((box) => box.id === 'dkk1')).toMatchObject({
      parentId: groupNodeId('synovium'),
      position: { x: view.nodes.dkk1?.x, y: view.nodes.dkk1?.y },
    });
  });

  it('routes every edge of the bundled pack from its source to its target, around every other node', () => {
    const layout = bundledPack.layout;
    if (!layout) throw new Error('the bundled pack has no layout.json');
    let routes = 0;
    for (const pathway of bundledPack.pathways) {
      const entry = layout.pathways[pathway.id];
      const views = [entry?.all, ...Object.values(entry?.contexts ?? {})];
      for (const view of views) {
        if (!view) continue;
        const boxes = absoluteBoxes(view);
        for (const edge of pathway.edges) {
          if (!boxes.has(edge.from) || !boxes.has(edge.to)) continue;
          const route = view.edges[edge.id];
          expect(route, `${pathway.id} ${edge.id}`).toBeDefined();
          if (!route) continue;
          routes++;
          const where = `${pathway.id} ${edge.id}`;
          expect(onOutline(route[0], boxes.get(edge.from)), `${where} starts at its source`).toBe(
            true,
          );
          expect(onOutline(route.at(-1), boxes.get(edge.to)), `${where} ends at its target`).toBe(
            true,
          );
          for (const [nodeId, box] of boxes) {
            if (nodeId === edge.from || nodeId === edge.to) continue;
            expect(crosses(route, box), `${where} crosses ${nodeId}`).toBe(false);
          }
        }
      }
    }
    expect(routes).toBeGreaterThan(60);
  });

  it('sizes nodes from their labels within bounds', () => {
    expect(nodeSize('IL-6')).toEqual({ width: 96, height: 38 });
    const long = nodeSize('Fusion of preosteoclasts into multinucleated osteoclasts');
    expect(long.width).toBe(220);
    expect(long.height).toBeGreaterThan(38);
  });
});
