import { create } from 'zustand';
import type {
  PublicQuizItem,
  QuizFeedback,
  QuizFinish,
  QuizResume,
  QuizScheduleEffect,
  QuizStart,
  QuizStartRequest,
} from '../../../../../shared/contract/quiz.ts';
import { ContractError } from '../../../../../shared/contract/errors.ts';
import { maxQuizQuestions } from '../../../../../shared/contract/quiz-limits.ts';
import { api } from '../../../api.ts';
import { initialDraft, responseOf, type ResponseDraft } from '../model/responses.ts';
import { nextOpenPosition, withTimeOn } from '../model/navigation.ts';
import { mistakesOf } from '../model/results.ts';
import { messageOf, useQuizSetup } from './setup-store.ts';
import { onStudyPackChanged } from '../../../stores/learner-data.ts';

export type RunnerPhase = 'idle' | 'starting' | 'running' | 'finishing' | 'results';

/** Marks for the feedback latency (answer sent → feedback on screen); `npm run bench` reads them. */
export const answerSentMark = 'quiz:answer-sent';
export const feedbackMeasure = 'quiz:feedback';

interface RunnerState {
  readonly phase: RunnerPhase;
  readonly session: QuizStart | undefined;
  readonly items: Readonly<Record<string, PublicQuizItem>>;
  /** Item ids in the quiz's order: a question's number is its place here, whatever is skipped. */
  readonly order: readonly string[];
  readonly position: number;
  readonly drafts: Readonly<Record<string, ResponseDraft>>;
  /** Practice mode: the feedback of each answered item. */
  readonly feedback: Readonly<Record<string, QuizFeedback>>;
  readonly answered: Readonly<Record<string, true>>;
  /** Questions the learner marked (stored: the question bank's "marked" pool). */
  readonly marked: Readonly<Record<string, true>>;
  /** Time already spent on each question before it was left unanswered (skipped, gone back). */
  readonly spent: Readonly<Record<string, number>>;
  /** Practice mode: what each answer did to the flashcard schedule. */
  readonly schedule: Readonly<Record<string, QuizScheduleEffect>>;
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
  /** Shows the question at `position` (exam navigator, previous and next). */
  readonly goTo: (position: number) => void;
  /** Marks or unmarks the current question. */
  readonly toggleMark: () => Promise<void>;
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
  marked: {},
  spent: {},
  schedule: {},
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
        marked: markedOf(session),
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
      marked: markedOf(session),
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
    const spent = withTimeOn(state.spent, item.id, state.shownAt, performance.now());
    const durationMs = Math.min(3_600_000, Math.round(spent[item.id] ?? 0));
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
          schedule: { ...s.schedule, [item.id]: answer.schedule },
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
        schedule: { ...s.schedule, [item.id]: answer.schedule },
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
    const next = nextOpenPosition(state.order, state.position, state.answered);
    if (next === undefined || next === state.position) return;
    set({
      position: next,
      spent: withTimeOn(state.spent, id, state.shownAt, performance.now()),
      shownAt: performance.now(),
      error: undefined,
      status: 'Skipped; it keeps its number and comes round again.',
      orderingCursor: undefined,
    });
  },

  goTo: (position) => {
    const state = get();
    if (state.phase !== 'running' || state.pending || position === state.position) return;
    if (position < 0 || position >= state.order.length) return;
    const id = state.order[state.position];
    set({
      position,
      spent:
        id !== undefined && !state.answered[id]
          ? withTimeOn(state.spent, id, state.shownAt, performance.now())
          : state.spent,
      shownAt: performance.now(),
      error: undefined,
      status: '',
      orderingCursor: undefined,
    });
  },

  toggleMark: async () => {
    const state = get();
    const id = state.order[state.position];
    if (state.phase !== 'running' || id === undefined) return;
    const marked = !state.marked[id];
    try {
      await api.quiz.mark({ itemId: id, marked });
      const others = Object.fromEntries(
        Object.entries(get().marked).filter(([other]) => other !== id),
      );
      set({
        marked: marked ? { ...others, [id]: true } : others,
        status: marked ? 'Marked for review.' : 'Mark removed.',
        error: undefined,
      });
      useQuizSetup.getState().forgetCount();
    } catch (error) {
      set({ error: messageOf(error) });
    }
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
      useQuizSetup.getState().forgetCount();
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

function markedOf(session: QuizStart): Record<string, true> {
  return Object.fromEntries(session.marked.map((id) => [id, true as const]));
}

// What this store holds is the pack studied: forgotten when another is chosen.
onStudyPackChanged(() => useQuizRunner.setState(useQuizRunner.getInitialState(), true));
