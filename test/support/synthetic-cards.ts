import type { StudyCard } from '../../shared/engine/types.ts';
import type { Pack } from '../../shared/pack/schema.ts';

/**
 * TEST-ONLY: synthetic study cards and a minimal pack, standing in for the generators' output so
 * scheduling and storage can be tested before (and independently of) the real content.
 */

export interface SyntheticOptions {
  /** Distinct facts; card i tests fact i mod facts (and, every third card, the next one too). */
  readonly facts?: number;
  readonly topics?: readonly string[];
}

export function factId(index: number): string {
  return `F${String(index + 1).padStart(3, '0')}`;
}

export function syntheticCards(count: number, options: SyntheticOptions = {}): StudyCard[] {
  const facts = options.facts ?? Math.max(1, Math.ceil(count / 2));
  const topics = options.topics ?? ['topic-a', 'topic-b', 'topic-c'];
  return Array.from({ length: count }, (_, index): StudyCard => {
    const fact = index % facts;
    const factIds = index % 3 === 2 ? [factId(fact), factId((fact + 1) % facts)] : [factId(fact)];
    return {
      id: `synthetic:${String(index).padStart(6, '0')}`,
      kind: index % 2 === 0 ? 'entity-definition' : 'fact-cloze',
      front: `Synthetic question ${index}`,
      back: `Synthetic answer ${index}`,
      factIds,
      entityIds: [`entity-${fact % 7}`],
      topic: topics[index % topics.length] ?? 'topic-a',
      pathwayIds: [],
      citations: [],
      highYield: index % 5 === 0,
      // Reverse order, so teaching order visibly differs from id order.
      teachingRank: count - index,
    };
  });
}

/** A minimal pack with one pathway whose edges carry the first facts; enough for node mastery. */
export function syntheticPack(topics: readonly string[] = ['topic-a', 'topic-b', 'topic-c']): Pack {
  return {
    background: [],
    manifest: {
      id: 'synthetic',
      title: 'Synthetic pack',
      version: '1.0.0',
      formatVersion: 2,
      description: 'Test only.',
      citation: {
        authors: ['Test'],
        title: 'Test',
        journal: 'Test',
        year: 2017,
        volume: '1',
        issue: '1',
        pages: '1-2',
        doi: '10.0000/test',
      },
      reviewReference: 'R1',
      licence: 'test',
      attribution: 'test',
      topics: topics.map((id) => ({ id, title: `Title of ${id}`, description: 'test' })),
      inferences: [],
      limitations: [],
      sections: [],
    },
    entities: [],
    facts: [],
    references: [],
    teachingPoints: [],
    pathways: [
      {
        id: 'D1',
        title: 'Synthetic cascade',
        summary: 'test',
        tier: 'review',
        references: ['R1'],
        contexts: [],
        annotations: [],
        nodes: ['a', 'b', 'c', 'd'].map((id) => ({
          id,
          entity: `entity-${id}`,
          compartment: 'compartment',
          contexts: [],
        })),
        edges: [
          {
            id: 'a-b',
            from: 'a',
            to: 'b',
            sign: 'stimulates',
            factIds: [factId(0)],
            inferred: false,
            contexts: [],
          },
          {
            id: 'b-c',
            from: 'b',
            to: 'c',
            sign: 'stimulates',
            factIds: [factId(1), factId(2)],
            inferred: false,
            contexts: [],
          },
          {
            id: 'c-d',
            from: 'c',
            to: 'd',
            sign: 'inhibits',
            factIds: [],
            inferred: true,
            contexts: [],
          },
        ],
      },
    ],
  };
}
