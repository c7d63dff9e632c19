import type { Manifest, Pack } from '../../../../../shared/pack/schema.ts';
import { tierOrder as tiers, type ReviewTier } from '../model/tiers.ts';
import { TierBadge } from '../../../components/TierBadge.tsx';
import { formatCitation } from '../model/facts.ts';
import { ExternalLink } from './ExternalLink.tsx';

export function ReviewPanel({ pack }: { readonly pack: Pack }) {
  const { manifest } = pack;
  const citation = formatCitation(manifest.citation);
  const byTier = countByTier(pack);
  return (
    <section className="panel source-section" aria-labelledby="source-review">
      <h2 id="source-review" tabIndex={-1}>
        The review
      </h2>
      <p className="review-citation">
        <span className="review-authors">{citation.authors}.</span>{' '}
        <cite className="review-title">{citation.title}.</cite>{' '}
        <span className="review-journal">
          {citation.journal} {citation.locator}.
        </span>{' '}
        <ExternalLink href={citation.doiUrl}>doi:{manifest.citation.doi}</ExternalLink>
      </p>
      <p>{manifest.description}</p>
      <h3>Where the {pack.facts.length} facts come from</h3>
      <ul className="tier-counts">
        {tiers.map((tier) => (
          <li key={tier}>
            <TierBadge tier={tier} /> <span className="tier-count">{byTier[tier]}</span>{' '}
            <span className="muted">{tierExplanation[tier]}</span>
          </li>
        ))}
      </ul>
      <LicenceNote manifest={manifest} />
    </section>
  );
}

const tierExplanation: Record<ReviewTier, string> = {
  review: 'stated in the review (its abstract, keywords or figure captions)',
  'companion-review': 'from two later reviews by related authors',
  primary: 'from primary studies the review cites or discusses',
  other: 'from other secondary sources',
};

function countByTier(pack: Pack): Record<ReviewTier, number> {
  const counts: Record<ReviewTier, number> = {
    review: 0,
    'companion-review': 0,
    primary: 0,
    other: 0,
  };
  for (const fact of pack.facts) if (fact.tier !== 'background') counts[fact.tier] += 1;
  return counts;
}

function LicenceNote({ manifest }: { readonly manifest: Manifest }) {
  return (
    <div className="licence-note">
      <h3>Licence and attribution</h3>
      <p>{manifest.licence}</p>
      <p>{manifest.attribution}</p>
    </div>
  );
}
