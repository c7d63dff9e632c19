import type { PackSummary } from '../../../../shared/contract/pack.ts';
import { Button } from '../../components/Button.tsx';
import { describePack } from './pack-actions.ts';

interface Props {
  readonly packs: readonly PackSummary[];
  /** A choice or removal is under way: the buttons wait. */
  readonly busy: boolean;
  readonly onStudy: (pack: PackSummary) => void;
  readonly onRemove: (pack: PackSummary) => void;
}

/** Every installed pack, the one studied marked; any other can be studied, a learner's removed. */
export function PackList({ packs, busy, onStudy, onRemove }: Props) {
  return (
    <ul className="pack-list">
      {packs.map((pack) => (
        <li key={pack.id} className={pack.active ? 'pack-studied' : undefined}>
          <strong>{pack.title}</strong> <span className="muted">{pack.version}</span>
          <span className="badge">
            {pack.source === 'bundled' ? 'Comes with the app' : 'Added by you'}
          </span>
          {pack.active && <span className="badge tier-review">Studying</span>}
          <div className="muted small">{describePack(pack)}</div>
          <div className="pack-actions">
            {!pack.active && (
              <Button
                variant="primary"
                disabled={busy}
                aria-label={`Study ${pack.title}`}
                onClick={() => onStudy(pack)}
              >
                Study this pack
              </Button>
            )}
            {pack.source === 'learner' && (
              <Button
                variant="ghost"
                disabled={busy}
                aria-label={`Remove ${pack.title}`}
                onClick={() => onRemove(pack)}
              >
                Remove…
              </Button>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
