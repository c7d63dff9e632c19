import type { PublicQuizItem } from '../../shared/contract/quiz.ts';
import type { DiagramEdgeItem, DiagramNodeItem, QuizItem } from '../../shared/engine/types.ts';
import type { Pathway } from '../../shared/pack/schema.ts';

/**
 * What the renderer may know of an item before it is answered: the prompt, the options without
 * their keys, and for diagram items the drawn fragment with the asked part masked and the caption
 * the engine redacted. Nothing here may name the answer (a unit test checks every item).
 */
export function publicQuizItem(
  item: QuizItem,
  id: string,
  pathways: ReadonlyMap<string, Pathway>,
  entityNames: ReadonlyMap<string, string>,
): PublicQuizItem {
  const base = {
    id,
    kind: item.kind,
    prompt: item.prompt,
    difficulty: item.difficulty,
    topic: item.topic,
    pathwayId: item.pathwayId ?? null,
    highYield: item.highYield,
    options: null,
    matching: null,
    steps: null,
    diagram: null,
  };
  const label = (node: Pathway['nodes'][number]): string =>
    node.label ?? entityNames.get(node.entity) ?? node.entity;
  switch (item.kind) {
    case 'mcq':
    case 'perturbation':
    case 'context':
    case 'which-study':
      return { ...base, options: item.options.map(({ id, text }) => ({ id, text })) };
    case 'diagram-node':
      return {
        ...base,
        options: item.options.map(({ id, text }) => ({ id, text })),
        diagram: nodeDiagram(item, pathways.get(item.pathwayId), label),
      };
    case 'diagram-edge':
      return {
        ...base,
        options: item.options.map(({ id, text }) => ({ id, text })),
        diagram: edgeDiagram(item, pathways.get(item.pathwayId), label),
      };
    case 'matching':
      return {
        ...base,
        matching: {
          left: item.left.map(({ id, text }) => ({ id, text })),
          right: item.right.map(({ id, text }) => ({ id, text })),
        },
      };
    case 'ordering':
      return { ...base, steps: item.steps.map(({ id, text }) => ({ id, text })) };
    case 'true-false':
    case 'cloze':
      return base;
  }
}

type Label = (node: Pathway['nodes'][number]) => string;

/** The hidden node's neighbourhood; the hidden node is renamed so its id gives nothing away. */
function nodeDiagram(
  item: DiagramNodeItem,
  pathway: Pathway | undefined,
  label: Label,
): PublicQuizItem['diagram'] {
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
        label: node.id === item.hiddenNodeId ? null : label(node),
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

/** The edge's two ends, with its sign masked. */
function edgeDiagram(
  item: DiagramEdgeItem,
  pathway: Pathway | undefined,
  label: Label,
): PublicQuizItem['diagram'] {
  const edge = pathway?.edges.find((e) => e.id === item.hiddenEdgeId);
  if (!pathway || !edge) return null;
  const ends = new Set([edge.from, edge.to]);
  return {
    pathwayId: pathway.id,
    caption: item.caption,
    nodes: pathway.nodes
      .filter((node) => ends.has(node.id))
      .map((node) => ({ id: node.id, label: label(node) })),
    edges: [{ id: edge.id, from: edge.from, to: edge.to, sign: null, inferred: edge.inferred }],
  };
}
