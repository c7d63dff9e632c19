import { create } from 'zustand';
import type {
  QuizCount,
  QuizCountRequest,
  QuizOptionsInfo,
  QuizResume,
} from '../../../../../shared/contract/quiz.ts';
import type { QuizSessionSummary } from '../../../../../shared/contract/quiz-records.ts';
import { api } from '../../../api.ts';
import { resolvePrefill, type QuizPrefill } from '../model/prefill.ts';
import { defaultDraft, filterKey, type SetupDraft } from '../model/setup.ts';
import { onStudyPackChanged } from '../../../stores/learner-data.ts';

type Loadable<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'error'; readonly message: string };

interface SetupState {
  readonly options: Loadable<QuizOptionsInfo>;
  /** Undefined until the options arrive (the defaults depend on them). */
  readonly draft: SetupDraft | undefined;
  /**
   * How many questions the current filter allows. The last answer stays shown while a newer
   * filter is being counted; an older filter's late answer never replaces a newer one.
   */
  readonly count: {
    readonly key: string;
    readonly value: QuizCount | undefined;
    readonly pending: boolean;
    readonly error: string | undefined;
  };
  readonly history: Loadable<readonly QuizSessionSummary[]>;
  /** The newest quiz started and never finished (a reload, a restart), offered to resume. */
  readonly unfinished: Loadable<QuizResume | null>;
  /** What a link asked for that the pack does not have. */
  readonly ignoredPrefill: readonly string[];
  readonly loadOptions: () => Promise<void>;
  readonly update: (patch: Partial<SetupDraft>) => void;
  readonly applyPrefill: (prefill: QuizPrefill) => void;
  readonly loadCount: (filter: QuizCountRequest) => Promise<void>;
  /** The quiz records changed (a quiz was taken, a question marked): count again when shown. */
  readonly forgetCount: () => void;
  readonly loadHistory: () => Promise<void>;
  readonly loadUnfinished: () => Promise<void>;
}

export const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** The setup form: what the pack offers, the learner's choices, the live count, past quizzes. */
export const useQuizSetup = create<SetupState>()((set, get) => ({
  options: { status: 'idle' },
  draft: undefined,
  count: { key: '', value: undefined, pending: false, error: undefined },
  history: { status: 'idle' },
  unfinished: { status: 'idle' },
  ignoredPrefill: [],

  loadOptions: async () => {
    const current = get().options.status;
    if (current === 'loading' || current === 'ready') return;
    set({ options: { status: 'loading' } });
    try {
      const options = await api.quiz.options();
      set((state) => ({
        options: { status: 'ready', value: options },
        draft: state.draft ?? defaultDraft(options),
      }));
    } catch (error) {
      set({ options: { status: 'error', message: messageOf(error) } });
    }
  },

  update: (patch) => {
    const draft = get().draft;
    if (draft) set({ draft: { ...draft, ...patch }, ignoredPrefill: [] });
  },

  applyPrefill: (prefill) => {
    const options = get().options;
    if (options.status !== 'ready') return;
    const { draft, ignored } = resolvePrefill(prefill, options.value);
    set({ draft, ignoredPrefill: ignored });
  },

  loadCount: async (filter) => {
    const key = filterKey(filter);
    set((state) => ({ count: { ...state.count, key, pending: true } }));
    try {
      const value = await api.quiz.count(filter);
      if (get().count.key === key) set({ count: { key, value, pending: false, error: undefined } });
    } catch (error) {
      if (get().count.key === key)
        set({ count: { key, value: undefined, pending: false, error: messageOf(error) } });
    }
  },

  forgetCount: () => set((state) => ({ count: { ...state.count, key: '' } })),

  loadHistory: async () => {
    if (get().history.status === 'idle') set({ history: { status: 'loading' } });
    try {
      set({ history: { status: 'ready', value: await api.quiz.history({ limit: 20 }) } });
    } catch (error) {
      set({ history: { status: 'error', message: messageOf(error) } });
    }
  },

  loadUnfinished: async () => {
    if (get().unfinished.status === 'idle') set({ unfinished: { status: 'loading' } });
    try {
      set({ unfinished: { status: 'ready', value: await api.quiz.unfinished() } });
    } catch (error) {
      set({ unfinished: { status: 'error', message: messageOf(error) } });
    }
  },
}));

// What this store holds is the pack studied: forgotten when another is chosen.
onStudyPackChanged(() => useQuizSetup.setState(useQuizSetup.getInitialState(), true));
