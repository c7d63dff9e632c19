import {
  Controls,
  ReactFlow,
  ViewportPortal,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { DiagramModel } from '../model/diagram.ts';
import type { DiagramDecor } from './decor.ts';
import { toFlowEdges, toFlowNodes, type FlowEdge, type FlowNode } from './flow.ts';
import { PathwayMarkers } from './Markers.tsx';
import { CompartmentNode, EntityNode } from './nodes.tsx';
import { SbgnEdge } from './SbgnEdge.tsx';
import { useRovingFocus } from './useRovingFocus.ts';

const nodeTypes = { entity: EntityNode, compartment: CompartmentNode };
const edgeTypes = { sbgn: SbgnEdge };
/**
 * Fit the whole drawing, but never below 70 %: our 13 px labels stay readable, and a drawing too
 * wide for the canvas can be panned or zoomed out with the controls.
 */
const minFitZoom = 0.7;
const maxFitZoom = 1.25;
const fitPadding = 16;
/** On paper the drawing shares a landscape page with its title and legend: at most this tall. */
const printedMaxHeight = 360;
/** The zoom button fits everything, however small. */
const fitAllOptions = { padding: 0.04, duration: 0 } as const;

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
  const minZoom = printed ? 0 : minFitZoom;
  const { ref, width, height } = useDiagramHeight(model.layout, minZoom, printed);
  useFitDrawing(model.layout, width, height, minZoom);
  const roving = useRovingFocus(model, decor, selectedId, ref);
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
      'controls.ariaLabel': 'Zoom controls',
      'controls.zoomIn.ariaLabel': 'Zoom in',
      'controls.zoomOut.ariaLabel': 'Zoom out',
      'controls.fitView.ariaLabel': 'Fit the whole diagram',
      'controls.interactive.ariaLabel': 'Lock the diagram',
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
      style={{ height }}
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
        zoomOnScroll={!printed}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        zoomOnDoubleClick={false}
        fitView
        fitViewOptions={fitAllOptions}
        minZoom={printed ? 0.1 : 0.25}
        maxZoom={2.5}
        ariaLabelConfig={ariaLabelConfig}
        proOptions={{ hideAttribution: true }}
      >
        <ViewportPortal>
          <PathwayMarkers />
        </ViewportPortal>
        {!printed && (
          <Controls
            showInteractive={false}
            position="bottom-right"
            fitViewOptions={fitAllOptions}
          />
        )}
      </ReactFlow>
    </div>
  );
}

/**
 * Our diagrams are wide and short (laid out left to right); the canvas takes the height the
 * drawing needs at the available width, within bounds, so the panel below stays in view. On
 * paper there is no panel: the canvas is as tall as the drawing at its zoom.
 */
function useDiagramHeight(
  drawing: { width: number; height: number },
  minZoom: number,
  printed: boolean,
) {
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
  const fitsWidth = (width - 2 * fitPadding) / drawing.width;
  const fitsPage = printed ? (printedMaxHeight - 2 * fitPadding) / drawing.height : Infinity;
  const scale = width > 0 ? Math.min(maxFitZoom, fitsPage, Math.max(minZoom, fitsWidth)) : 1;
  const needed = drawing.height * scale + 2 * fitPadding;
  const height = Math.round(printed ? needed : Math.min(640, Math.max(240, needed + 24)));
  return { ref, width, height };
}

/**
 * Shows the drawing at the largest zoom that fits (at most 125 %), but never below 70 %; a drawing
 * still too wide starts at its left edge, where every cascade begins. Runs again whenever the
 * drawing or the canvas size changes.
 */
function useFitDrawing(
  drawing: { width: number; height: number },
  width: number,
  height: number,
  minZoom: number,
) {
  const { setViewport } = useReactFlow();
  useEffect(() => {
    if (width === 0) return;
    const fits = Math.min(
      (width - 2 * fitPadding) / drawing.width,
      (height - 2 * fitPadding) / drawing.height,
    );
    const zoom = Math.min(maxFitZoom, Math.max(minZoom, fits));
    const drawnWidth = drawing.width * zoom;
    const x = drawnWidth <= width ? (width - drawnWidth) / 2 : fitPadding;
    const y = Math.max(fitPadding, (height - drawing.height * zoom) / 2);
    void setViewport({ x, y, zoom }, { duration: 0 });
  }, [drawing, width, height, minZoom, setViewport]);
}
