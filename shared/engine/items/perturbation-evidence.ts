import { interventionOf, lowersSubject } from '../../pack/modifiers.ts';
import type { Fact, Pack } from '../../pack/schema.ts';
import type { PathwayView } from '../graph.ts';
import { relationDef, type RelationId } from '../../pack/relations.ts';
import { equivalents, isEntityObject, type PackIndex } from '../pack-index.ts';
import { oncePerPack, perPack } from '../per-pack.ts';
import { perturbationOf } from '../semantics.ts';
import type { NodeEffect, PerturbationChange, Route } from '../types.ts';
import type { GenContext } from './common.ts';
import { edgeIsSolid } from './pathway-common.ts';

/**
 * What a perturbation key must respect beyond the drawn routes: the pack's facts and its
 * textbook background. A prediction is kept only when no fact says the opposite and no isoform
 * of the perturbed node pulls the target the other way; "no change" is kept only where a fact
 * reports no difference after that very intervention.
 */

/** The pack's facts and its textbook background layer (empty when the pack has none). */
export function evidenceFacts(pack: Pack): readonly Fact[] {
  const background = (pack as { readonly background?: readonly Fact[] }).background ?? [];
  return [...pack.facts, ...background];
}

/** "IL-32γ" → "IL-32": an isoform named as its parent plus a Greek letter. */
const parentName = (name: string): string => name.replace(/\s*[\p{Script=Greek}]+$/u, '');

const families = perPack(buildFamilies);

/**
 * An entity's molecular family: itself, its equivalents, its parent and its sibling isoforms
 * (from isoform facts of the pack or its background, or from the naming "IL-32γ" of "IL-32").
 * Blocking IL-32 blocks IL-32γ; asking what blocking IL-32γ does to IL-32 is no fair question.
 */
export function familyOf(index: PackIndex, id: string): ReadonlySet<string> {
  return families(index).get(id) ?? equivalents(index, id);
}

function buildFamilies(index: PackIndex): Map<string, ReadonlySet<string>> {
  const parent = new Map<string, string>();
  const byName = new Map([...index.entityById.values()].map((e) => [e.name, e.id]));
  for (const entity of index.entityById.values()) {
    const stem = parentName(entity.name);
    const named = stem !== entity.name ? byName.get(stem) : undefined;
    if (named !== undefined) parent.set(entity.id, named);
  }
  for (const fact of evidenceFacts(index.pack)) {
    if (relationDef(fact.relation).isoform === 'member' && index.entityById.has(fact.object)) {
      parent.set(fact.subject, fact.object);
    }
  }
  const root = (id: string): string => {
    let current = id;
    for (let hops = 0; hops < 8 && parent.has(current); hops++)
      current = parent.get(current) ?? current;
    return current;
  };
  const members = new Map<string, Set<string>>();
  for (const id of index.entityById.keys()) {
    const r = root(id);
    (members.get(r) ?? members.set(r, new Set()).get(r))?.add(id);
  }
  const out = new Map<string, ReadonlySet<string>>();
  for (const id of index.entityById.keys()) {
    const family = new Set(members.get(root(id)) ?? [id]);
    for (const member of [...family]) for (const eq of equivalents(index, member)) family.add(eq);
    out.set(id, family);
  }
  return out;
}

const noEffectRelations = new Set<RelationId>(['no-difference-in', 'does-not-induce']);

/**
 * The sign a fact gives "raise the subject → the object": +1, −1, 0 for "no difference" or
 * "does not induce", null when the relation carries no direction. A lowered or blocked subject
 * turns the sign round ("lowered IL-32γ increases DKK-1" is −1).
 */
export function factSign(fact: Fact): 1 | -1 | 0 | null {
  if (noEffectRelations.has(fact.relation)) return 0;
  const polarity = relationDef(fact.relation).polarity;
  if (polarity === 'none') return null;
  const sign = polarity === 'increases' ? 1 : -1;
  return lowersSubject(fact.subjectModifier) ? (-sign as 1 | -1) : sign;
}

/** Evidence facts by "subject\0object" (each co-subject counts as a subject). */
const factsByPair = perPack((index): ReadonlyMap<string, readonly Fact[]> => {
  const byPair = new Map<string, Fact[]>();
  for (const fact of evidenceFacts(index.pack)) {
    if (!isEntityObject(fact)) continue;
    for (const subject of new Set([fact.subject, ...fact.coSubjects])) {
      const key = `${subject}\u0000${fact.object}`;
      (byPair.get(key) ?? byPair.set(key, []).get(key))?.push(fact);
    }
  }
  return byPair;
});

/** Asked for each source and target of every prediction, over both changes and every panel. */
const factsLinking = oncePerPack(
  (source: string, target: string) => `${source}\u0000${target}`,
  (index, source: string, target: string): readonly Fact[] => {
    const byPair = factsByPair(index);
    const found = new Set<Fact>();
    for (const s of familyOf(index, source)) {
      for (const o of familyOf(index, target)) {
        for (const fact of byPair.get(`${s}\u0000${o}`) ?? []) found.add(fact);
      }
    }
    return [...found];
  },
);

/**
 * Facts (pack or background) that deny "raising the source moves the target by `sign`": an
 * opposite sign, or a report of no effect.
 */
export function contradictingFacts(
  index: PackIndex,
  source: string,
  target: string,
  sign: 1 | -1,
): Fact[] {
  return factsLinking(index, source, target).filter((f) => {
    const s = factSign(f);
    return s === 0 || s === -sign;
  });
}

/**
 * Uncontested facts that report no difference in the target after this very intervention on the
 * source (a knockout, a blocking antibody, an overexpression): the only ground for a "does not
 * change" key. An association ("levels do not differ between patients") is not one.
 */
export function noEffectFacts(
  index: PackIndex,
  source: string,
  target: string,
  change: PerturbationChange,
): Fact[] {
  const subjects = equivalents(index, source);
  const objects = equivalents(index, target);
  const byPair = factsByPair(index);
  return [...subjects]
    .flatMap((s) => [...objects].flatMap((o) => byPair.get(`${s}\u0000${o}`) ?? []))
    .filter(
      (f) =>
        f.contested === undefined &&
        factSign(f) === 0 &&
        subjects.has(f.subject) &&
        interventionOf(f.subjectModifier) === change,
    );
}

/** Every route of the answer rests on uncontested, stated (not inferred) edges. */
function routesAreSolid(index: PackIndex, view: PathwayView, routes: readonly Route[]): boolean {
  return routes.every(
    (r) =>
      r.edgeIds.every((id) => {
        const edge = view.edgeById.get(id);
        return edge !== undefined && edgeIsSolid(index, view.pathway, edge);
      }) && !mixesSpecies(index, view, r),
  );
}

/**
 * A route that chains a step seen only in human cells to one seen only in mice ("TNF-α raises
 * IL-32 in human cells → IL-32β worsens arthritis in mice", which have no IL-32 gene) teaches a
 * mechanism no one observed (audit K's wrong explanation).
 */
function mixesSpecies(index: PackIndex, view: PathwayView, route: Route): boolean {
  const seen = new Set<string>();
  for (const id of route.edgeIds) {
    const edge = view.edgeById.get(id);
    const species = new Set(
      (edge?.factIds ?? []).map((factId) => {
        const names = index.factById.get(factId)?.context.species ?? [];
        return names.length === 1 ? names[0] : undefined;
      }),
    );
    // A step seen in one species only; findings in several species or none join either.
    if (species.size === 1) for (const one of species) if (one !== undefined) seen.add(one);
  }
  return seen.size > 1;
}

/**
 * Blocking a node says something only if its first link was shown by more than adding or
 * overexpressing the source: a transgene or transferred cells (human IL-32β in mice, which have no
 * IL-32 gene) show what raising it does, not what taking it away does.
 */
function blockable(index: PackIndex, view: PathwayView, routes: readonly Route[]): boolean {
  return routes.every((r) => {
    const first = view.edgeById.get(r.edgeIds[0] ?? '');
    const facts = (first?.factIds ?? [])
      .map((id) => index.factById.get(id))
      .filter((f): f is Fact => f !== undefined && f.contested === undefined);
    return facts.length === 0 || facts.some((f) => interventionOf(f.subjectModifier) !== 'raised');
  });
}

/**
 * Whether a predicted rise or fall may be a key: one direction only, on stated edges, not denied
 * by a fact or background fact, and not reversed by an isoform of the source drawn as its own
 * node (blocking IL-32 blocks IL-32γ too).
 */
export function trustedDirection(
  ctx: GenContext,
  view: PathwayView,
  source: string,
  change: PerturbationChange,
  target: NodeEffect,
): boolean {
  const { index } = ctx;
  if (target.effect !== 'up' && target.effect !== 'down') return false;
  if (target.dependsOnInference || target.factIds.length === 0) return false;
  if (!routesAreSolid(index, view, target.routes)) return false;
  if (change === 'blocked' && !blockable(index, view, target.routes)) return false;
  const sourceEntity = view.nodeById.get(source)?.entity;
  if (sourceEntity === undefined) return false;
  const family = familyOf(index, sourceEntity);
  if (family.has(target.entityId)) return false;
  const sign = (target.effect === 'up' ? 1 : -1) * (change === 'raised' ? 1 : -1);
  if (contradictingFacts(index, sourceEntity, target.entityId, sign as 1 | -1).length > 0) {
    return false;
  }
  return view.nodes.every((node) => {
    if (node.id === source || node.id === target.nodeId || !family.has(node.entity)) return true;
    const coupled = perturbationOf(index, view.pathway, node.id, change, view.context).effects.find(
      (e) => e.nodeId === target.nodeId,
    );
    return !coupled || coupled.effect === 'unchanged' || coupled.effect === target.effect;
  });
}
