/* eslint-disable @typescript-eslint/no-deprecated -- ts-fsrs 5.4 still requires elapsed_days and
   last_elapsed_days (6.0 drops them); this wrapper is the one place that upgrade will touch. */
import {
  Rating as FsrsRating,
  State,
  computeDecayFactor,
  createEmptyCard,
  forgetting_curve,
  fsrs,
  type Card,
  type FSRS,
  type Grade,
  type IPreview,
  type ReviewLog,
} from 'ts-fsrs';

/**
 * The only module that imports ts-fsrs. Everything else speaks these plain, serialisable types
 * (epoch milliseconds, string unions), so a ts-fsrs upgrade with another API touches this file only.
 */

export const ratings = ['again', 'hard', 'good', 'easy'] as const;
export type Rating = (typeof ratings)[number];

export const phases = ['new', 'learning', 'review', 'relearning'] as const;
export type Phase = (typeof phases)[number];

/** A card's memory state. Times are epoch milliseconds. */
export interface MemoryState {
  readonly phase: Phase;
  readonly due: number;
  readonly stability: number;
  readonly difficulty: number;
  readonly elapsedDays: number;
  readonly scheduledDays: number;
  readonly learningSteps: number;
  readonly reps: number;
  readonly lapses: number;
  readonly lastReview: number | null;
}

export interface SchedulerConfig {
  /** Probability of recall the schedule aims for when a card comes due (0.70–0.99). */
  readonly desiredRetention: number;
  /** Spread intervals a little so cards learned together do not stay together; off in tests. */
  readonly fuzz: boolean;
  /** FSRS-6 weights fitted to the learner (Settings › Optimise); the pinned defaults when absent. */
  readonly weights?: readonly number[] | undefined;
}

export const defaultDesiredRetention = 0.9;

/** What undoing a rating needs to know about it (the scheduler's own review log, in our terms). */
export interface RatingLog {
  readonly rating: Rating;
  readonly phase: Phase;
  readonly due: number;
  readonly stability: number;
  readonly difficulty: number;
  readonly elapsedDays: number;
  readonly lastElapsedDays: number;
  readonly scheduledDays: number;
  readonly learningSteps: number;
  readonly review: number;
}

export interface NextState {
  readonly state: MemoryState;
  /** From the moment of answering to the new due time: what the answer button shows. */
  readonly intervalMs: number;
}

export interface PreviewedStates {
  readonly current: MemoryState;
  readonly next: Readonly<Record<Rating, NextState>>;
}

const phaseToState: Record<Phase, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};
const ratingToGrade: Record<Rating, Grade> = {
  again: FsrsRating.Again,
  hard: FsrsRating.Hard,
  good: FsrsRating.Good,
  easy: FsrsRating.Easy,
};

/**
 * The scheduler's parameters, written out rather than taken from the library's defaults, so that
 * replaying the event log after a ts-fsrs update schedules every past answer exactly as before.
 * (These are ts-fsrs 5.4's defaults: FSRS-6 weights, 1m/10m learning and 10m relearning steps.)
 */
const pinnedParameters = {
  w: [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
    0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
  ],
  learning_steps: ['1m', '10m'],
  relearning_steps: ['10m'],
  maximum_interval: 36_500,
  enable_short_term: true,
} as const;

/** FSRS-6's 21 default weights: what the scheduler uses until the learner applies fitted ones. */
export const defaultWeights: readonly number[] = pinnedParameters.w;

const instances = new Map<string, FSRS>();
/**
 * The schedulers made for one weights array, by retention and fuzz: a replay asks for its
 * scheduler once per rating, a million times after a first sync, nearly always with the same
 * array, and writing out and hashing its 21 weights each time cost a fifth of the replay's FSRS
 * time. Arrays are only ever read (`readonly`); equal weights in another array still share an
 * instance through `instances`.
 */
const byWeights = new WeakMap<readonly number[], Map<string, FSRS>>();

function scheduler(config: SchedulerConfig): FSRS {
  const weights = config.weights ?? pinnedParameters.w;
  let forWeights = byWeights.get(weights);
  if (!forWeights) {
    forWeights = new Map();
    byWeights.set(weights, forWeights);
  }
  const setting = `${config.desiredRetention}|${config.fuzz}`;
  let instance = forWeights.get(setting);
  if (!instance) {
    instance = sharedScheduler(config, weights);
    forWeights.set(setting, instance);
  }
  return instance;
}

function sharedScheduler(config: SchedulerConfig, weights: readonly number[]): FSRS {
  const key = `${config.desiredRetention}|${config.fuzz}|${weights.join(',')}`;
  let instance = instances.get(key);
  if (!instance) {
    instance = fsrs({
      request_retention: config.desiredRetention,
      enable_fuzz: config.fuzz,
      ...pinnedParameters,
      w: [...weights],
    });
    instances.set(key, instance);
  }
  return instance;
}

function stateToPhase(state: State): Phase {
  switch (state) {
    case State.New:
      return 'new';
    case State.Learning:
      return 'learning';
    case State.Review:
      return 'review';
    case State.Relearning:
      return 'relearning';
  }
}

function gradeToRating(rating: FsrsRating): Rating {
  switch (rating) {
    case FsrsRating.Again:
      return 'again';
    case FsrsRating.Hard:
      return 'hard';
    case FsrsRating.Good:
      return 'good';
    case FsrsRating.Easy:
      return 'easy';
    case FsrsRating.Manual:
      throw new Error('Manual ratings are never recorded.');
  }
}

function toCard(state: MemoryState): Card {
  const card: Card = {
    due: new Date(state.due),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: phaseToState[state.phase],
  };
  if (state.lastReview !== null) card.last_review = new Date(state.lastReview);
  return card;
}

function fromCard(card: Card): MemoryState {
  return {
    phase: stateToPhase(card.state),
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.last_review ? card.last_review.getTime() : null,
  };
}

function fromLog(log: ReviewLog): RatingLog {
  return {
    rating: gradeToRating(log.rating),
    phase: stateToPhase(log.state),
    due: log.due.getTime(),
    stability: log.stability,
    difficulty: log.difficulty,
    elapsedDays: log.elapsed_days,
    lastElapsedDays: log.last_elapsed_days,
    scheduledDays: log.scheduled_days,
    learningSteps: log.learning_steps,
    review: log.review.getTime(),
  };
}

function toLog(log: RatingLog): ReviewLog {
  return {
    rating: ratingToGrade[log.rating],
    state: phaseToState[log.phase],
    due: new Date(log.due),
    stability: log.stability,
    difficulty: log.difficulty,
    elapsed_days: log.elapsedDays,
    last_elapsed_days: log.lastElapsedDays,
    scheduled_days: log.scheduledDays,
    learning_steps: log.learningSteps,
    review: new Date(log.review),
  };
}

/** The state of a card never rated, as first seen at `at`. */
export function newCardState(at: number): MemoryState {
  return fromCard(createEmptyCard(new Date(at)));
}

/**
 * When a rating given at `at` takes effect: never before the card's last review. A clock set back
 * (by the learner, or by a device whose clock ran fast) must not make time run backwards for a
 * card; ts-fsrs refuses a negative elapsed time ("Invalid delta_t"). Replaying a log in order never
 * needs this, so it changes no stored history.
 */
export function effectiveTime(state: Pick<MemoryState, 'lastReview'>, at: number): number {
  return state.lastReview === null ? at : Math.max(at, state.lastReview);
}

/**
 * The current state and the state each of the four answers would lead to, answered at `at` (or at
 * the card's last review, if the clock now reads earlier).
 */
export function previewStates(
  state: MemoryState,
  at: number,
  config: SchedulerConfig,
): PreviewedStates {
  const effective = effectiveTime(state, at);
  const outcomes = orderedOutcomes(scheduler(config).repeat(toCard(state), new Date(effective)));
  const next = (rating: Rating): NextState => {
    const card = outcomes[rating];
    return { state: fromCard(card), intervalMs: card.due.getTime() - effective };
  };
  return {
    current: state,
    next: { again: next('again'), hard: next('hard'), good: next('good'), easy: next('easy') },
  };
}

/** The state after answering `rating` at `at` (or at the card's last review, if later). */
export function applyRating(
  state: MemoryState,
  at: number,
  rating: Rating,
  config: SchedulerConfig,
): { readonly state: MemoryState; readonly log: RatingLog } {
  const when = new Date(effectiveTime(state, at));
  if (rating !== 'easy' && rating !== 'hard') {
    const item = scheduler(config).next(toCard(state), when, ratingToGrade[rating]);
    return { state: fromCard(item.card), log: fromLog(item.log) };
  }
  // `next` is one entry of `repeat` (both review the same card at the same time), so one call
  // gives the log and the outcomes to order: a replay of a million events makes half as many.
  const preview = scheduler(config).repeat(toCard(state), when);
  const card = orderedOutcomes(preview)[rating];
  return { state: fromCard(card), log: fromLog(preview[ratingToGrade[rating]].log) };
}

/**
 * Each answer's next card, with Hard never due after Good and Easy always at least a day after
 * Good once the card is in review, as Anki does: on a relearning card FSRS can round Good and
 * Easy to the same day, and then the Easy button means nothing. Memory state (stability,
 * difficulty) is FSRS's own; only when the card comes back moves.
 */
function orderedOutcomes(preview: IPreview): Record<Rating, Card> {
  const good = preview[FsrsRating.Good].card;
  const hard = preview[FsrsRating.Hard].card;
  const easy = preview[FsrsRating.Easy].card;
  const inReview = (card: Card): boolean => card.state === State.Review;
  const dueAfterGood = (days: number): Pick<Card, 'due' | 'scheduled_days'> => ({
    due: new Date(good.due.getTime() + (days - good.scheduled_days) * dayMs),
    scheduled_days: days,
  });
  return {
    again: preview[FsrsRating.Again].card,
    hard:
      inReview(hard) && inReview(good) && hard.due > good.due
        ? { ...hard, ...dueAfterGood(good.scheduled_days) }
        : hard,
    good,
    easy:
      inReview(easy) && inReview(good) && easy.scheduled_days <= good.scheduled_days
        ? { ...easy, ...dueAfterGood(good.scheduled_days + 1) }
        : easy,
  };
}

/**
 * The state before a rating, from the state after it and the rating's log (ts-fsrs `rollback`).
 * Everything is restored except `due`, which becomes the moment of the undone answer: the card is
 * due again at once, so the learner can answer it again.
 */
export function undoRating(stateAfter: MemoryState, log: RatingLog): MemoryState {
  return fromCard(scheduler(undoConfig).rollback(toCard(stateAfter), toLog(log)));
}
const undoConfig: SchedulerConfig = { desiredRetention: defaultDesiredRetention, fuzz: false };

const { decay, factor } = computeDecayFactor(pinnedParameters.w);

/** What recall at a moment depends on. */
export type RecallInputs = Pick<MemoryState, 'phase' | 'stability' | 'lastReview'>;

/** Probability of recall at `at` (0 for a card never rated); fractional days, unlike ts-fsrs's own. */
export function retrievability(state: RecallInputs, at: number): number {
  if (state.phase === 'new' || state.lastReview === null) return 0;
  const days = Math.max(0, (at - state.lastReview) / dayMs);
  return forgetting_curve(pinnedParameters.w, days, state.stability);
}

/**
 * Days per unit of stability after which recall falls to `retention`: R(t, S) < r exactly when
 * t > S × this. Lets SQL find cards below a retention without evaluating the forgetting curve.
 */
export function elapsedPerStabilityAt(retention: number): number {
  return (Math.pow(retention, 1 / decay) - 1) / factor;
}

export const dayMs = 86_400_000;

/**
 * Predicted recall at `examAt`. `stop`: no further study. `keep-up`: every scheduled review before
 * the exam is done and answered Good, and a card never rated is first answered at `introduceAt`;
 * an optimistic bound, the counterpart of `stop`.
 */
export function projectRecall(
  state: MemoryState,
  examAt: number,
  mode: 'stop' | 'keep-up',
  config: SchedulerConfig,
  introduceAt?: number,
): number {
  if (mode === 'stop') return retrievability(state, examAt);
  const plain = { ...config, fuzz: false };
  let current = state;
  if (current.phase === 'new') {
    if (introduceAt === undefined || introduceAt >= examAt) return 0;
    current = applyRating(current, introduceAt, 'good', plain).state;
  }
  for (let step = 0; step < maxProjectedReviews && current.due < examAt; step++) {
    current = applyRating(current, current.due, 'good', plain).state;
  }
  return retrievability(current, examAt);
}
const maxProjectedReviews = 64;
