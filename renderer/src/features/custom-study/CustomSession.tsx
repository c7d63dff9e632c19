import { useId, useLayoutEffect, useMemo, useRef } from 'react';
import { isMacPlatform } from '../../commands/registry.ts';
import { useCommands } from '../../commands/useCommands.ts';
import { Button } from '../../components/Button.tsx';
import { plural } from '../../components/format.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { Stat } from '../../components/Stat.tsx';
import { AnswerBar } from '../flashcards/AnswerBar.tsx';
import { ReviewCard } from '../flashcards/ReviewCard.tsx';
import { ratings, type Rating } from '../flashcards/session.ts';
import { customSessionCommands, customShortcut, type CustomSessionContext } from './commands.ts';
import { CramBar } from './CramBar.tsx';
import type { SessionRun } from './model.ts';
import { useCustomStudy } from './store.ts';

const commandContext: CustomSessionContext = {
  get canReveal() {
    const s = useCustomStudy.getState();
    return s.run !== undefined && s.run.queue.length > 0 && !s.revealed;
  },
  get canRate() {
    const s = useCustomStudy.getState();
    return s.run !== undefined && s.run.queue.length > 0 && s.revealed && !s.busy;
  },
  reveal: () => useCustomStudy.getState().reveal(),
  rate: (rating) => void useCustomStudy.getState().rate(rating),
};

function useShortcuts() {
  return useMemo(() => {
    const mac = isMacPlatform();
    const rate = Object.fromEntries(
      ratings.map((r) => [r, customShortcut(`custom.rate.${r}`, mac)]),
    ) as Record<Rating, string>;
    return { reveal: customShortcut('custom.reveal', mac), rate };
  }, []);
}

/** A custom session: its cards one at a time, then what was done. */
export function CustomSession({ run }: { readonly run: SessionRun }) {
  const revealed = useCustomStudy((s) => s.revealed);
  const busy = useCustomStudy((s) => s.busy);
  const message = useCustomStudy((s) => s.message);
  const reveal = useCustomStudy((s) => s.reveal);
  const rate = useCustomStudy((s) => s.rate);
  const close = useCustomStudy((s) => s.close);
  const shortcuts = useShortcuts();
  const frontId = useId();
  const areaRef = useRef<HTMLDivElement>(null);
  const item = run.queue[0];
  useCommands(customSessionCommands, commandContext);

  // As on Flashcards: when the focused button vanishes, focus the one Space would press next.
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (active && active !== document.body) return;
    areaRef.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [item, revealed]);

  return (
    <section className="cs-session" aria-labelledby="cs-session-title">
      <h2 id="cs-session-title">{run.title}</h2>
      <p className="muted">
        {run.cram
          ? 'Cram: your answers are kept in your history, and no card’s schedule changes. Again brings a card back later in this session.'
          : 'Review ahead: these cards are not due yet; each answer is a review and reschedules the card.'}
      </p>
      <ProgressBar
        label="Session progress"
        value={run.answered}
        max={run.answered + run.queue.length}
        text={`${plural(run.answered, 'answer')} · ${run.queue.length} left`}
      />
      {message && (
        <p
          className={`fc-message ${message.kind === 'error' ? 'message-error' : ''}`}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
      <div ref={areaRef} className="fc-area" aria-busy={busy || undefined}>
        {item ? (
          <>
            <ReviewCard item={item} revealed={revealed} frontId={frontId} />
            {run.cram ? (
              <CramBar
                revealed={revealed}
                frontId={frontId}
                shortcuts={shortcuts}
                onReveal={reveal}
                onRate={(rating) => void rate(rating)}
              />
            ) : (
              <AnswerBar
                revealed={revealed}
                choices={item.choices}
                frontId={frontId}
                shortcuts={shortcuts}
                onReveal={reveal}
                onRate={(rating) => void rate(rating)}
              />
            )}
          </>
        ) : (
          <section className="panel fc-summary" aria-labelledby="cs-done-title">
            <h3 id="cs-done-title" tabIndex={-1} data-autofocus="">
              Custom session complete
            </h3>
            <div className="stat-row">
              <Stat label="Cards" value={run.total} />
              <Stat label="Answers" value={run.answered} hint={`${run.again} Again`} />
            </div>
            <div className="fc-end-actions">
              <Button variant="primary" onClick={close}>
                Another custom session
              </Button>
              <a className="btn" href="#/">
                Home
              </a>
            </div>
          </section>
        )}
      </div>
      {item && (
        <div className="fc-footer">
          <Button variant="ghost" onClick={close}>
            End session
          </Button>
          <p className="muted small fc-keys" aria-hidden="true">
            Keys: {shortcuts.reveal} show answer · 1–4 rate
          </p>
        </div>
      )}
    </section>
  );
}
