import { useReactFlow } from '@xyflow/react';
import {
  useEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import type { DiagramModel } from '../model/diagram.ts';
import { edgeSentence } from '../model/notation.ts';
import type { DiagramDecor } from './decor.ts';
import type { FlowEdge, FlowNode } from './flow.ts';
import { panToNode } from './pan-to-node.ts';
import { arrowDirections, linkInDirection, type Link } from './roving.ts';

const nodeSelector = '.react-flow__node-entity';

/**
 * Roving focus over the diagram's nodes: only one node is in the Tab order (the last one visited,
 * else the selected one, else the first); arrow keys follow the links to the neighbour in that
 * direction, pan it into view, focus it and say politely which link was followed. While the links
 * are hidden (building the pathway) the arrows move to the nearest node that way instead.
 */
export function useRovingFocus(
  model: DiagramModel,
  decor: DiagramDecor,
  selectedId: string | undefined,
  canvasRef: RefObject<HTMLDivElement | null>,
) {
  const { getInternalNode, getViewport, setCenter } = useReactFlow<FlowNode, FlowEdge>();
  const [visited, setVisited] = useState<string | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  const pendingFocus = useRef<string | undefined>(undefined);
  const isNode = (id: string | undefined) => model.nodes.some((node) => node.id === id);
  const activeId = isNode(visited) ? visited : isNode(selectedId) ? selectedId : model.nodes[0]?.id;

  useEffect(() => {
    if (!activeId || pendingFocus.current !== activeId) return;
    pendingFocus.current = undefined;
    canvasRef.current
      ?.querySelector<HTMLElement>(`${nodeSelector}[data-id="${CSS.escape(activeId)}"]`)
      ?.focus({ preventScroll: true });
  }, [activeId, canvasRef]);

  const nameOf = (id: string) =>
    decor.nodes?.[id]?.masked ?? model.nodes.find((node) => node.id === id)?.name ?? id;
  const centreOf = (id: string) => {
    const node = getInternalNode(id);
    if (!node) return undefined;
    const { width = 0, height = 0 } = node.measured;
    const { x, y } = node.internals.positionAbsolute;
    return { x: x + width / 2, y: y + height / 2 };
  };
  const panTo = (id: string) => {
    if (canvasRef.current)
      panToNode({ getInternalNode, getViewport, setCenter }, canvasRef.current, id);
  };

  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>) => {
    const direction = arrowDirections[event.key];
    const from = (event.target as HTMLElement).closest(nodeSelector)?.getAttribute('data-id');
    if (!direction || !from || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    event.stopPropagation();
    const linksHidden = decor.hideEdges === true;
    const links: Link[] = linksHidden
      ? model.nodes.map((node) => ({ id: '', from, to: node.id }))
      : model.edges.filter((edge) => !decor.edges?.[edge.id]?.hidden);
    const found = linkInDirection(links, from, direction, centreOf);
    if (!found) {
      setAnnouncement(
        `No ${linksHidden ? 'node' : 'linked node'} ${direction === 'up' || direction === 'down' ? `${direction} from` : `to the ${direction} of`} ${nameOf(from)}.`,
      );
      return;
    }
    const edge = model.edges.find((e) => e.id === found.link.id);
    const followed = edge ? `${edgeSentence(nameOf(edge.from), edge.sign, nameOf(edge.to))}. ` : '';
    setAnnouncement(`${followed}Now on ${nameOf(found.nodeId)}.`);
    pendingFocus.current = found.nodeId;
    setVisited(found.nodeId);
    panTo(found.nodeId);
  };
  const onFocusCapture = (event: FocusEvent<HTMLDivElement>) => {
    const id = (event.target as HTMLElement).closest(nodeSelector)?.getAttribute('data-id');
    if (id && id !== activeId) setVisited(id);
  };

  return { activeId, announcement, onKeyDownCapture, onFocusCapture };
}
