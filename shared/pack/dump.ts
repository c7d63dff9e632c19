import { nodeLabel } from './layout.ts';
import type { Pack } from './schema.ts';

/**
 * The content dump (`npm run -s content:dump`): the pack as a reviewer reads it, plus the cards
 * and quiz items generated from it. Field order is fixed here, so the output is byte-stable.
 */

export interface GeneratedBank {
  readonly cards: readonly unknown[];
  readonly quiz: readonly unknown[];
}

export function contentDump(pack: Pack, bank: GeneratedBank) {
  const entities = new Map(pack.entities.map((entity) => [entity.id, entity]));
  return {
    pack: { id: pack.manifest.id, version: pack.manifest.version, title: pack.manifest.title },
    entities: pack.entities.map(({ id, name, type, aliases }) => ({ id, name, type, aliases })),
    facts: pack.facts.map((fact) => ({
      id: fact.id,
      text: fact.text,
      subject: fact.subject,
      relation: fact.relation,
      object: fact.object,
      context: fact.context,
      tier: fact.tier,
      references: fact.references,
      highYield: fact.highYield,
    })),
    pathways: pack.pathways.map((pathway) => ({
      id: pathway.id,
      title: pathway.title,
      nodes: pathway.nodes.map((node) => ({
        id: node.id,
        entity: node.entity,
        label: nodeLabel(node, entities),
        compartment: node.compartment,
        context: node.contexts,
      })),
      edges: pathway.edges.map((edge) => ({
        id: edge.id,
        from: edge.from,
        to: edge.to,
        sign: edge.sign,
        factIds: edge.factIds,
        inferred: edge.inferred,
      })),
    })),
    cards: bank.cards,
    quiz: bank.quiz,
  };
}
