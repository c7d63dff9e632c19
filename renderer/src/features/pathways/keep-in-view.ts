import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef, type RefObject } from 'react';
import type { FlowEdge, FlowNode } from './diagram/flow.ts';
import { panToNode } from './diagram/pan-to-node.ts';

/**
 * Scrolls `ref` into view (as little as needed) whenever `key` changes after the first render:
 * the result of Next, a perturbation or an answer is never left below the fold.
 */
export function useKeepInView(ref: RefObject<HTMLElement | null>, key: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [ref, key]);
}

/**
 * Pans the diagram, at its zoom, so that the node is inside the canvas, and scrolls the page so
 * the canvas is in view: the node step-through highlights is always seen.
 */
export function useNodeInView(nodeId: string | undefined): void {
  const { getInternalNode, getViewport, setCenter } = useReactFlow<FlowNode, FlowEdge>();
  useEffect(() => {
    const canvas = document.querySelector<HTMLElement>('[data-testid="pathway-diagram"] .pw-flow');
    if (!nodeId || !canvas) return;
    panToNode({ getInternalNode, getViewport, setCenter }, canvas, nodeId);
    canvas.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [nodeId, getInternalNode, getViewport, setCenter]);
}
