import type { Edge, Node } from '@xyflow/react';
import { flowBoxes } from '../../../../../shared/pack/layout.ts';
import type { EdgeSign } from '../../../../../shared/pack/schema.ts';
import type { DiagramModel } from '../model/diagram.ts';
import { edgeAriaLabel, edgeGlyph, nodeAriaLabel, type NodeLevel } from '../model/notation.ts';
import { edgeLines } from '../../../../../shared/diagram/figure.ts';
import type { Point } from '../model/geometry.ts';
import type { DiagramDecor, EdgeState, NodeDecor } from './decor.ts';

export interface EntityNodeData extends Record<string, unknown> {
  readonly name: string;
  readonly phenotype: boolean;
  readonly level?: NodeLevel;
  readonly decor: NodeDecor;
  readonly connectable: boolean;
}
export interface CompartmentNodeData extends Record<string, unknown> {
  readonly name: string;
}
export interface SbgnEdgeData extends Record<string, unknown> {
  readonly sign: EdgeSign;
  readonly inferred: boolean;
  readonly state: EdgeState;
  /** Shift of the start and end from the handle's centre, so links meeting at a node spread out. */
  readonly sourceOffset: number;
  readonly targetOffset: number;
  /** Where along the line (0–1) the ↑/↓/= cue sits, clear of node boxes. */
  readonly cueAt: number;
  /** The route laid out with the pack, around the nodes in between; else a curve is drawn. */
  readonly route?: readonly Point[];
}

export type EntityFlowNode = Node<EntityNodeData, 'entity'>;
export type CompartmentFlowNode = Node<CompartmentNodeData, 'compartment'>;
export type FlowNode = EntityFlowNode | CompartmentFlowNode;
export type FlowEdge = Edge<SbgnEdgeData, 'sbgn'>;

/** React Flow nodes at exactly the layout's positions and sizes, groups before their children. */
export function toFlowNodes(
  model: DiagramModel,
  decor: DiagramDecor,
  selectedId: string | undefined,
  connectable: boolean,
): FlowNode[] {
  const byId = new Map(model.nodes.map((node) => [node.id, node]));
  const flow: FlowNode[] = [];
  for (const box of flowBoxes(model.layout)) {
    const common = {
      id: box.id,
      position: box.position,
      width: box.width,
      height: box.height,
      draggable: false,
    };
    if (box.kind === 'group') {
      flow.push({
        ...common,
        type: 'compartment',
        data: { name: model.index.entities.get(box.ref)?.name ?? box.ref },
        selectable: false,
        focusable: false,
        domAttributes: { 'aria-hidden': true },
      });
      continue;
    }
    const node = byId.get(box.ref);
    if (!node) continue;
    const nodeDecor = decor.nodes?.[node.id] ?? {};
    const name = nodeDecor.masked ?? node.name;
    flow.push({
      ...common,
      type: 'entity',
      ...(box.parentId ? { parentId: box.parentId } : {}),
      selected: selectedId === node.id,
      ariaRole: 'button',
      ariaLabel: nodeAriaLabel(
        { name, compartment: node.compartmentName, ...(node.level ? { level: node.level } : {}) },
        [nodeDecor.badge?.words, nodeDecor.ariaExtra].filter(Boolean).join(', ') || undefined,
      ),
      data: {
        name,
        phenotype: node.phenotype,
        ...(node.level ? { level: node.level } : {}),
        decor: nodeDecor,
        connectable,
      },
    });
  }
  return flow;
}

interface DrawnEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly sign: EdgeSign;
  readonly inferred: boolean;
  readonly state: EdgeState;
  readonly ariaLabel: string;
  readonly route?: readonly Point[];
}

export function toFlowEdges(
  model: DiagramModel,
  decor: DiagramDecor,
  selectedId: string | undefined,
): FlowEdge[] {
  const masked = (nodeId: string, name: string) => decor.nodes?.[nodeId]?.masked ?? name;
  const drawn: DrawnEdge[] = [];
  if (!decor.hideEdges) {
    for (const edge of model.edges) {
      const edgeDecor = decor.edges?.[edge.id] ?? {};
      if (edgeDecor.hidden) continue;
      const route = model.layout.edges[edge.id];
      drawn.push({
        ...(route ? { route: route.map(([x, y]) => ({ x, y })) } : {}),
        id: edge.id,
        from: edge.from,
        to: edge.to,
        sign: edge.sign,
        inferred: edge.inferred,
        state: edgeDecor.state ?? 'normal',
        ariaLabel: edgeAriaLabel(
          {
            from: masked(edge.from, edge.fromName),
            to: masked(edge.to, edge.toName),
            sign: edge.sign,
            inferred: edge.inferred,
          },
          edgeDecor.ariaExtra,
        ),
      });
    }
  }
  for (const extra of decor.extraEdges ?? []) drawn.push({ ...extra, inferred: false });

  // An edge with a cue badge (a sign cue or a perturbation mark) makes later cues keep clear of it.
  const lines = edgeLines(
    model.layout,
    drawn.map((edge) => ({
      ...edge,
      marked: edgeGlyph(edge.sign).cue !== undefined || edge.state !== 'normal',
    })),
  );
  return drawn.map((edge) => {
    const { sourceOffset, targetOffset, cueAt } = lines.get(edge.id) ?? {
      sourceOffset: 0,
      targetOffset: 0,
      cueAt: 0.5,
    };
    return {
      id: edge.id,
      source: edge.from,
      target: edge.to,
      type: 'sbgn',
      selected: selectedId === edge.id,
      ariaLabel: edge.ariaLabel,
      data: {
        sign: edge.sign,
        inferred: edge.inferred,
        state: edge.state,
        sourceOffset,
        targetOffset,
        cueAt,
        ...(edge.route ? { route: edge.route } : {}),
      },
    };
  });
}
