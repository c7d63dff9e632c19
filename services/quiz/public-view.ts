import type { PublicQuizItem } from '../../shared/contract/quiz.ts';
import { kinds } from '../../shared/engine/kinds/index.ts';
import type { QuizItem } from '../../shared/engine/types.ts';
import type { Pathway } from '../../shared/pack/schema.ts';

/**
 * What the renderer may know of an item before it is answered: the prompt, how it is answered,
 * the options without their keys, and for diagram items the drawn fragment with the asked part
 * masked and the caption the engine redacted (each kind says what: kinds/<kind>/index.ts).
 * Nothing here may name the answer (a unit test checks every item).
 */
export function publicQuizItem(
  item: QuizItem,
  id: string,
  pathways: ReadonlyMap<string, Pathway>,
  entityNames: ReadonlyMap<string, string>,
): PublicQuizItem {
  const def = kinds[item.kind];
  const nodeLabel = (node: Pathway['nodes'][number]): string =>
    node.label ?? entityNames.get(node.entity) ?? node.entity;
  return {
    id,
    kind: item.kind,
    response: def.response,
    prompt: item.prompt,
    difficulty: item.difficulty,
    topic: item.topic,
    pathwayId: item.pathwayId ?? null,
    highYield: item.highYield,
    options: null,
    matching: null,
    steps: null,
    diagram: null,
    ...def.publicParts(item, { pathways, nodeLabel }),
  };
}
