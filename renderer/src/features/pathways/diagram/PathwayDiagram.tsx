import {
  ReactFlow,
  ViewportPortal,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { openingViewport, type Size } from '../../../../../shared/pack/diagram-fit.ts';
import type { DiagramModel } from '../model/diagram.ts';
import type { DiagramDecor } from './decor.ts';
import { toFlowEdges, toFlowNodes, type FlowEdge, type FlowNode } from './flow.ts';
import { PathwayMarkers } from './Markers.tsx';
import { CompartmentNode, EntityNode } from './nodes.tsx';
import { SbgnEdge } from './SbgnEdge.tsx';
import { useRovingFocus } from './useRovingFocus.ts';
import { ZoomBar } from './ZoomBar.tsx';

const nodeTypes = { entity: EntityNode, compartment: CompartmentNode };
const edgeTypes = { sbgn: SbgnEdge };

export interface PathwayDiagramProps {
  readonly model: DiagramModel;
  readonly decor: DiagramDecor;
  /** A node or edge id. */
  readonly selectedId: string | undefined;
  /** Absent on paper (`printed`), where nothing can be selected. */
  readonly onSelectNode?: (nodeId: string) => void;
  readonly onSelectEdge?: (edgeId: string) => void;
  readonly onClearSelection?: () => void;
  /** Build-the-pathway: dragging from a node's right handle to another node adds a link. */
  readonly onConnect?: (from: string, to: string) => void;
  /** The diagram's accessible name, e.g. "Figure 1 diagram, normal spine". */
  readonly label: string;
  /**
   * Drawn for paper: the whole drawing fits the width however small, with no zoom controls and
   * nothing to select or focus.
   */
  readonly printed?: boolean;
}

/**
 * A pathway drawn with React Flow at the precomputed layout. Presentational: what is selected,
 * emphasised or masked comes in through props; selection goes out through callbacks (React Flow
 * selects on click and on Enter/Space, and we turn its select changes into those callbacks).
 */
export function PathwayDiagram(props: PathwayDiagramProps) {
  const { model, decor, selectedId, onSelectNode, onSelectEdge, onClearSelection, onConnect } =
    props;
  const printed = props.printed === true;
  // Each drawing is its own flow: React Flow's ids for descriptions must differ between drawings.
  const flowId = `flow-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const connectable = onConnect !== undefined;
  const nodes = useMemo(
    () => toFlowNodes(model, decor, selectedId, connectable),
    [model, decor, selectedId, connectable],
  );
  const edges = useMemo(() => toFlowEdges(model, decor, selectedId), [model, decor, selectedId]);
  const { ref, width } = useCanvasWidth();
  const opening = openingViewport(model.layout, width, { printed });
  useOpeningViewport(model.layout, width, printed);
  // The flow's own box (without the zoom bar): what a node must stay inside when panned to.
  const flowRef = useRef<HTMLDivElement>(null);
  const roving = useRovingFocus(model, decor, selectedId, flowRef);
  // One Tab stop: only the roving node is in the Tab order; every node and link can still take
  // focus (by click, arrows or a script) and answers Enter.
  const focusNodes = useMemo(
    () =>
      nodes.map((node) =>
        node.type === 'entity'
          ? { ...node, domAttributes: { tabIndex: node.id === roving.activeId ? 0 : -1 } }
          : node,
      ),
    [nodes, roving.activeId],
  );
  const focusEdges = useMemo(
    () => edges.map((edge) => ({ ...edge, domAttributes: { tabIndex: -1 } })),
    [edges],
  );

  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': `${decor.nodeHint ?? 'Press Enter to show its details.'} Arrow keys follow its links.`,
      'node.a11yDescription.keyboardDisabled': decor.nodeHint ?? 'Press Enter to show its details.',
      'edge.a11yDescription.default': 'Press Enter to show the facts behind this link.',
      'minimap.ariaLabel': 'Overview of the diagram',
      'handle.ariaLabel': 'Connection point',
    }),
    [decor.nodeHint],
  );

  const onNodesChange = (changes: NodeChange<FlowNode>[]) => {
    for (const change of changes) {
      if (change.type === 'select' && change.selected && !change.id.startsWith('group:'))
        onSelectNode?.(change.id);
    }
  };
  const onEdgesChange = (changes: EdgeChange<FlowEdge>[]) => {
    for (const change of changes) {
      if (change.type === 'select' && change.selected) onSelectEdge?.(change.id);
    }
  };

  return (
    <div
      ref={ref}
      className="pw-canvas"
      role="group"
      aria-label={props.label}
      data-testid="pathway-diagram"
      {...(printed
        ? {}
        : { onKeyDownCapture: roving.onKeyDownCapture, onFocusCapture: roving.onFocusCapture })}
    >
      {!printed && (
        <p className="visually-hidden" aria-live="polite" data-testid="diagram-moves">
          {roving.announcement}
        </p>
      )}
      <div className="pw-flow" ref={flowRef} style={{ height: opening.height }}>
        <ReactFlow<FlowNode, FlowEdge>
          id={flowId}
          nodes={focusNodes}
          edges={focusEdges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onPaneClick={onClearSelection}
          {...(onConnect
            ? {
                onConnect: (connection: Connection) => {
                  if (connection.source !== connection.target)
                    onConnect(connection.source, connection.target);
                },
              }
            : {})}
          nodesDraggable={false}
          nodesConnectable={connectable}
          elementsSelectable={!printed}
          nodesFocusable={!printed}
          edgesFocusable={!printed}
          panOnDrag={!printed}
          // A press on a node also starts a pan (nodes are not draggable), and a pan that moved
          // swallows the click: without a tolerance a hand's one-pixel wobble loses the selection.
          paneClickDistance={clickWobblePx}
          panOnScroll={!printed}
          zoomOnScroll={false}
          deleteKeyCode={null}
          selectionKeyCode={null}
          multiSelectionKeyCode={null}
          zoomOnDoubleClick={false}
          minZoom={printed ? 0.1 : 0.25}
          maxZoom={2.5}
          ariaLabelConfig={ariaLabelConfig}
          proOptions={{ hideAttribution: true }}
        >
          <ViewportPortal>
            <PathwayMarkers />
          </ViewportPortal>
        </ReactFlow>
      </div>
      {!printed && <ZoomBar drawing={model.layout} canvasWidth={width} />}
    </div>
  );
}

/** How far (px) the pointer may move between press and release for a click to stay a click. */
const clickWobblePx = 5;

/** The canvas's width, followed as the window or the text size changes. */
function useCanvasWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/**
 * Opens the drawing as `openingViewport` says (whole where labels stay readable, else from its
 * left edge), again whenever the drawing or the canvas width changes.
 */
function useOpeningViewport(drawing: Size, width: number, printed: boolean) {
  const { setViewport } = useReactFlow();
  useEffect(() => {
    if (width === 0) return;
    const { x, y, zoom } = openingViewport(drawing, width, { printed });
    void setViewport({ x, y, zoom }, { duration: 0 });
  }, [drawing, width, printed, setViewport]);
}
