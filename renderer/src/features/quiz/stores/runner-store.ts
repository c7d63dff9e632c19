import { create } from 'zustand';
import type {
  PublicQuizItem,
  QuizFeedback,
  QuizFinish,
  QuizResume,
  QuizStart,
  QuizStartRequest,
} from '../../../../../shared/contract/quiz.ts';
import { ContractError } from '../../../../../shared/contract/errors.ts';
import { maxQuizQuestions } from '../../../../../shared/contract/quiz-limits.ts';
import { api } from '../../../api.ts';
import { initialDraft, responseOf, type ResponseDraft } from '../model/responses.ts';
import { mistakesOf } from '../model/results.ts';
import { messageOf, useQuizSetup } from './setup-store.ts';

export type RunnerPhase = 'idle' | 'starting' | 'running' | 'finishing' | 'results';

/** Marks for the feedback latency (answer sent → feedback on screen); `npm run bench` reads them. */
export const answerSentMark = 'quiz:answer-sent';
export const feedbackMeasure = 'quiz:feedback';

interface RunnerState {
  readonly phase: RunnerPhase;
  readonly session: QuizStart | undefined;
  readonly items: Readonly<Record<string, PublicQuizItem>>;
  /** Item ids in the order they are asked; a skipped item moves to the end. */
  readonly order: readonly string[];
  readonly position: number;
  readonly drafts: Readonly<Record<string, ResponseDraft>>;
  /** Practice mode: the feedback of each answered item. */
  readonly feedback: Readonly<Record<string, QuizFeedback>>;
  readonly answered: Readonly<Record<string, true>>;
  /** An answer is on its way to main. */
  readonly pending: boolean;
  readonly error: string | undefined;
  /** When the current item appeared (performance.now()), for the answer's duration. */
  readonly shownAt: number;
  readonly results: QuizFinish | undefined;
  /** Results of the quiz just taken, or of a past one opened from the list. */
  readonly resultsFrom: 'quiz' | 'history';
  readonly timeUp: boolean;
  /** Polite status text: "Answer saved", "Time is up". */
  readonly status: string;
  /** Ordering items: the step whose row has focus (Alt+↑/↓ move it). */
  readonly orderingCursor: string | undefined;

  readonly start: (request: QuizStartRequest) => Promise<void>;
  /** Carries on a quiz left unfinished, at its first unanswered question. */
  readonly resume: (unfinished: QuizResume) => Promise<void>;
  readonly setDraft: (itemId: string, draft: ResponseDraft) => void;
  readonly setOrderingCursor: (stepId: string | undefined) => void;
  readonly submit: () => Promise<void>;
  /** "I was right": the current item's typed answer, marked wrong, counts right. */
  readonly claimRight: () => Promise<void>;
  readonly next: () => void;
  readonly skip: () => void;
  readonly finish: (reason?: 'time-up') => Promise<void>;
  readonly review: (sessionId: string) => Promise<void>;
  readonly retryMistakes: () => Promise<void>;
  readonly reset: () => void;
}

const fresh = {
  phase: 'idle',
  session: undefined,
  items: {},
  order: [],
  position: 0,
  drafts: {},
  feedback: {},
  answered: {},
  pending: false,
  error: undefined,
  shownAt: 0,
  results: undefined,
  resultsFrom: 'quiz',
  timeUp: false,
  status: '',
  orderingCursor: undefined,
} as const satisfies Partial<RunnerState>;

/** The item being asked, if a quiz is running. */
export function currentItem(state: {
  readonly items: Readonly<Record<string, PublicQuizItem>>;
  readonly order: readonly string[];
  readonly position: number;
}): PublicQuizItem | undefined {
  const id = state.order[state.position];
  return id === undefined ? undefined : state.items[id];
}

/** The next unanswered position after the current one, wrapping round; undefined when done. */
function nextOpenPosition(
  order: readonly string[],
  position: number,
  answered: Readonly<Record<string, true>>,
): number | undefined {
  for (let step = 1; step <= order.length; step++) {
    const candidate = (position + step) % order.length;
    const id = order[candidate];
    if (id !== undefined && !answered[id]) return candidate;
  }
  return undefined;
}

/** The quiz being taken: items, the learner's drafts, answers and feedback, then the results. */
export const useQuizRunner = create<RunnerState>()((set, get) => ({
  ...fresh,

  start: async (request) => {
    if (get().phase === 'starting') return;
    set({ ...fresh, phase: 'starting' });
    try {
      const session = await api.quiz.start(request);
      set({
        ...fresh,
        phase: 'running',
        session,
        items: Object.fromEntries(session.items.map((item) => [item.id, item])),
        order: session.items.map((item) => item.id),
        drafts: Object.fromEntries(session.items.map((item) => [item.id, initialDraft(item)])),
        shownAt: performance.now(),
      });
    } catch (error) {
      set({ ...fresh, error: messageOf(error) });
    }
  },

  resume: async ({ session, answered: done }) => {
    const order = session.items.map((item) => item.id);
    const answered: Record<string, true> = Object.fromEntries(
      done.map(({ itemId }) => [itemId, true as const]),
    );
    const feedback = Object.fromEntries(
      done.flatMap(({ itemId, feedback }) => (feedback ? [[itemId, feedback] as const] : [])),
    );
    const position = order.findIndex((id) => !answered[id]);
    set({
      ...fresh,
      phase: 'running',
      session,
      items: Object.fromEntries(session.items.map((item) => [item.id, item])),
      order,
      position: Math.max(0, position),
      drafts: Object.fromEntries(session.items.map((item) => [item.id, initialDraft(item)])),
      answered,
      feedback,
      shownAt: performance.now(),
    });
    // Every question was answered before the interruption: only the marking is left.
    if (position === -1) {
      await get().finish();
      return;
    }
    // A live region is not read out for text it already holds when it appears: say it after.
    setTimeout(() => {
      if (get().session?.sessionId === session.sessionId && get().phase === 'running')
        set({ status: `Resumed: ${done.length} of ${order.length} answered.` });
    }, 150);
  },

  setDraft: (itemId, draft) => {
    if (get().answered[itemId]) return;
    set((state) => ({ drafts: { ...state.drafts, [itemId]: draft } }));
  },

  setOrderingCursor: (stepId) => set({ orderingCursor: stepId }),

  submit: async () => {
    const state = get();
    const item = currentItem(state);
    const draft = item ? state.drafts[item.id] : undefined;
    if (!state.session || !item || !draft || state.pending || state.answered[item.id]) return;
    const response = responseOf(draft);
    if (!response) return;
    const durationMs = Math.min(
      3_600_000,
      Math.max(0, Math.round(performance.now() - state.shownAt)),
    );
    set({ pending: true, error: undefined });
    performance.clearMarks(answerSentMark);
    performance.mark(answerSentMark);
    try {
      const answer = await api.quiz.answer({
        sessionId: state.session.sessionId,
        itemId: item.id,
        response,
        durationMs,
      });
      const answered = { ...get().answered, [item.id]: true as const };
      if (answer.mode === 'practice') {
        set((s) => ({
          pending: false,
          answered,
          feedback: { ...s.feedback, [item.id]: answer.feedback },
        }));
        return;
      }
      set({ pending: false, answered });
      const next = nextOpenPosition(get().order, get().position, answered);
      if (next === undefined) {
        await get().finish();
        return;
      }
      set({
        position: next,
        shownAt: performance.now(),
        status: `Answer saved. ${answer.answered} of ${answer.total} answered.`,
        orderingCursor: undefined,
      });
    } catch (error) {
      set({ pending: false, error: messageOf(error) });
      // Refused after the exam's deadline: nothing more can be answered, so close the quiz.
      if (error instanceof ContractError && error.code === 'conflict' && state.session.deadline)
        await get().finish('time-up');
    }
  },

  claimRight: async () => {
    const state = get();
    const item = currentItem(state);
    if (!state.session || !item || state.pending || !state.feedback[item.id]?.claimable) return;
    set({ pending: true, error: undefined });
    try {
      const answer = await api.quiz.claimRight({
        sessionId: state.session.sessionId,
        itemId: item.id,
      });
      if (answer.mode !== 'practice') throw new Error('A claim is answered in practice mode.');
      set((s) => ({
        pending: false,
        feedback: { ...s.feedback, [item.id]: answer.feedback },
        status: 'Counted as right, as you said.',
      }));
    } catch (error) {
      set({ pending: false, error: messageOf(error) });
    }
  },

  next: () => {
    const state = get();
    if (state.phase !== 'running') return;
    const next = nextOpenPosition(state.order, state.position, state.answered);
    if (next === undefined) {
      void get().finish();
      return;
    }
    set({
      position: next,
      shownAt: performance.now(),
      error: undefined,
      status: '',
      orderingCursor: undefined,
    });
  },

  skip: () => {
    const state = get();
    const id = state.order[state.position];
    if (state.phase !== 'running' || id === undefined || state.answered[id]) return;
    const open = state.order.filter((other) => other !== id && !state.answered[other]);
    if (open.length === 0) return;
    const order = [...state.order.filter((other) => other !== id), id];
    const position = order.findIndex((other) => !state.answered[other]);
    set({
      order,
      position,
      shownAt: performance.now(),
      error: undefined,
      status: 'Skipped; it comes back at the end.',
      orderingCursor: undefined,
    });
  },

  finish: async (reason) => {
    const state = get();
    if (!state.session || state.phase !== 'running') return;
    set({
      phase: 'finishing',
      timeUp: reason === 'time-up',
      status: reason === 'time-up' ? 'Time is up. Your answers are being marked.' : '',
    });
    try {
      const results = await api.quiz.finish({ sessionId: state.session.sessionId });
      set({ phase: 'results', results, resultsFrom: 'quiz', error: undefined });
      void useQuizSetup.getState().loadHistory();
      void useQuizSetup.getState().loadUnfinished();
    } catch (error) {
      set({ phase: 'running', error: messageOf(error) });
    }
  },

  review: async (sessionId) => {
    set({ ...fresh, phase: 'finishing' });
    try {
      const results = await api.quiz.finish({ sessionId });
      set({ phase: 'results', results, resultsFrom: 'history' });
    } catch (error) {
      set({ ...fresh, error: messageOf(error) });
    }
  },

  retryMistakes: async () => {
    const results = get().results;
    if (!results) return;
    const mistakes = mistakesOf(results.results).length;
    if (mistakes === 0) return;
    await get().start({
      mode: 'practice',
      count: Math.min(maxQuizQuestions, mistakes),
      retryMistakesOf: results.summary.sessionId,
    });
  },

  reset: () => set({ ...fresh }),
}));
