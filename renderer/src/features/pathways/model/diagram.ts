import type {
  Entity,
  EdgeSign,
  Fact,
  LayoutView,
  Pack,
  PackLayout,
  Pathway,
  Reference,
  TeachingPoint,
} from '../../../../../shared/pack/schema.ts';
import { nodeLabel } from '../../../../../shared/pack/layout.ts';
import { contextView } from '../../../../../shared/pack/views.ts';
import { isPhenotype } from '../../../../../shared/diagram/figure.ts';

/**
 * One diagram as the screen draws it: a pathway in one context, with names resolved and the
 * layout view that fits it. Built once per (pack, pathway, context); every mode reads it.
 */

export interface DiagramNode {
  readonly id: string;
  readonly entityId: string;
  /** The label drawn on the diagram. */
  readonly name: string;
  readonly entity: Entity | undefined;
  readonly compartmentId: string;
  readonly compartmentName: string;
  readonly level?: 'raised' | 'lowered' | 'unchanged';
  /** Processes, measures and diseases are drawn as SBGN phenotypes (rounded), agents as boxes. */
  readonly phenotype: boolean;
}

export interface DiagramEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly fromName: string;
  readonly toName: string;
  readonly sign: EdgeSign;
  readonly inferred: boolean;
  readonly inference?: string;
  readonly factIds: readonly string[];
  readonly note?: string;
}

export interface PackIndex {
  readonly pack: Pack;
  readonly entities: ReadonlyMap<string, Entity>;
  readonly facts: ReadonlyMap<string, Fact>;
  readonly references: ReadonlyMap<string, Reference>;
  readonly inferences: ReadonlyMap<string, string>;
  readonly teachingPoints: readonly TeachingPoint[];
}

export interface DiagramModel {
  readonly pathway: Pathway;
  readonly contextId: string | undefined;
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
  readonly layout: LayoutView;
  readonly index: PackIndex;
}

export function indexPack(pack: Pack): PackIndex {
  return {
    pack,
    entities: new Map(pack.entities.map((entity) => [entity.id, entity])),
    facts: new Map(pack.facts.map((fact) => [fact.id, fact])),
    references: new Map(pack.references.map((reference) => [reference.id, reference])),
    inferences: new Map(
      pack.manifest.inferences.map((inference) => [inference.id, inference.text]),
    ),
    teachingPoints: pack.teachingPoints,
  };
}

export function buildDiagram(
  index: PackIndex,
  layout: PackLayout,
  pathway: Pathway,
  contextId: string | undefined,
): DiagramModel {
  const pathwayLayout = layout.pathways[pathway.id];
  if (!pathwayLayout) throw new Error(`The layout has no drawing of ${pathway.id}.`);
  const view = contextId ? contextView(pathway, contextId) : pathway;
  const drawing = (contextId && pathwayLayout.contexts[contextId]) || pathwayLayout.all;
  const nodes = view.nodes.map((node): DiagramNode => {
    const entity = index.entities.get(node.entity);
    return {
      id: node.id,
      entityId: node.entity,
      name: nodeLabel(node, index.entities),
      entity,
      compartmentId: node.compartment,
      compartmentName: index.entities.get(node.compartment)?.name ?? node.compartment,
      ...(node.level ? { level: node.level } : {}),
      phenotype: isPhenotype(entity),
    };
  });
  const nameOf = new Map(nodes.map((node) => [node.id, node.name]));
  const edges = view.edges.map((edge): DiagramEdge => ({
    id: edge.id,
    from: edge.from,
    to: edge.to,
    fromName: nameOf.get(edge.from) ?? edge.from,
    toName: nameOf.get(edge.to) ?? edge.to,
    sign: edge.sign,
    inferred: edge.inferred,
    ...(edge.inference ? { inference: edge.inference } : {}),
    factIds: edge.factIds,
    ...(edge.note ? { note: edge.note } : {}),
  }));
  return { pathway, contextId, nodes, edges, layout: drawing, index };
}

/** "Lee E-J et al. 2017": the short label of a reference. */
export function referenceLabel(reference: Reference): string {
  const [first = '', ...others] = reference.authors;
  const who =
    others.length > 1
      ? `${first} et al.`
      : others.length === 1
        ? `${first} and ${others[0] ?? ''}`
        : first;
  return reference.year ? `${who} ${reference.year}` : who;
}

/** Facts about an entity (as subject, co-subject or object), in pack order. */
export function factsAbout(index: PackIndex, entityId: string): Fact[] {
  return [...index.facts.values()].filter(
    (fact) =>
      fact.subject === entityId || fact.object === entityId || fact.coSubjects.includes(entityId),
  );
}

export function teachingPointsFor(index: PackIndex, factIds: readonly string[]): TeachingPoint[] {
  const wanted = new Set(factIds);
  return index.teachingPoints.filter((point) => point.factIds.some((id) => wanted.has(id)));
}

/** A pathway's name in a list (one home: shared/diagram/figure.ts, which the exports use too). */
export { pathwayTitle } from '../../../../../shared/diagram/figure.ts';
