import './flashcards.css';
import { useEffect, useId, useLayoutEffect, useMemo, useRef } from 'react';
import { useLocation } from 'wouter';
import { isMacPlatform } from '../../commands/registry.ts';
import { useCommands } from '../../commands/useCommands.ts';
import { Button } from '../../components/Button.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { CustomStudyPanel } from '../custom-study/CustomStudyPanel.tsx';
import { AnswerBar } from './AnswerBar.tsx';
import { flashcardCommands, shortcutFor, type FlashcardsContext } from './commands.ts';
import { QueueCounts } from './QueueCounts.tsx';
import { ReviewCard } from './ReviewCard.tsx';
import { CaughtUp, SessionSummary } from './SessionEnd.tsx';
import { nextSentence, ratings, remaining, summarise, type Rating } from './session.ts';
import { useReview } from './store.ts';

function useShortcuts() {
  return useMemo(() => {
    const mac = isMacPlatform();
    const rate = Object.fromEntries(
      ratings.map((r) => [r, shortcutFor(`flashcards.rate.${r}`, mac)]),
    ) as Record<Rating, string>;
    return {
      reveal: shortcutFor('flashcards.reveal', mac),
      rate,
      undo: shortcutFor('flashcards.undo', mac),
    };
  }, []);
}

/**
 * Read from the store when a key is pressed, not from the last render: a fast "Space, 3" must
 * see the reveal even if React has not re-rendered between the two keys.
 */
const commandContext: FlashcardsContext = {
  get canReveal() {
    const s = useReview.getState();
    return s.status === 'studying' && s.item !== null && !s.revealed;
  },
  get canRate() {
    // Not gated on `busy`: a rating given while the last answer is on its way is held, not lost.
    const s = useReview.getState();
    return s.status === 'studying' && s.item !== null && s.revealed;
  },
  get canUndo() {
    // Not gated on `busy` either: an undo pressed while an answer is on its way is held.
    return useReview.getState().session.answered.length > 0;
  },
  reveal: () => useReview.getState().reveal(),
  rate: (rating) => void useReview.getState().rate(rating),
  undo: () => void useReview.getState().undo(),
};

/** Flashcards (`#/flashcards`): today's due cards, one at a time, rated by keys or buttons. */
export default function FlashcardsScreen() {
  const status = useReview((s) => s.status);
  const item = useReview((s) => s.item);
  const counts = useReview((s) => s.counts);
  const revealed = useReview((s) => s.revealed);
  const busy = useReview((s) => s.busy);
  const session = useReview((s) => s.session);
  const nextDueAt = useReview((s) => s.nextDueAt);
  const announcement = useReview((s) => s.announcement);
  const message = useReview((s) => s.message);
  const error = useReview((s) => s.error);
  const open = useReview((s) => s.open);
  const reveal = useReview((s) => s.reveal);
  const rate = useReview((s) => s.rate);
  const undo = useReview((s) => s.undo);
  const continueStudying = useReview((s) => s.continueStudying);
  const customOffered = useReview((s) => s.customOffered);
  const [, navigate] = useLocation();
  const shortcuts = useShortcuts();
  const frontId = useId();
  const areaRef = useRef<HTMLDivElement>(null);

  // On entry; a finished session then stays on screen until the learner leaves.
  useEffect(() => {
    void open();
  }, [open]);
  // Progress replaced elsewhere (restore, import, reset) returns the store to idle: start again.
  const isIdle = status === 'idle';
  useEffect(() => {
    if (isIdle) void open();
  }, [isIdle, open]);

  const studying = status === 'studying' && item !== null;
  const canUndo = session.answered.length > 0;
  useCommands(flashcardCommands, commandContext);

  // The focused button vanished (Show answer → ratings → next card): focus the next one Space
  // would press, so keyboard users stay in the flow. Focus anywhere else is left alone.
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (active && active !== document.body) return;
    areaRef.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [item, revealed, status]);

  const summary = summarise(session);
  const left = remaining(counts);

  return (
    <section
      aria-labelledby="flashcards-title"
      className="fc-screen"
      data-screen-ready={status === 'idle' || status === 'loading' ? undefined : 'flashcards'}
    >
      <header className="screen-header">
        <h1 id="flashcards-title">Flashcards</h1>
        {counts && <QueueCounts counts={counts} current={studying ? item.queue : undefined} />}
        <a className="btn" href="#/flashcards/custom">
          Custom study
        </a>
      </header>
      {(status === 'studying' || summary.reviewed > 0) && (
        <ProgressBar
          label="Session progress"
          value={summary.reviewed}
          max={summary.reviewed + left}
          text={`${summary.reviewed} done · ${left} left today`}
        />
      )}
      {message && (
        <p
          className={`fc-message ${message.kind === 'error' ? 'message-error' : ''}`}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
      <div ref={areaRef} className="fc-area" aria-busy={busy || undefined}>
        {(status === 'idle' || status === 'loading') && <Loading label="Loading your cards…" />}
        {status === 'error' && <ErrorMessage error={error} onRetry={() => void open()} />}
        {studying && (
          <>
            <ReviewCard
              item={item}
              revealed={revealed}
              frontId={frontId}
              onReported={() => void continueStudying()}
            />
            <AnswerBar
              revealed={revealed}
              choices={item.choices}
              frontId={frontId}
              shortcuts={shortcuts}
              onReveal={reveal}
              onRate={(rating) => void rate(rating)}
            />
          </>
        )}
        {status === 'done' &&
          (summary.reviewed > 0 ? (
            <SessionSummary
              summary={summary}
              next={nextSentence(counts, nextDueAt)}
              onContinue={() => void continueStudying()}
            />
          ) : (
            <CaughtUp next={nextSentence(counts, nextDueAt)} />
          ))}
        {status === 'done' && (customOffered || summary.reviewed === 0) && (
          <div className="fc-custom-study">
            <CustomStudyPanel
              onExtraNew={() => void continueStudying()}
              onStarted={() => navigate('/flashcards/custom')}
            />
          </div>
        )}
      </div>
      {(studying || canUndo) && (
        <div className="fc-footer">
          <Button
            variant="ghost"
            shortcut={shortcuts.undo}
            disabled={!canUndo}
            onClick={() => void undo()}
          >
            Undo
          </Button>
          <p className="muted small fc-keys" aria-hidden="true">
            Keys: {shortcuts.reveal} show answer · 1–4 rate · {shortcuts.undo} undo
          </p>
        </div>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}
