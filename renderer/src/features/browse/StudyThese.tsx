import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { QueuedCard } from '../../../../shared/contract/review.ts';
import { Button } from '../../components/Button.tsx';
import { plural } from '../../components/format.ts';
import { api } from '../../api.ts';
import { AnswerBar } from '../flashcards/AnswerBar.tsx';
import { ReviewCard } from '../flashcards/ReviewCard.tsx';
import { answerDuration, ratings, type Rating } from '../flashcards/session.ts';
import { useBrowse, type StudySession } from './store.ts';

const shortcuts = {
  reveal: 'Space',
  rate: { again: '1', hard: '2', good: '3', easy: '4' },
} as const;

/** One card of the session; a new card is a new component, so it starts unrevealed. */
function StudyCard({
  item,
  onAnswered,
}: {
  readonly item: QueuedCard;
  readonly onAnswered: () => void;
}) {
  const [revealed, setRevealed] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const shownAt = useRef(0);
  const area = useRef<HTMLDivElement>(null);
  const frontId = useId();

  useEffect(() => {
    shownAt.current = performance.now();
  }, []);
  // Focus follows the flow: Show answer, then the rating Space would press.
  useEffect(() => {
    const target = area.current?.querySelector<HTMLElement>('[data-autofocus]') ?? area.current;
    target?.focus();
  }, [revealed]);

  const rate = async (rating: Rating) => {
    try {
      await api.review.answer({
        cardId: item.card.id,
        rating,
        durationMs: answerDuration(shownAt.current, performance.now()),
        expectedVersion: item.stateVersion,
      });
      onAnswered();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (!revealed && (event.key === ' ' || event.key === 'Enter')) {
      event.preventDefault();
      setRevealed(true);
      return;
    }
    const rating = ratings[Number(event.key) - 1];
    if (revealed && rating) {
      event.preventDefault();
      void rate(rating);
    }
  };

  return (
    <div ref={area} tabIndex={-1} onKeyDown={onKeyDown} className="browse-study-card">
      <ReviewCard item={item} revealed={revealed} frontId={frontId} />
      <AnswerBar
        revealed={revealed}
        choices={item.choices}
        frontId={frontId}
        shortcuts={shortcuts}
        onReveal={() => setRevealed(true)}
        onRate={(rating) => void rate(rating)}
      />
      {error && (
        <p role="alert" className="message-error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * "Study these": the selected cards in turn, answered as in Flashcards (each answer is a real
 * rating that moves the card's schedule).
 */
export function StudyThese({ session }: { readonly session: StudySession }) {
  const advance = useBrowse((s) => s.advance);
  const endSession = useBrowse((s) => s.endSession);
  const item = session.cards[session.position];
  return (
    <section
      className="browse-study"
      aria-labelledby="browse-study-title"
      data-screen-ready="browse-study"
    >
      <div className="browse-study-header">
        <h1 id="browse-study-title">Studying the selection</h1>
        <Button onClick={endSession}>Back to Browse</Button>
      </div>
      {item ? (
        <>
          <p className="muted" aria-live="polite">
            Card {session.position + 1} of {session.cards.length}
          </p>
          <StudyCard key={item.card.id} item={item} onAnswered={advance} />
        </>
      ) : (
        <div className="panel" role="status">
          <p>
            Done: you studied {plural(session.answered, 'card')} of the selection. Their schedules
            moved as in Flashcards.
          </p>
          <Button variant="primary" onClick={endSession} autoFocus>
            Back to Browse
          </Button>
        </div>
      )}
    </section>
  );
}
