import { useId } from 'react';
import type { QueuedCard } from '../../../../shared/contract/review.ts';
import { Button } from '../../components/Button.tsx';
import { humaniseInterval, intervalInWords } from '../../components/format.ts';
import { ratingLabels, ratings, type Rating } from './session.ts';

interface Props {
  readonly revealed: boolean;
  readonly choices: QueuedCard['choices'];
  readonly frontId: string;
  readonly shortcuts: { readonly reveal: string; readonly rate: Readonly<Record<Rating, string>> };
  readonly onReveal: () => void;
  readonly onRate: (rating: Rating) => void;
}

/**
 * Show answer, then the four ratings, each with the interval it would give. The button that
 * Space would press next carries `data-autofocus`, so focus can follow the flow.
 */
export function AnswerBar({ revealed, choices, frontId, shortcuts, onReveal, onRate }: Props) {
  const idBase = useId();
  if (!revealed) {
    return (
      <div className="fc-actions">
        <Button
          variant="primary"
          className="fc-reveal"
          shortcut={shortcuts.reveal}
          aria-describedby={frontId}
          data-autofocus=""
          onClick={onReveal}
        >
          Show answer
        </Button>
      </div>
    );
  }
  return (
    <div className="fc-actions">
      <div role="group" aria-label="How well did you recall it?" className="fc-ratings">
        {ratings.map((rating) => {
          const interval = choices[rating].intervalMs;
          const describedBy = `${idBase}-${rating}`;
          return (
            <button
              key={rating}
              type="button"
              className={`btn fc-rate fc-rate-${rating}`}
              aria-keyshortcuts={shortcuts.rate[rating]}
              aria-describedby={describedBy}
              data-autofocus={rating === 'good' ? '' : undefined}
              onClick={() => onRate(rating)}
            >
              <span className="fc-rate-label">{ratingLabels[rating]}</span>
              <span className="fc-rate-interval" aria-hidden="true">
                {humaniseInterval(interval)}
              </span>
              <kbd className="btn-kbd" aria-hidden="true">
                {shortcuts.rate[rating]}
              </kbd>
            </button>
          );
        })}
      </div>
      {/* Descriptions in words ("in 10 minutes"), outside the buttons so each is named by its
          rating alone; hidden nodes still describe what points at them. */}
      <div hidden>
        {ratings.map((rating) => (
          <span key={rating} id={`${idBase}-${rating}`}>
            Next review in {intervalInWords(choices[rating].intervalMs)}
          </span>
        ))}
      </div>
    </div>
  );
}
