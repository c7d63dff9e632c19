import { Button } from '../../components/Button.tsx';
import { ratingLabels, ratings, type Rating } from '../flashcards/session.ts';

interface Props {
  readonly revealed: boolean;
  readonly frontId: string;
  readonly shortcuts: { readonly reveal: string; readonly rate: Readonly<Record<Rating, string>> };
  readonly onReveal: () => void;
  readonly onRate: (rating: Rating) => void;
}

/**
 * Show answer, then the four ratings, with no intervals: a cram answer schedules nothing. Again
 * brings the card back later in this session.
 */
export function CramBar({ revealed, frontId, shortcuts, onReveal, onRate }: Props) {
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
        {ratings.map((rating) => (
          <button
            key={rating}
            type="button"
            className={`btn fc-rate fc-rate-${rating}`}
            aria-keyshortcuts={shortcuts.rate[rating]}
            data-autofocus={rating === 'good' ? '' : undefined}
            onClick={() => onRate(rating)}
          >
            <span className="fc-rate-label">{ratingLabels[rating]}</span>
            <kbd className="btn-kbd" aria-hidden="true">
              {shortcuts.rate[rating]}
            </kbd>
          </button>
        ))}
      </div>
    </div>
  );
}
