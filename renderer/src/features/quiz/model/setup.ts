import type {
  QuizCountRequest,
  QuizMode,
  QuizPool,
  QuizOptionsInfo,
  QuizStartRequest,
} from '../../../../../shared/contract/quiz.ts';
import {
  maxQuizQuestions,
  maxTimeLimitMinutes,
} from '../../../../../shared/contract/quiz-limits.ts';
import type { QuizKind } from '../../../../../shared/engine/types.ts';

/** The setup form as the learner fills it in. Empty topics, '' pathway or disease mean "any". */
export interface SetupDraft {
  /** The question bank's pool: every question, or only unused, incorrect or marked ones. */
  readonly pool: QuizPool;
  readonly kinds: readonly QuizKind[];
  readonly topics: readonly string[];
  readonly pathwayId: string;
  readonly diseaseId: string;
  readonly highYieldOnly: boolean;
  readonly count: number;
  readonly mode: QuizMode;
  /** Exam only: whether a time limit applies, and how long it is. */
  readonly timed: boolean;
  readonly minutes: number;
}

export const defaultCount = 10;
export const defaultMinutes = 15;

/** Every kind the pack has items of, no other filter, ten practice questions. */
export function defaultDraft(options: QuizOptionsInfo): SetupDraft {
  return {
    pool: 'all',
    kinds: offeredKinds(options),
    topics: [],
    pathwayId: '',
    diseaseId: '',
    highYieldOnly: false,
    count: defaultCount,
    mode: 'practice',
    timed: false,
    minutes: defaultMinutes,
  };
}

export function offeredKinds(options: QuizOptionsInfo): QuizKind[] {
  return options.kinds.filter((kind) => kind.count > 0).map((kind) => kind.id);
}

export function clampCount(count: number): number {
  if (!Number.isFinite(count)) return defaultCount;
  return Math.min(maxQuizQuestions, Math.max(1, Math.round(count)));
}

export function clampMinutes(minutes: number): number {
  if (!Number.isFinite(minutes)) return defaultMinutes;
  return Math.min(maxTimeLimitMinutes, Math.max(1, Math.round(minutes)));
}

/** The filter the draft describes; a filter left at "all" is omitted. */
export function draftFilter(draft: SetupDraft, options: QuizOptionsInfo): QuizCountRequest {
  const offered = offeredKinds(options);
  const allKinds = offered.every((kind) => draft.kinds.includes(kind));
  return {
    ...(allKinds ? {} : { kinds: offered.filter((kind) => draft.kinds.includes(kind)) }),
    ...(draft.topics.length > 0 ? { topics: [...draft.topics] } : {}),
    ...(draft.pathwayId ? { pathwayIds: [draft.pathwayId] } : {}),
    ...(draft.diseaseId ? { diseaseIds: [draft.diseaseId] } : {}),
    ...(draft.highYieldOnly ? { highYieldOnly: true } : {}),
    ...(draft.pool === 'all' ? {} : { pool: draft.pool }),
  };
}

/** A stable key for a filter, to tell a stale count from the current one. */
export function filterKey(filter: QuizCountRequest): string {
  return JSON.stringify(filter);
}

export function startRequest(draft: SetupDraft, options: QuizOptionsInfo): QuizStartRequest {
  return {
    mode: draft.mode,
    count: clampCount(draft.count),
    ...draftFilter(draft, options),
    ...(draft.mode === 'exam' && draft.timed
      ? { timeLimitMinutes: clampMinutes(draft.minutes) }
      : {}),
  };
}

/**
 * What the form says about the size of the quiz it will start: how many questions match before
 * the size limit applies, and when the limit caps them.
 */
export function matchSummary(requested: number, questions: number): string {
  if (questions === 0)
    return 'No questions match these choices. Widen the pool, kinds, topics or filters.';
  const noun = (n: number) => (n === 1 ? 'question matches' : 'questions match');
  if (questions > maxQuizQuestions)
    return `${questions} questions match; a quiz holds at most ${maxQuizQuestions}.`;
  if (questions < requested)
    return `Only ${questions} ${noun(questions)}, so the quiz will have ${questions}.`;
  return `${questions} ${noun(questions)} these choices.`;
}
