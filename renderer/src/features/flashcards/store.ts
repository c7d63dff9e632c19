import { create } from 'zustand';
import { ContractError } from '../../../../shared/contract/errors.ts';
import type { QueueCounts, QueuedCard, ReviewNext } from '../../../../shared/contract/review.ts';
import { api } from '../../api.ts';
import { intervalInWords } from '../../components/format.ts';
import { onLearnerDataReplaced } from '../../stores/learner-data.ts';
import {
  answerDuration,
  emptySession,
  ratingLabels,
  withAnswer,
  withoutLast,
  type Rating,
  type Session,
} from './session.ts';

export type ReviewStatus = 'idle' | 'loading' | 'studying' | 'done' | 'error';

export interface ReviewMessage {
  readonly kind: 'info' | 'error';
  readonly text: string;
}

interface ReviewState {
  readonly status: ReviewStatus;
  readonly item: QueuedCard | null;
  /** The card predicted to follow `item` (review.next's upNext), shown on a rating key. */
  readonly upNext: QueuedCard | null;
  readonly counts: QueueCounts | undefined;
  /** With the queue empty: when the next card comes due (today's learning, else any card). */
  readonly nextDueAt: string | null;
  readonly revealed: boolean;
  /** An answer or undo is on its way; further ratings wait. */
  readonly busy: boolean;
  readonly session: Session;
  /** What the last action did, for the live region ("Good: back in 10 minutes."). */
  readonly announcement: string;
  readonly message: ReviewMessage | undefined;
  readonly error: string | undefined;
  /** Called when the screen opens: starts a session, or keeps the one in progress. */
  readonly open: () => Promise<void>;
  readonly reveal: () => void;
  readonly rate: (rating: Rating) => Promise<void>;
  readonly undo: () => Promise<void>;
  /** From the summary: look for more cards (learning cards may have come due). */
  readonly continueStudying: () => Promise<void>;
  /** Continue studying found nothing due: custom study is offered in its place. */
  readonly customOffered: boolean;
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** When the card on screen was shown; not state, since nothing renders from it. */
let shownAt = 0;

/**
 * A rating given to the predicted card while the previous answer is still on its way. It is
 * applied once that answer confirms the prediction, never dropped silently: a fast learner's
 * "3, Space, 3" must rate two cards. If main corrects the prediction, the card changed under the
 * learner, so the held rating is discarded and the learner told.
 */
let heldRating: Rating | undefined;

/**
 * Undo pressed while an answer (or another undo) is on its way: it runs once that finishes, so a
 * quick Ctrl+Z right after a rating takes that rating back instead of being ignored. An undo
 * pressed over a held rating just drops the rating, which was never sent.
 */
let heldUndos = 0;

function holdUndo(): void {
  if (heldRating !== undefined) heldRating = undefined;
  else heldUndos += 1;
}

function takeHeldUndo(): boolean {
  if (heldUndos === 0) return false;
  heldUndos -= 1;
  return true;
}

const initial = {
  status: 'idle' as ReviewStatus,
  item: null,
  upNext: null,
  counts: undefined,
  nextDueAt: null,
  revealed: false,
  busy: false,
  session: emptySession,
  announcement: '',
  message: undefined,
  error: undefined,
  customOffered: false,
};

/** The review session: the card on screen, the queue counts, and this sitting's answers. */
export const useReview = create<ReviewState>()((set, get) => {
  /** Shows a queue answer (from review.next, an answer or an undo) at once. */
  const show = (next: ReviewNext, extra: Partial<ReviewState> = {}) => {
    shownAt = performance.now();
    set({
      item: next.item,
      upNext: next.upNext,
      counts: next.counts,
      nextDueAt: next.nextDueAt,
      revealed: false,
      busy: false,
      status: next.item ? 'studying' : 'done',
      ...extra,
    });
    if (!next.item && !next.nextDueAt) void findLaterDue();
  };

  /** Nothing more today: ask when the next card of any kind is due. */
  const findLaterDue = async () => {
    try {
      const summary = await api.progress.summary();
      const caughtUp = summary.nextSteps.find((step) => step.kind === 'caught-up');
      if (caughtUp?.kind === 'caught-up' && get().status === 'done' && !get().item) {
        set({ nextDueAt: caughtUp.nextDueAt });
      }
    } catch {
      // The summary only adds a time to the message; without it the screen still says "caught up".
    }
  };

  const load = async (extra: Partial<ReviewState> = {}) => {
    set({ status: get().item ? get().status : 'loading', busy: true });
    try {
      show(await api.review.next(), { error: undefined, ...extra });
    } catch (error) {
      set({ status: 'error', error: messageOf(error), busy: false });
    }
  };

  return {
    ...initial,
    open: async () => {
      const { status, item } = get();
      if (status === 'loading') return;
      if (status === 'studying' && item) {
        // Back to a sitting in progress: keep the card (and its reveal) unless it changed
        // meanwhile (a quiz, a changed limit); either way the counts are fresh.
        try {
          const next = await api.review.next();
          const current = get().item;
          if (
            next.item?.stateVersion === current?.stateVersion &&
            next.item?.card.id === current?.card.id
          ) {
            set({ item: next.item, upNext: next.upNext, counts: next.counts });
          } else if (!get().busy) {
            show(next);
          }
        } catch {
          // The card on screen still answers; a real failure shows when it is rated.
        }
        return;
      }
      // A finished or failed sitting ends here; coming back starts a new one.
      set({ ...initial, status: 'loading' });
      await load();
    },
    reveal: () => {
      if (get().status === 'studying' && !get().revealed) set({ revealed: true });
    },
    rate: async (rating) => {
      const before = get();
      const { item, upNext, session } = before;
      if (!item || !before.revealed) return;
      if (before.busy) {
        heldRating = rating;
        return;
      }
      const durationMs = answerDuration(shownAt, performance.now());
      const answered = withAnswer(session, { cardId: item.card.id, rating, durationMs });
      const interval = item.choices[rating].intervalMs;
      const done = {
        session: answered,
        // The count makes each announcement new text, so a live region reads it every time.
        announcement: `Card ${answered.answered.length} rated ${ratingLabels[rating]}: back in ${intervalInWords(interval)}.`,
        message: undefined,
      };
      // The predicted next card is painted with this key press; the answer confirms or corrects
      // it one round trip later. Rating waits for that (busy), revealing does not.
      if (upNext) {
        shownAt = performance.now();
        set({ item: upNext, upNext: null, revealed: false, busy: true, ...done });
      } else {
        set({ busy: true });
      }
      try {
        const answer = await api.review.answer({
          cardId: item.card.id,
          rating,
          durationMs,
          expectedVersion: item.stateVersion,
        });
        const next = answer.next;
        if (upNext && next.item?.card.id === upNext.card.id) {
          // Confirmed: take main's item (current version and intervals); keep the reveal.
          set({
            item: next.item,
            upNext: next.upNext,
            counts: next.counts,
            nextDueAt: next.nextDueAt,
            busy: false,
          });
          const held = heldRating;
          heldRating = undefined;
          if (held) await get().rate(held);
          else if (takeHeldUndo()) await get().undo();
        } else {
          const dropped = heldRating !== undefined;
          heldRating = undefined;
          show(
            next,
            dropped
              ? {
                  ...done,
                  message: {
                    kind: 'info',
                    text: 'Another card came due before your last rating was saved; rate this one.',
                  },
                }
              : done,
          );
          if (takeHeldUndo()) await get().undo();
        }
      } catch (error) {
        // Nothing was written: the answered card comes back as it was, and nothing is left to undo.
        heldRating = undefined;
        heldUndos = 0;
        set({ item, upNext, revealed: true, session, busy: false, announcement: '' });
        if (error instanceof ContractError && error.code === 'stale-state') {
          await load({ message: { kind: 'info', text: error.message } });
          return;
        }
        set({ message: { kind: 'error', text: messageOf(error) } });
      }
    },
    undo: async () => {
      if (get().busy) {
        holdUndo();
        return;
      }
      if (get().session.answered.length === 0) return;
      set({ busy: true });
      try {
        const undone = await api.review.undo();
        show(undone.next, {
          session: withoutLast(get().session, undone.cardId),
          announcement: 'Last answer undone; the card is back to answer again.',
          message: undefined,
        });
      } catch (error) {
        heldUndos = 0;
        set({ busy: false, message: { kind: 'error', text: messageOf(error) } });
        return;
      }
      if (takeHeldUndo()) await get().undo();
    },
    continueStudying: async () => {
      await load({ message: undefined, customOffered: false });
      if (!get().item) {
        set({
          message: {
            kind: 'info',
            text: 'Nothing more is due today. Choose a custom study session below.',
          },
          customOffered: true,
        });
      }
    },
  };
});

// Progress restored, imported or reset elsewhere: this sitting's queue and answers no longer hold.
onLearnerDataReplaced(() => {
  heldRating = undefined;
  heldUndos = 0;
  useReview.setState({ ...initial });
});
