import type { Fact } from '../../../../shared/pack/schema.ts';
import { TierBadge } from '../../components/TierBadge.tsx';
import { referenceLabel, type PackIndex } from './model/diagram.ts';

/** Facts with their tier and sources, as the details panel and the step captions list them. */
export function FactList({
  facts,
  index,
}: {
  readonly facts: readonly Fact[];
  readonly index: PackIndex;
}) {
  if (facts.length === 0) return null;
  return (
    <ul className="pw-facts">
      {facts.map((fact) => (
        <li key={fact.id}>
          <p className="pw-fact-text">{fact.text}</p>
          <p className="pw-fact-meta">
            <span className="pw-fact-id">{fact.id}</span> <TierBadge tier={fact.tier} />
            {fact.highYield && <span className="badge badge-highyield">High yield</span>}
          </p>
          <p className="pw-fact-refs muted">
            {fact.references
              .map((id) => {
                const reference = index.references.get(id);
                return reference ? referenceLabel(reference) : id;
              })
              .join('; ')}
          </p>
          {fact.contested && <p className="pw-contested">Contested: {fact.contested.note}</p>}
        </li>
      ))}
    </ul>
  );
}

export function factsById(index: PackIndex, ids: readonly string[]): Fact[] {
  return ids.flatMap((id) => {
    const fact = index.facts.get(id);
    return fact ? [fact] : [];
  });
}
