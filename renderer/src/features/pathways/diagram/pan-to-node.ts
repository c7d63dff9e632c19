import type { ReactFlowInstance } from '@xyflow/react';
import type { FlowEdge, FlowNode } from './flow.ts';

/** How close to the canvas's edge (px) a node may come before the drawing pans to it. */
const margin = 24;

/** Pans the drawing, at its zoom, to centre the node when any of it lies outside the canvas. */
export function panToNode(
  flow: Pick<
    ReactFlowInstance<FlowNode, FlowEdge>,
    'getInternalNode' | 'getViewport' | 'setCenter'
  >,
  canvas: HTMLElement,
  nodeId: string,
): void {
  const node = flow.getInternalNode(nodeId);
  if (!node) return;
  const { x, y, zoom } = flow.getViewport();
  const { width = 0, height = 0 } = node.measured;
  const position = node.internals.positionAbsolute;
  const left = position.x * zoom + x;
  const top = position.y * zoom + y;
  const inside =
    left >= margin &&
    top >= margin &&
    left + width * zoom <= canvas.clientWidth - margin &&
    top + height * zoom <= canvas.clientHeight - margin;
  if (!inside)
    void flow.setCenter(position.x + width / 2, position.y + height / 2, { zoom, duration: 0 });
}
