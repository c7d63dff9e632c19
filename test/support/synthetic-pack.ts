import type { Fact, Pack } from '../../shared/pack/schema.ts';

/**
 * The pack repeated `copies` times with every entity, fact, pathway and teaching point renamed
 * per copy ("IL-32γ copy 2"), so the copies never merge: a pack `copies` times larger with the
 * same shape, for measuring how generation grows. Bypasses the schema's id patterns on purpose.
 */
export function replicatePack(pack: Pack, copies: number): Pack {
  const range = Array.from({ length: copies }, (_, i) => i + 1);
  const suffix = (copy: number, id: string): string => (copy === 1 ? id : `${id}-c${copy}`);
  const renamed = (copy: number, text: string): string =>
    copy === 1 ? text : `${text} copy ${copy}`;
  const entityIds = new Set(pack.entities.map((e) => e.id));
  const entity = (copy: number, id: string): string => (entityIds.has(id) ? suffix(copy, id) : id);
  const fact = (copy: number, f: Fact): Fact => ({
    ...f,
    id: suffix(copy, f.id),
    subject: entity(copy, f.subject),
    coSubjects: f.coSubjects.map((id) => entity(copy, id)),
    object: entity(copy, f.object),
    context: {
      ...f.context,
      diseases: f.context.diseases.map((id) => entity(copy, id)),
      compartments: f.context.compartments.map((id) => entity(copy, id)),
      cells: f.context.cells.map((id) => entity(copy, id)),
    },
    ...(f.contested
      ? { contested: { ...f.contested, with: f.contested.with.map((id) => suffix(copy, id)) } }
      : {}),
  });
  return {
    manifest: pack.manifest,
    references: pack.references,
    entities: range.flatMap((copy) =>
      pack.entities.map((e) => ({
        ...e,
        id: suffix(copy, e.id),
        name: renamed(copy, e.name),
        aliases: e.aliases.map((a) => renamed(copy, a)),
      })),
    ),
    facts: range.flatMap((copy) => pack.facts.map((f) => fact(copy, f))),
    background: range.flatMap((copy) => pack.background.map((f) => fact(copy, f))),
    pathways: range.flatMap((copy) =>
      pack.pathways.map((p) => ({
        ...p,
        id: suffix(copy, p.id),
        nodes: p.nodes.map((n) => ({
          ...n,
          entity: entity(copy, n.entity),
          compartment: entity(copy, n.compartment),
        })),
        edges: p.edges.map((e) => ({ ...e, factIds: e.factIds.map((id) => suffix(copy, id)) })),
        annotations: p.annotations.map((a) => ({
          ...a,
          factIds: a.factIds.map((id) => suffix(copy, id)),
        })),
      })),
    ),
    teachingPoints: range.flatMap((copy) =>
      pack.teachingPoints.map((t) => ({
        ...t,
        id: suffix(copy, t.id),
        factIds: t.factIds.map((id) => suffix(copy, id)),
        pathwayIds: t.pathwayIds.map((id) => suffix(copy, id)),
      })),
    ),
  };
}
