import { effectivePolarity, isNegation, relationFamily } from './claims.ts';
import { isEntityObject, type PackIndex } from './pack-index.ts';

/** A fact or background fact read as a signed causal link between two entities. */
interface CausalLink {
  readonly id: string;
  readonly object: string;
  readonly sign: 1 | -1;
}

interface CausalLinksFrom {
  /** In the order of the evidence. */
  readonly all: readonly CausalLink[];
  readonly byObject: ReadonlyMap<string, readonly CausalLink[]>;
}

const causalLinkIndexes = new WeakMap<PackIndex, ReadonlyMap<string, CausalLinksFrom>>();

/** Every signed causal link of the evidence, by its subject: chains are searched over these. */
export function causalLinks(index: PackIndex): ReadonlyMap<string, CausalLinksFrom> {
  let bySubject = causalLinkIndexes.get(index);
  if (bySubject) return bySubject;
  const out = new Map<string, { all: CausalLink[]; byObject: Map<string, CausalLink[]> }>();
  for (const [subject, facts] of index.evidence.bySubject) {
    for (const fact of facts) {
      if (!isEntityObject(fact) || relationFamily(fact.relation) !== 'causal') continue;
      if (isNegation(fact.relation)) continue;
      const sign = effectivePolarity(fact.relation, fact.subjectModifier);
      if (sign === 0) continue;
      const link: CausalLink = { id: fact.id, object: fact.object, sign };
      let from = out.get(subject);
      if (!from) {
        from = { all: [], byObject: new Map() };
        out.set(subject, from);
      }
      from.all.push(link);
      const toObject = from.byObject.get(fact.object);
      if (toObject) toObject.push(link);
      else from.byObject.set(fact.object, [link]);
    }
  }
  bySubject = out;
  causalLinkIndexes.set(index, bySubject);
  return bySubject;
}
