import { entityTypes, referenceKinds, tiers, type Pack } from './schema.ts';

/**
 * Counts over a pack, for `pack:stats`, `pack.list` and anyone judging coverage. The first keys
 * are the ones the issue fixed; the rest follow.
 */
export interface PackStats {
  readonly entities: number;
  readonly facts: number;
  /** Facts and background facts together, by tier. */
  readonly factsByTier: Record<string, number>;
  readonly pathways: number;
  readonly edges: number;
  readonly references: number;
  readonly teachingPoints: number;
  /** Textbook background facts (background.json), counted apart from the review's facts. */
  readonly backgroundFacts: number;
  readonly highYield: number;
  readonly contested: number;
  readonly inferredEdges: number;
  readonly nodes: number;
  readonly pathwayContexts: number;
  readonly topics: number;
  readonly inferences: number;
  readonly entitiesByType: Record<string, number>;
  readonly factsByTopic: Record<string, number>;
  readonly referencesByKind: Record<string, number>;
  /** Facts no edge, annotation or teaching point uses: candidates for a pathway or a lesson. */
  readonly factsOutsidePathways: number;
  readonly layout: boolean;
}

export function packCounts(
  pack: Pack,
): Pick<PackStats, 'entities' | 'facts' | 'pathways' | 'edges' | 'references' | 'teachingPoints'> {
  return {
    entities: pack.entities.length,
    facts: pack.facts.length,
    pathways: pack.pathways.length,
    edges: pack.pathways.reduce((sum, pathway) => sum + pathway.edges.length, 0),
    references: pack.references.length,
    teachingPoints: pack.teachingPoints.length,
  };
}

export function packStats(pack: Pack): PackStats {
  const counts = packCounts(pack);
  const edges = pack.pathways.flatMap((pathway) => pathway.edges);
  const inPathways = new Set([
    ...edges.flatMap((edge) => edge.factIds),
    ...pack.pathways.flatMap((p) => p.annotations.flatMap((a) => a.factIds)),
  ]);
  return {
    entities: counts.entities,
    facts: counts.facts,
    factsByTier: tally(
      [...pack.facts, ...pack.background].map((fact) => fact.tier),
      tiers,
    ),
    pathways: counts.pathways,
    edges: counts.edges,
    references: counts.references,
    teachingPoints: counts.teachingPoints,
    backgroundFacts: pack.background.length,
    highYield: pack.facts.filter((fact) => fact.highYield).length,
    contested: pack.facts.filter((fact) => fact.contested).length,
    inferredEdges: edges.filter((edge) => edge.inferred).length,
    nodes: pack.pathways.reduce((sum, pathway) => sum + pathway.nodes.length, 0),
    pathwayContexts: pack.pathways.reduce((sum, pathway) => sum + pathway.contexts.length, 0),
    topics: pack.manifest.topics.length,
    inferences: pack.manifest.inferences.length,
    entitiesByType: withoutZeros(
      tally(
        pack.entities.map((entity) => entity.type),
        entityTypes,
      ),
    ),
    factsByTopic: tally(
      pack.facts.map((fact) => fact.topic),
      pack.manifest.topics.map((topic) => topic.id),
    ),
    referencesByKind: withoutZeros(
      tally(
        pack.references.map((reference) => reference.kind),
        referenceKinds,
      ),
    ),
    factsOutsidePathways: pack.facts.filter(
      (fact) =>
        !inPathways.has(fact.id) &&
        !pack.teachingPoints.some((point) => point.factIds.includes(fact.id)),
    ).length,
    layout: pack.layout !== undefined,
  };
}

/** Counts per key, keys in the given order (every key present, zero or not). */
function tally(values: readonly string[], order: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of order) counts[key] = 0;
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

function withoutZeros(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0));
}
