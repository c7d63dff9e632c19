import { checkChoice } from '../../../verify/statement-keys.ts';
import type { Pathway } from '../../../pack/schema.ts';
import { choiceParts } from '../../items/choice-kind.ts';
import type { DiagramNodeItem } from '../../types.ts';
import type { KindDef, PublicParts, PublicViewContext } from '../kind-def.ts';
import { checkDiagramNode } from './check.ts';
import { diagramNodeItems } from './generate.ts';

/** The hidden node's neighbourhood; the hidden node is renamed so its id gives nothing away. */
function nodeDiagram(item: DiagramNodeItem, view: PublicViewContext): PublicParts['diagram'] {
  const pathway: Pathway | undefined = view.pathways.get(item.pathwayId);
  if (!pathway) return null;
  const visible = new Set(item.visibleNodeIds);
  const rename = (nodeId: string) => (nodeId === item.hiddenNodeId ? 'hidden' : nodeId);
  return {
    pathwayId: pathway.id,
    caption: item.caption,
    nodes: pathway.nodes
      .filter((node) => visible.has(node.id))
      .map((node) => ({
        id: rename(node.id),
        label: node.id === item.hiddenNodeId ? null : view.nodeLabel(node),
      })),
    edges: pathway.edges
      .filter((edge) => visible.has(edge.from) && visible.has(edge.to))
      .map((edge) => ({
        id: edge.id,
        from: rename(edge.from),
        to: rename(edge.to),
        sign: edge.sign,
        inferred: edge.inferred,
      })),
  };
}

/** A pathway neighbourhood with one node hidden: choose it. */
export const diagramNodeKind = {
  kind: 'diagram-node',
  label: 'Hidden node',
  description: 'Name the node missing from a pathway diagram.',
  selectionStage: 0,
  framed: true,
  asksContested: false,
  ...choiceParts,
  generate: diagramNodeItems,
  check: checkDiagramNode,
  verifyKey: checkChoice,
  publicParts: (item, view) => ({
    ...choiceParts.publicParts(item),
    diagram: nodeDiagram(item, view),
  }),
} satisfies KindDef<'diagram-node'>;
