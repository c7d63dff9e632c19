import { checkDiagramEdge as verifyDiagramEdge } from '../../../verify/pathway-keys.ts';
import { choiceParts } from '../../items/choice-kind.ts';
import type { DiagramEdgeItem } from '../../types.ts';
import type { KindDef, PublicParts, PublicViewContext } from '../kind-def.ts';
import { checkDiagramEdge } from './check.ts';
import { diagramEdgeItems } from './generate.ts';

/** The edge's two ends, with its sign masked. */
function edgeDiagram(item: DiagramEdgeItem, view: PublicViewContext): PublicParts['diagram'] {
  const pathway = view.pathways.get(item.pathwayId);
  const edge = pathway?.edges.find((e) => e.id === item.hiddenEdgeId);
  if (!pathway || !edge) return null;
  const ends = new Set([edge.from, edge.to]);
  return {
    pathwayId: pathway.id,
    caption: item.caption,
    nodes: pathway.nodes
      .filter((node) => ends.has(node.id))
      .map((node) => ({ id: node.id, label: view.nodeLabel(node) })),
    edges: [{ id: edge.id, from: edge.from, to: edge.to, sign: null, inferred: edge.inferred }],
  };
}

/** A pathway edge with its sign hidden: choose the sign. */
export const diagramEdgeKind = {
  kind: 'diagram-edge',
  label: 'Edge sign',
  description: 'Does one node raise or lower the next?',
  // After perturbations, to ask the links their key caps leave out.
  selectionStage: 1,
  framed: true,
  asksContested: false,
  ...choiceParts,
  generate: diagramEdgeItems,
  check: checkDiagramEdge,
  verifyKey: verifyDiagramEdge,
  publicParts: (item, view) => ({
    ...choiceParts.publicParts(item),
    diagram: edgeDiagram(item, view),
  }),
} satisfies KindDef<'diagram-edge'>;
