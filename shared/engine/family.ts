import { relationDef, type RelationId } from '../pack/relations.ts';
import { equivalents, type PackIndex } from './pack-index.ts';

/**
 * Which entities are one family (an isoform and the molecule it is an isoform of) and which are
 * neighbours a learner would weigh against each other.
 */

const related = new WeakMap<PackIndex, Map<string, ReadonlySet<string>>>();

/** "is an isoform of", "is the most abundant isoform of": ties an isoform to its molecule. */
const isMembership = (relation: RelationId): boolean => relationDef(relation).isoform === 'member';

/** Relations that say who belongs to a family: "is the most abundant isoform of IL-32". */
export const isFamilyRelation = (relation: RelationId): boolean =>
  relationDef(relation).isoform !== undefined;

/**
 * Entities a statement about `id` may also be read as being about: its equivalents, plus its
 * parent and sibling isoforms. Used when asking "does the pack already say this?", where reading
 * broadly is the safe side.
 */
export function relatedSubjects(index: PackIndex, id: string): ReadonlySet<string> {
  let cache = related.get(index);
  if (!cache) {
    cache = new Map();
    related.set(index, cache);
  }
  let found = cache.get(id);
  if (!found) {
    found = relatedSubjectsOf(index, id);
    cache.set(id, found);
  }
  return found;
}

function relatedSubjectsOf(index: PackIndex, id: string): Set<string> {
  const out = new Set(equivalents(index, id));
  const family = new Set<string>();
  for (const member of out) {
    for (const fact of index.evidence.bySubject.get(member) ?? []) {
      if (isMembership(fact.relation)) family.add(fact.object);
    }
    for (const fact of index.evidence.byObject.get(member) ?? []) {
      if (isMembership(fact.relation)) family.add(fact.subject);
    }
    for (const other of namedFamily(index, member)) family.add(other);
  }
  for (const member of family) for (const eq of equivalents(index, member)) out.add(eq);
  return out;
}

/** "IL-32γ" without its Greek letter: the name of the molecule it is an isoform of. */
const isoformStem = (name: string): string => name.replace(/[\p{Script=Greek}]+$/u, '');

/**
 * Isoforms and their parent by name, even with no fact between them: IL-32γ and IL-32α are
 * isoforms of IL-32 because that is what their names say.
 */
function namedFamily(index: PackIndex, id: string): string[] {
  const entity = index.entityById.get(id);
  if (!entity) return [];
  const stem = entity.type === 'isoform' ? isoformStem(entity.name) : entity.name;
  if (entity.type === 'isoform' && stem === entity.name) return [];
  return (familiesByStem(index).get(stem) ?? []).filter((other) => other !== id);
}

const stems = new WeakMap<PackIndex, ReadonlyMap<string, readonly string[]>>();

/** Every entity under the stem its name gives it (an isoform's parent name, else its own). */
function familiesByStem(index: PackIndex): ReadonlyMap<string, readonly string[]> {
  let found = stems.get(index);
  if (!found) {
    const byStem = new Map<string, string[]>();
    for (const e of index.entityById.values()) {
      const stem = e.type === 'isoform' ? isoformStem(e.name) : e.name;
      if (e.type === 'isoform' && stem === e.name) continue;
      const members = byStem.get(stem);
      if (members) members.push(e.id);
      else byStem.set(stem, [e.id]);
    }
    found = byStem;
    stems.set(index, found);
  }
  return found;
}

const overlap = (a: readonly string[] | undefined, b: readonly string[] | undefined): boolean =>
  (a ?? []).some((x) => (b ?? []).includes(x));

/**
 * Whether two entities are neighbours a learner would weigh against each other: drawn on a common
 * pathway, reported by a common study, or taught in a common topic. A distractor that is none of
 * these to the answer is guessable by elimination.
 */
export function areNeighbours(index: PackIndex, a: string, b: string): boolean {
  return (
    areSiblingIsoforms(index, a, b) ||
    overlap(index.pathwaysByEntity.get(a), index.pathwaysByEntity.get(b)) ||
    overlap(index.referencesByEntity.get(a), index.referencesByEntity.get(b)) ||
    overlap(index.topicsByEntity.get(a), index.topicsByEntity.get(b))
  );
}

/** "IL-32δ" and "IL-32α": isoforms named from one parent are one family even with no fact between them. */
export function areSiblingIsoforms(index: PackIndex, a: string, b: string): boolean {
  const x = index.entityById.get(a);
  const y = index.entityById.get(b);
  if (x?.type !== 'isoform' || y?.type !== 'isoform') return false;
  return isoformStem(x.name) === isoformStem(y.name) && isoformStem(x.name) !== x.name;
}

/**
 * Whether `isoform` is an isoform of `gene` as a fact says ("IL-32γ is an isoform of IL-32"):
 * a finding about the isoform is then a finding about its gene, never the other way round.
 */
export function isIsoformOf(index: PackIndex, isoform: string, gene: string): boolean {
  return (index.evidence.bySubject.get(isoform) ?? []).some(
    (f) => isMembership(f.relation) && equivalents(index, gene).has(f.object),
  );
}
