import type { BrowseDetail } from '../../../../shared/contract/browse.ts';
import { formatDateTime, percent } from '../../components/format.ts';
import { eventText, flagLabels } from './labels.ts';

/** The active row: the card or question, its facts, its memory state and its whole history. */
export function BrowseDetailPane({ detail }: { readonly detail: BrowseDetail | undefined }) {
  if (!detail) {
    return (
      <aside className="panel browse-detail" aria-label="Details">
        <p className="muted">Choose a row to see its details.</p>
      </aside>
    );
  }
  const marks = [
    detail.suspended && 'Suspended',
    detail.buried && 'Buried until tomorrow',
    detail.flag && `Flag: ${flagLabels[detail.flag]}`,
  ].filter(Boolean);
  return (
    <aside className="panel browse-detail" aria-labelledby="browse-detail-title">
      <h2 id="browse-detail-title">{detail.itemType === 'card' ? 'Card' : 'Quiz item'}</h2>
      <p className="muted small">
        {detail.kind} · {detail.topicTitle}
        {marks.length > 0 && ` · ${marks.join(' · ')}`}
      </p>
      <p className="browse-front">{detail.front}</p>
      {detail.back && <p className="browse-back">{detail.back}</p>}
      <h3>Facts</h3>
      <ul className="browse-facts">
        {detail.facts.map((fact) => (
          <li key={fact.id}>
            <span className="muted small">{fact.id}</span> {fact.text}
          </li>
        ))}
      </ul>
      {detail.itemType === 'card' && (
        <>
          <h3>Memory</h3>
          {detail.state ? (
            <dl className="browse-memory">
              <div>
                <dt>Stability</dt>
                <dd>{detail.state.stability.toFixed(1)} days</dd>
              </div>
              <div>
                <dt>Difficulty</dt>
                <dd>{detail.state.difficulty.toFixed(1)} of 10</dd>
              </div>
              <div>
                <dt>Recall today</dt>
                <dd>{percent(detail.state.retrievability)}</dd>
              </div>
            </dl>
          ) : (
            <p className="muted">Not studied yet.</p>
          )}
          <h3>History</h3>
          {detail.events.length === 0 ? (
            <p className="muted">No events yet.</p>
          ) : (
            <ol className="browse-history" aria-label="History">
              {detail.events.map((event) => (
                <li key={event.id} className={event.undone ? 'is-undone' : undefined}>
                  <span>{eventText(event)}</span>
                  {event.source === 'quiz' && <span className="badge">from a quiz</span>}
                  {event.undone && <span className="badge">undone</span>}
                  <span className="muted small">{formatDateTime(event.occurredAt)}</span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </aside>
  );
}
