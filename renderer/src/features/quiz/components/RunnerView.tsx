import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { QuizOptionsInfo } from '../../../../../shared/contract/quiz.ts';
import { pathwayLabel } from '../../../../../shared/pack/views.ts';
import { Button } from '../../../components/Button.tsx';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { ProgressBar } from '../../../components/ProgressBar.tsx';
import { useCommands } from '../../../commands/useCommands.ts';
import { quizCommands, type QuizCommandContext } from '../commands.ts';
import { QuestionBody } from '../items/QuestionBody.tsx';
import { navigatorEntries } from '../model/navigation.ts';
import { moveStep, responseOf, type ResponseDraft } from '../model/responses.ts';
import {
  answerSentMark,
  currentItem,
  feedbackMeasure,
  useQuizRunner,
} from '../stores/runner-store.ts';
import { useQuizSetup } from '../stores/setup-store.ts';
import { AnswerReview, type PathwayRef } from './AnswerReview.tsx';
import { Countdown } from './Countdown.tsx';
import { Prompt } from './Prompt.tsx';
import { QuestionNavigator } from './QuestionNavigator.tsx';
import { ScheduleNote } from './ScheduleNote.tsx';

const optionsInfo = (s: ReturnType<typeof useQuizSetup.getState>) =>
  s.options.status === 'ready' ? s.options.value : undefined;

export function pathwayRef(
  options: QuizOptionsInfo | undefined,
  pathwayId: string | null,
): PathwayRef | undefined {
  if (!pathwayId) return undefined;
  const pathway = options?.pathways.find((p) => p.id === pathwayId);
  const label = pathway ? pathwayLabel(pathway) : pathwayId;
  return { id: pathwayId, label };
}

/** The quiz being taken: one question at a time, keyboard first. */
export function RunnerView() {
  const session = useQuizRunner((s) => s.session);
  const phase = useQuizRunner((s) => s.phase);
  const item = useQuizRunner(currentItem);
  const position = useQuizRunner((s) => s.position);
  const total = useQuizRunner((s) => s.order.length);
  const answeredCount = useQuizRunner((s) => Object.keys(s.answered).length);
  const draft = useQuizRunner((s) => (item ? s.drafts[item.id] : undefined));
  const feedback = useQuizRunner((s) => (item ? s.feedback[item.id] : undefined));
  const answered = useQuizRunner((s) => (item ? s.answered[item.id] === true : false));
  const pending = useQuizRunner((s) => s.pending);
  const error = useQuizRunner((s) => s.error);
  const status = useQuizRunner((s) => s.status);
  const cursor = useQuizRunner((s) => s.orderingCursor);
  const isMarked = useQuizRunner((s) => (item ? s.marked[item.id] === true : false));
  const schedule = useQuizRunner((s) => (item ? s.schedule[item.id] : undefined));
  const order = useQuizRunner((s) => s.order);
  const answeredIds = useQuizRunner((s) => s.answered);
  const markedIds = useQuizRunner((s) => s.marked);
  const { setDraft, submit, claimRight, next, skip, finish, setOrderingCursor, goTo, toggleMark } =
    useQuizRunner.getState();
  const options = useQuizSetup(optionsInfo);

  const promptId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const primary = useRef<HTMLButtonElement>(null);
  const feedbackRef = useRef<HTMLDivElement>(null);
  const [confirming, setConfirming] = useState(false);

  const locked = answered || pending || phase !== 'running';
  const canSubmit = !locked && draft !== undefined && responseOf(draft) !== undefined;
  const hasFeedback = feedback !== undefined;
  const unanswered = total - answeredCount;
  const isLast = unanswered === 0;
  const canSkip = !locked && unanswered > 1;
  const exam = session?.mode === 'exam';
  const canGoBack = exam && !pending && position > 0;
  const canGoForward = exam && !pending && position < total - 1;
  const entries = useMemo(
    () => navigatorEntries(order, position, answeredIds, markedIds),
    [order, position, answeredIds, markedIds],
  );

  const onChange = useCallback(
    (next: ResponseDraft) => {
      if (item) setDraft(item.id, next);
    },
    [item, setDraft],
  );

  // While the finish dialog is open, keys belong to it: no command may change the answer behind it.
  const ctx: QuizCommandContext = {
    responseKind: confirming ? undefined : draft?.kind,
    optionCount: draft?.kind === 'true-false' ? 2 : (item?.options?.length ?? 0),
    locked,
    canSubmit: canSubmit && !confirming,
    hasFeedback: hasFeedback && !confirming,
    canSkip: canSkip && !confirming,
    orderingCursor: confirming ? undefined : cursor,
    choose: (index) => {
      const option = item?.options?.[index];
      if (option) onChange({ kind: 'choice', optionId: option.id });
    },
    chooseTruth: (value) => onChange({ kind: 'true-false', value }),
    submit: () => void submit(),
    next,
    skip,
    toggleMark: () => void toggleMark(),
    canGoBack: canGoBack && !confirming,
    canGoForward: canGoForward && !confirming,
    goBy: (delta) => goTo(position + delta),
    moveCursor: (delta) => {
      if (draft?.kind === 'ordering' && cursor)
        onChange({ kind: 'ordering', order: moveStep(draft.order, cursor, delta) });
    },
    focusStep: (delta) => {
      if (draft?.kind !== 'ordering' || !cursor) return;
      const index = draft.order.indexOf(cursor) + delta;
      const target = draft.order[Math.min(draft.order.length - 1, Math.max(0, index))];
      if (target) setOrderingCursor(target);
    },
  };
  useCommands(quizCommands, ctx);

  // A new question takes focus: the blank for a cloze, otherwise the question's heading. Text
  // already in the blank (a question skipped and come back to) is selected, so typing replaces it.
  useEffect(() => {
    if (!item) return;
    const field = document.querySelector<HTMLElement>('.qz-question [data-autofocus="true"]');
    (field ?? heading.current)?.focus();
    if (field instanceof HTMLInputElement) field.select();
  }, [item]);

  // Feedback on screen: record how long it took, keep it in view, and keep focus somewhere useful.
  useLayoutEffect(() => {
    if (!feedback) return;
    if (performance.getEntriesByName(answerSentMark, 'mark').length > 0) {
      performance.measure(feedbackMeasure, answerSentMark);
      performance.clearMarks(answerSentMark);
    }
    feedbackRef.current?.scrollIntoView({ block: 'nearest' });
    if (!document.activeElement || document.activeElement === document.body)
      primary.current?.focus();
  }, [feedback]);

  const onTimeUp = useCallback(() => void finish('time-up'), [finish]);
  const pathway = useMemo(() => pathwayRef(options, item?.pathwayId ?? null), [options, item]);
  if (!session || !item || !draft) return null;

  const kindInfo = options?.kinds.find((k) => k.id === item.kind);
  const primaryLabel = hasFeedback
    ? isLast
      ? 'See results'
      : 'Next question'
    : pending
      ? 'Sending…'
      : 'Submit answer';

  return (
    <div className="qz-runner" data-mode={session.mode}>
      <div className="qz-runner-head">
        <div className="qz-runner-title">
          <span className={`badge qz-mode-badge qz-mode-${session.mode}`}>
            {session.mode === 'exam' ? 'Exam' : 'Practice'}
          </span>
          <h2 ref={heading} tabIndex={-1} className="qz-question-heading">
            Question {position + 1} of {total}
          </h2>
          {kindInfo && <span className="badge qz-kind-badge">{kindInfo.label}</span>}
          {item.highYield && <span className="badge badge-highyield">High-yield</span>}
        </div>
        <ProgressBar
          label="Questions answered"
          value={answeredCount}
          max={total}
          text={`${answeredCount} of ${total} answered`}
        />
        {session.deadline && <Countdown deadline={session.deadline} onTimeUp={onTimeUp} />}
      </div>

      {exam && <QuestionNavigator entries={entries} onGo={goTo} />}

      {session.shortfall > 0 && answeredCount === 0 && (
        <p className="qz-note">
          Only {session.items.length} {session.items.length === 1 ? 'question' : 'questions'}{' '}
          matched, so this quiz has {session.items.length} instead of{' '}
          {session.items.length + session.shortfall}.
        </p>
      )}

      <div className={`qz-question-layout${hasFeedback ? ' qz-with-feedback' : ''}`}>
        <div className="qz-question panel" data-kind={item.kind} data-item-id={item.id}>
          <Prompt id={promptId} text={item.prompt} />
          <QuestionBody
            item={item}
            draft={draft}
            feedback={feedback}
            locked={locked}
            promptId={promptId}
            diagramCaption={item.diagram ? `Pathway: ${item.diagram.caption}` : 'Part of a pathway'}
            orderingCursor={cursor}
            onChange={onChange}
            onOrderingCursor={setOrderingCursor}
          />
          <div className="qz-actions">
            <Button
              ref={primary}
              variant="primary"
              shortcut="Enter"
              disabled={hasFeedback ? false : !canSubmit}
              onClick={() => (hasFeedback ? next() : void submit())}
            >
              {primaryLabel}
            </Button>
            {feedback?.claimable && (
              <Button disabled={pending} onClick={() => void claimRight()}>
                I was right
              </Button>
            )}
            {!answered && (
              <Button shortcut="S" disabled={!canSkip} onClick={skip}>
                Skip for now
              </Button>
            )}
            <Button shortcut="M" aria-pressed={isMarked} onClick={() => void toggleMark()}>
              {isMarked ? '⚑ Marked' : 'Mark'}
            </Button>
            {exam && (
              <>
                <Button shortcut="[" disabled={!canGoBack} onClick={() => goTo(position - 1)}>
                  Previous
                </Button>
                <Button shortcut="]" disabled={!canGoForward} onClick={() => goTo(position + 1)}>
                  Next
                </Button>
              </>
            )}
            <Button
              variant="ghost"
              onClick={() => (unanswered > 0 ? setConfirming(true) : void finish())}
            >
              Finish quiz
            </Button>
          </div>
          {exam && answered && (
            <p className="qz-note">
              Answered. Your answer is kept as sent; results show at the end.
            </p>
          )}
          <KeyHelp kind={draft.kind} optionCount={item.options?.length ?? 0} exam={exam} />
          {error && (
            <p role="alert" className="qz-error">
              {error}
            </p>
          )}
        </div>
        <div className="qz-feedback-live" aria-live="polite" ref={feedbackRef}>
          {feedback && (
            <section className="qz-feedback panel" aria-label="Feedback">
              <AnswerReview item={item} feedback={feedback} answered pathway={pathway} />
              <ScheduleNote effect={schedule} />
            </section>
          )}
        </div>
      </div>
      <p role="status" className="visually-hidden">
        {status}
      </p>
      <ConfirmDialog
        open={confirming}
        title="Finish this quiz now?"
        confirmLabel="Finish and see results"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void finish();
        }}
      >
        <p>
          {unanswered} {unanswered === 1 ? 'question is' : 'questions are'} not answered yet and
          will count as missed.
        </p>
      </ConfirmDialog>
    </div>
  );
}

function KeyHelp({
  kind,
  optionCount,
  exam,
}: {
  readonly kind: ResponseDraft['kind'];
  readonly optionCount: number;
  readonly exam: boolean;
}) {
  const choose = (() => {
    switch (kind) {
      case 'choice':
        return `1–${Math.min(optionCount, 5)} choose`;
      case 'true-false':
        return '1 or T true, 2 or F false';
      case 'text':
        return 'type the answer';
      case 'matching':
        return 'Tab to each list and pick a letter';
      case 'ordering':
        return '↑/↓ go to a step, Alt+↑/↓ move it';
    }
  })();
  return (
    <p className="qz-keys muted">
      Keys: {choose} · Enter submit, then next · S skip · M mark
      {exam ? ' · [ previous, ] next' : ''}
    </p>
  );
}
