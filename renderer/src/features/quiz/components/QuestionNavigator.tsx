import type { NavigatorEntry } from '../model/navigation.ts';

/**
 * Exam mode: every question as a numbered button showing whether it is answered, marked or the
 * one shown; pressing one goes to it (back as well as forward).
 */
export function QuestionNavigator({
  entries,
  onGo,
}: {
  readonly entries: readonly NavigatorEntry[];
  readonly onGo: (position: number) => void;
}) {
  return (
    <nav className="qz-navigator" aria-label="Questions">
      <ol className="qz-navigator-list">
        {entries.map((entry) => (
          <li key={entry.position}>
            <button
              type="button"
              className={`qz-nav-button qz-nav-${entry.state}${entry.marked ? ' qz-nav-marked' : ''}`}
              aria-label={entry.label}
              aria-current={entry.state === 'current' ? 'step' : undefined}
              onClick={() => onGo(entry.position)}
            >
              {entry.number}
              {entry.marked && (
                <span className="qz-nav-flag" aria-hidden="true">
                  ⚑
                </span>
              )}
            </button>
          </li>
        ))}
      </ol>
      <p className="qz-navigator-key muted" aria-hidden="true">
        <span className="qz-nav-swatch qz-nav-answered" /> answered{' '}
        <span className="qz-nav-swatch qz-nav-open" /> not answered ⚑ marked
      </p>
    </nav>
  );
}
