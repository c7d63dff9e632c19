import { create } from 'zustand';
import type { PrintCardSheet, PrintExam } from '../../../../shared/contract/print.ts';
import type { QuizOptionsInfo } from '../../../../shared/contract/quiz.ts';
import { api } from '../../api.ts';
import { examRequest, freshSeed, type ExamDraft } from './model.ts';
import { onStudyPackChanged } from '../../stores/learner-data.ts';

export type PrintDocumentKind = 'exam' | 'cards' | 'pathways';

export type PreparedDocument =
  | { readonly kind: 'exam'; readonly exam: PrintExam }
  | { readonly kind: 'cards'; readonly sheets: PrintCardSheet }
  | { readonly kind: 'pathways' };

type Loadable<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'error'; readonly message: string };

/** What the pack offers (kinds, topics, from the quiz's own options) and its title. */
export interface PrintOptions {
  readonly quiz: QuizOptionsInfo;
  readonly packTitle: string;
}

interface PrintState {
  readonly options: Loadable<PrintOptions>;
  readonly kind: PrintDocumentKind;
  readonly exam: ExamDraft;
  /** Card sheets: the topics chosen; none means every topic. */
  readonly cardTopics: readonly string[];
  readonly prepared: Loadable<PreparedDocument>;
  readonly loadOptions: () => Promise<void>;
  readonly choose: (kind: PrintDocumentKind) => void;
  readonly updateExam: (patch: Partial<ExamDraft>) => void;
  readonly setCardTopics: (topics: readonly string[]) => void;
  readonly prepare: () => Promise<void>;
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** The print screen: which document, its choices, and the document made from them. */
export const usePrint = create<PrintState>()((set, get) => ({
  options: { status: 'idle' },
  kind: 'exam',
  exam: { kinds: [], topics: [], count: 20, seed: freshSeed() },
  cardTopics: [],
  prepared: { status: 'idle' },

  loadOptions: async () => {
    const status = get().options.status;
    if (status === 'loading' || status === 'ready') return;
    set({ options: { status: 'loading' } });
    try {
      const [quiz, packs] = await Promise.all([api.quiz.options(), api.pack.list()]);
      const packTitle = packs.find((pack) => pack.active)?.title ?? 'Pathwise';
      set({ options: { status: 'ready', value: { quiz, packTitle } } });
    } catch (error) {
      set({ options: { status: 'error', message: messageOf(error) } });
    }
  },

  // A document made from other choices is no longer what the form says: it goes.
  choose: (kind) => set({ kind, prepared: { status: 'idle' } }),
  updateExam: (patch) =>
    set((s) => ({ exam: { ...s.exam, ...patch }, prepared: { status: 'idle' } })),
  setCardTopics: (cardTopics) => set({ cardTopics, prepared: { status: 'idle' } }),

  prepare: async () => {
    const { kind, exam, cardTopics, options } = get();
    set({ prepared: { status: 'loading' } });
    try {
      let document: PreparedDocument;
      if (kind === 'exam') {
        if (options.status !== 'ready') throw new Error('The question kinds are not loaded yet.');
        document = { kind, exam: await api.print.exam(examRequest(exam, options.value.quiz)) };
      } else if (kind === 'cards') {
        document = { kind, sheets: await api.print.cards({ topics: [...cardTopics] }) };
      } else {
        document = { kind };
      }
      // Choices changed while it was being made: that document is not the one asked for now.
      if (get().prepared.status === 'loading' && get().kind === kind)
        set({ prepared: { status: 'ready', value: document } });
    } catch (error) {
      set({ prepared: { status: 'error', message: messageOf(error) } });
    }
  },
}));

// What this store holds is the pack studied: forgotten when another is chosen.
onStudyPackChanged(() => usePrint.setState(usePrint.getInitialState(), true));
