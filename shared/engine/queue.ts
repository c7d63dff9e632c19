import {
  dayMs,
  elapsedPerStabilityAt,
  newCardState,
  projectRecall,
  retrievability,
  type MemoryState,
  type RecallInputs,
  type SchedulerConfig,
} from './scheduler.ts';
import { addDays, daysBetween, studyDayStart } from './study-day.ts';
import type { StudyCard } from './types.ts';

/** Pure rules of the daily queue: how many new and review cards today, in which order. */

export interface DailyLimits {
  readonly newPerDay: number;
  readonly reviewsPerDay: number;
}

export interface ExamPlan {
  readonly examDay: string;
  /** Recall is predicted for the start of the exam's study day. */
  readonly examAt: number;
  /** Study days before the exam day, today included (0 on the exam day itself). */
  readonly studyDaysLeft: number;
}

/** The plan for an exam on `examDay`, or null without one or once it has passed. */
export function examPlan(examDay: string | null, today: string): ExamPlan | null {
  if (examDay === null) return null;
  const studyDaysLeft = daysBetween(today, examDay);
  if (studyDaysLeft < 0) return null;
  return { examDay, examAt: studyDayStart(examDay), studyDaysLeft };
}

export interface NewCardAllowance {
  /** New cards that may still be introduced today. */
  readonly allowance: number;
  /** Today's total target (limit, or the exam pace when higher). */
  readonly target: number;
  /** Set in exam mode: new cards per day needed to see every card before the exam. */
  readonly examPace: number | null;
}

/**
 * New cards today. With an exam ahead, the pace is raised above the daily limit when needed so
 * that every card is introduced before the exam day; on the exam day the plain limit applies.
 */
export function newCardAllowance(input: {
  readonly limits: DailyLimits;
  readonly introducedToday: number;
  readonly unseen: number;
  readonly exam: ExamPlan | null;
}): NewCardAllowance {
  const { limits, introducedToday, unseen, exam } = input;
  let target = limits.newPerDay;
  let examPace: number | null = null;
  if (exam && exam.studyDaysLeft > 0) {
    examPace = Math.ceil((unseen + introducedToday) / exam.studyDaysLeft);
    target = Math.max(target, examPace);
  }
  const allowance = Math.max(0, Math.min(target - introducedToday, unseen));
  return { allowance, target, examPace };
}

export function reviewAllowance(limits: DailyLimits, reviewedToday: number): number {
  return Math.max(0, limits.reviewsPerDay - reviewedToday);
}

export interface ReviewCandidate {
  readonly cardId: string;
  /** What ordering needs: a full `MemoryState` fits, and so does a row of a covering index. */
  readonly state: RecallInputs & Pick<MemoryState, 'due'>;
}

/**
 * Order of today's reviews: most overdue first; with an exam ahead, lowest predicted recall on
 * exam day first, so a capped day spends its reviews where the exam is most at risk.
 */
export function orderReviews<T extends ReviewCandidate>(
  candidates: readonly T[],
  exam: ExamPlan | null,
): T[] {
  if (!exam) {
    return [...candidates].sort(
      (a, b) => a.state.due - b.state.due || compareIds(a.cardId, b.cardId),
    );
  }
  return candidates
    .map((candidate) => ({ candidate, recall: retrievability(candidate.state, exam.examAt) }))
    .sort(
      (a, b) =>
        a.recall - b.recall ||
        a.candidate.state.due - b.candidate.state.due ||
        compareIds(a.candidate.cardId, b.candidate.cardId),
    )
    .map(({ candidate }) => candidate);
}

/** The first card `orderReviews` would give, in one pass instead of a sort. */
export function nextReview<T extends ReviewCandidate>(
  candidates: readonly T[],
  exam: ExamPlan | null,
): T | undefined {
  let best: T | undefined;
  let bestRecall = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const recall = exam ? retrievability(candidate.state, exam.examAt) : 0;
    if (
      best === undefined ||
      recall < bestRecall ||
      (recall === bestRecall &&
        (candidate.state.due - best.state.due || compareIds(candidate.cardId, best.cardId)) < 0)
    ) {
      best = candidate;
      bestRecall = recall;
    }
  }
  return best;
}

/**
 * Exam risk is the time elapsed at the exam since the last review, in milliseconds per unit of
 * stability; recall on exam day, `retrievability(state, examAt)`, falls as it grows, so SQL can
 * order reviews by it without the forgetting curve. This is the least risk a review can have and
 * still tie with or come before, in `nextReview`, one whose recall on exam day is `recall`: every
 * review below it recalls strictly better. `retrievability` rounds to 8 decimals, so reviews at
 * different risks can tie; the margin (two rounding half-steps) covers that and floating-point
 * error, so `nextReview` over the reviews at or above this risk picks exactly what it would over
 * all of them.
 */
export function examRiskFloor(recall: number): number {
  return elapsedPerStabilityAt(recall + recallTieMargin) * dayMs;
}
const recallTieMargin = 1e-8;

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface ExamForecast {
  /** Mean predicted recall over every card on exam day with no further study (unseen cards: 0). */
  readonly ifYouStopNow: number;
  /**
   * Mean predicted recall if every due review is done and answered Good and new cards come at the
   * exam pace: an optimistic bound.
   */
  readonly ifYouKeepUp: number;
  readonly cards: number;
  readonly unseen: number;
  /** Cards the forecast evaluated: all of them, or an even sample of a very large catalog. */
  readonly sampled: number;
}

export const forecastSampleSize = 2000;

/**
 * `cards` in teaching order, each with its state (undefined if never rated); unseen cards are
 * introduced `pace` per day from today on.
 */
export function examForecast(input: {
  readonly cards: readonly { readonly state: MemoryState | undefined }[];
  readonly now: number;
  readonly today: string;
  readonly exam: ExamPlan;
  readonly pace: number;
  readonly config: SchedulerConfig;
}): ExamForecast {
  const { cards, now, today, exam, pace, config } = input;
  let unseen = 0;
  const introduceAt = cards.map((card) => {
    if (card.state && card.state.phase !== 'new') return undefined;
    const day = pace > 0 ? Math.floor(unseen / pace) : Number.POSITIVE_INFINITY;
    unseen += 1;
    if (!Number.isFinite(day)) return Number.POSITIVE_INFINITY;
    return day === 0 ? now : studyDayStart(addDays(today, day)) + introductionHourOffset;
  });
  const stride = Math.max(1, Math.ceil(cards.length / forecastSampleSize));
  let stopSum = 0;
  let keepUpSum = 0;
  let sampled = 0;
  for (let index = 0; index < cards.length; index += stride) {
    const state = cards[index]?.state;
    sampled += 1;
    if (!state || state.phase === 'new') {
      const at = introduceAt[index] ?? Number.POSITIVE_INFINITY;
      if (Number.isFinite(at)) {
        keepUpSum += projectRecall(newCardState(at), exam.examAt, 'keep-up', config, at);
      }
      continue;
    }
    stopSum += projectRecall(state, exam.examAt, 'stop', config);
    keepUpSum += projectRecall(state, exam.examAt, 'keep-up', config);
  }
  return {
    ifYouStopNow: sampled === 0 ? 0 : stopSum / sampled,
    ifYouKeepUp: sampled === 0 ? 0 : keepUpSum / sampled,
    cards: cards.length,
    unseen,
    sampled,
  };
}

/** New cards on later days are assumed learned mid-morning. */
const introductionHourOffset = 6 * 3_600_000;

type SiblingCard = Pick<StudyCard, 'id' | 'factIds' | 'entityIds'>;

/**
 * What a card is made from: its fact (forward, reverse and cloze of one fact), or, for a glossary
 * card, its term (definition and name). Cards made from the same are siblings: one gives the other
 * away. A card that tests several facts at once is made from that set.
 */
export function siblingKeys(card: Omit<SiblingCard, 'id'>): string[] {
  return card.factIds.length > 0
    ? [`facts:${[...card.factIds].sort().join('+')}`]
    : card.entityIds.map((id) => `entity:${id}`);
}

/**
 * Siblings of the cards answered today wait until tomorrow (Anki's burying): a definition
 * answered in the morning must not come back as its reverse an hour later, answer in hand.
 */
export class SiblingBury {
  readonly #answeredBy = new Map<string, Set<string>>();

  constructor(answeredToday: Iterable<SiblingCard>) {
    for (const card of answeredToday) this.answered(card);
  }

  answered(card: SiblingCard): void {
    for (const key of siblingKeys(card)) {
      const ids = this.#answeredBy.get(key);
      if (ids) ids.add(card.id);
      else this.#answeredBy.set(key, new Set([card.id]));
    }
  }

  /** True when no card was answered today, so nothing is buried. */
  get empty(): boolean {
    return this.#answeredBy.size === 0;
  }

  /** Whether a sibling of `card` (another card from the same fact or term) was answered today. */
  buries(card: SiblingCard): boolean {
    return siblingKeys(card).some((key) =>
      [...(this.#answeredBy.get(key) ?? [])].some((id) => id !== card.id),
    );
  }
}
