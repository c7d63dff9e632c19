import type { StudyCard } from '../../../../shared/engine/types.ts';
import { useEffect } from 'react';
import { Citations } from '../../components/Citations.tsx';
import { pathwayName, usePathwayNames } from '../../stores/pathway-names.ts';
import { factLink, pathwayLink } from './links.ts';

const maxPathwayLinks = 3;

/** The card's provenance: tier and citation, a link to each fact in Source, and its pathways. */
export function CardSource({ card }: { readonly card: StudyCard }) {
  const pathways = card.pathwayIds.slice(0, maxPathwayLinks);
  const names = usePathwayNames((s) => s.names);
  const loadNames = usePathwayNames((s) => s.load);
  useEffect(() => void loadNames(), [loadNames]);
  return (
    <section className="fc-source" aria-label="Where this comes from">
      <Citations citations={card.citations} />
      {(card.factIds.length > 0 || pathways.length > 0) && (
        <ul className="fc-links">
          {card.factIds.map((factId) => (
            <li key={factId}>
              <a href={factLink(factId)}>Fact {factId} in Source</a>
            </li>
          ))}
          {pathways.map((pathwayId) => (
            <li key={pathwayId}>
              <a href={pathwayLink(card, pathwayId)}>
                Show in pathway: {pathwayName(names, pathwayId)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
