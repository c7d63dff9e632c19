import { create } from 'zustand';
import type {
  CustomSessionRequest,
  CustomStudyOptions,
} from '../../../../shared/contract/custom-study.ts';
import { ContractError } from '../../../../shared/contract/errors.ts';
import { api } from '../../api.ts';
import { onLearnerDataReplaced } from '../../stores/learner-data.ts';
import { answerDuration, type Rating } from '../flashcards/session.ts';
import { afterAnswer, skipCurrent, startRun, type SessionRun } from './model.ts';

interface CustomStudyState {
  readonly options: CustomStudyOptions | undefined;
  readonly optionsError: string | undefined;
  /** The session on screen, if one was started; kept when it ends, for its summary. */
  readonly run: SessionRun | undefined;
  readonly revealed: boolean;
  readonly busy: boolean;
  readonly message: { readonly kind: 'info' | 'error'; readonly text: string } | undefined;
  readonly loadOptions: () => Promise<void>;
  /** Allows `count` more new cards today; resolves to the new cards now available. */
  readonly addExtraNew: (count: number) => Promise<number>;
  readonly start: (request: CustomSessionRequest) => Promise<boolean>;
  readonly reveal: () => void;
  readonly rate: (rating: Rating) => Promise<void>;
  /** Back to the choices. */
  readonly close: () => void;
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

let shownAt = 0;

const initial = {
  options: undefined,
  optionsError: undefined,
  run: undefined,
  revealed: false,
  busy: false,
  message: undefined,
};

/** Custom study: the choices (custom.options) and the session started from them. */
export const useCustomStudy = create<CustomStudyState>()((set, get) => ({
  ...initial,
  loadOptions: async () => {
    try {
      set({ options: await api.custom.options(), optionsError: undefined });
    } catch (error) {
      set({ optionsError: messageOf(error) });
    }
  },
  addExtraNew: async (count) => {
    const counts = await api.custom.extraNew({ count });
    void get().loadOptions();
    return counts.new;
  },
  start: async (request) => {
    set({ busy: true, message: undefined });
    try {
      const session = await api.custom.start(request);
      if (session.cards.length === 0) {
        set({ busy: false, message: { kind: 'info', text: `${session.title}: no cards match.` } });
        return false;
      }
      shownAt = performance.now();
      set({ run: startRun(session), revealed: false, busy: false });
      return true;
    } catch (error) {
      set({ busy: false, message: { kind: 'error', text: messageOf(error) } });
      return false;
    }
  },
  reveal: () => set({ revealed: true }),
  rate: async (rating) => {
    const { run, busy, revealed } = get();
    const item = run?.queue[0];
    if (!run || !item || busy || !revealed) return;
    set({ busy: true });
    const durationMs = answerDuration(shownAt, performance.now());
    try {
      if (run.cram) {
        await api.custom.cram({ cardId: item.card.id, rating, durationMs });
      } else {
        await api.review.answer({
          cardId: item.card.id,
          rating,
          durationMs,
          expectedVersion: item.stateVersion,
        });
      }
      set({ run: afterAnswer(run, rating), revealed: false, busy: false, message: undefined });
    } catch (error) {
      const stale = error instanceof ContractError && error.code === 'stale-state';
      set({
        ...(stale ? { run: skipCurrent(run), revealed: false } : {}),
        busy: false,
        message: {
          kind: 'error',
          text: stale
            ? 'That card changed elsewhere after it was shown, so it was left out of this session.'
            : messageOf(error),
        },
      });
    }
    shownAt = performance.now();
  },
  close: () => {
    set({ run: undefined, revealed: false, message: undefined });
    void get().loadOptions();
  },
}));

// Progress restored, imported or reset elsewhere: the session's cards no longer hold.
onLearnerDataReplaced(() => {
  useCustomStudy.setState({ ...initial });
});
