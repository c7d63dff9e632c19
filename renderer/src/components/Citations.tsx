import type { Citation } from '../../../shared/engine/types.ts';
import { TierBadge } from './TierBadge.tsx';

export function Citations({ citations }: { readonly citations: readonly Citation[] }) {
  if (citations.length === 0) return null;
  return (
    <ul className="citations" aria-label="Sources">
      {citations.map((c) => (
        <li key={`${c.referenceId}-${c.label}`}>
          <TierBadge tier={c.tier} /> <cite>{c.label}</cite>
        </li>
      ))}
    </ul>
  );
}
