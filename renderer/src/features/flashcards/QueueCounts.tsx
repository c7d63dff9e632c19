import type { QueueCounts as Counts, QueuedCard } from '../../../../shared/contract/review.ts';

const queues = [
  { key: 'new', label: 'New' },
  { key: 'learning', label: 'Learning' },
  { key: 'review', label: 'Review' },
] as const;

/** Cards left today per queue; the queue of the card on screen is marked (Anki's underline). */
export function QueueCounts({
  counts,
  current,
}: {
  readonly counts: Counts;
  readonly current: QueuedCard['queue'] | undefined;
}) {
  return (
    <div role="group" aria-label="Cards left today" className="fc-counts">
      <dl>
        {queues.map(({ key, label }) => (
          <div
            key={key}
            className={`fc-count fc-count-${key}${current === key ? ' is-current' : ''}`}
          >
            <dt>
              {label}
              {current === key && <span className="visually-hidden"> (this card)</span>}
            </dt>
            <dd>{counts[key]}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
