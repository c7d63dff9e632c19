import type { Tier } from '../../../shared/pack/schema.ts';

const labels: Record<Tier, { short: string; long: string }> = {
  review: { short: 'Review', long: 'Stated in the review itself (abstract or figure caption)' },
  'companion-review': { short: 'Companion review', long: 'From a later review by related authors' },
  primary: { short: 'Primary study', long: 'From a primary study the review cites or discusses' },
  other: { short: 'Other source', long: 'From a secondary source outside the review' },
  background: {
    short: 'Background',
    long: 'Textbook knowledge the review takes for granted, not a claim of the review',
  },
};

/** Source tier as text plus colour, so the cue survives without colour. */
export function TierBadge({ tier }: { readonly tier: Tier }) {
  const label = labels[tier];
  return (
    <span className={`badge tier-${tier}`} title={label.long}>
      {label.short}
    </span>
  );
}

export function tierLabel(tier: Tier): string {
  return labels[tier].short;
}
