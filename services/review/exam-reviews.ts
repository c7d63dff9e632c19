import {
  examRiskFloor,
  nextReview,
  type ExamPlan,
  type ReviewCandidate,
} from '../../shared/engine/queue.ts';
import {
  dayMs,
  elapsedPerStabilityAt,
  phases,
  retrievability,
} from '../../shared/engine/scheduler.ts';
import { cardStateSql, getCardState, type CardStateRecord } from '../storage/card-states.ts';
import { num, numOrNull, oneOf, text, type Row } from '../storage/sqlite.ts';
import type { Storage } from '../storage/storage.ts';
import type { Catalog } from './catalog.ts';

/**
 * Exam mode's review queue: cards due today, plus review cards next due after the exam whose
 * predicted recall on exam day is below the desired retention (scheduled under a lower retention,
 * or capped): those are pulled into today's reviews. Cards outside the catalog never count or show.
 *
 * Both reads stay in the covering index: the count reads ids only, and the next card is chosen
 * among the few riskiest candidates, so no full card state is built except the one shown.
 */

export interface ExamDay {
  /** The end of today: reviews due before it are due today. */
  readonly dayEnd: number;
  readonly exam: ExamPlan;
  readonly desiredRetention: number;
}

export function countExamReviews(storage: Storage, catalog: Catalog, day: ExamDay): number {
  let count = 0;
  // all() over iterate(): one call into SQLite instead of one per row.
  for (const row of storage.statement(cardStateSql.examReviewIds).all(parameters(day))) {
    if (catalog.has(text(row, 'card_id'))) count += 1;
  }
  return count;
}

/**
 * The review `nextReview` would pick among all the candidates: lowest recall on exam day, then
 * earliest due, then card id. Candidates come riskiest first; once the first one in the catalog
 * fixes a recall, reading stops below the risk at which any other could still tie with it.
 */
export function nextExamReview(
  storage: Storage,
  catalog: Catalog,
  day: ExamDay,
  /** Cards to leave out (the one on screen, when predicting what follows it; buried siblings). */
  leaveOut: (cardId: string) => boolean = () => false,
): CardStateRecord | undefined {
  const contenders: ReviewCandidate[] = [];
  let floor: number | undefined;
  for (const row of storage.statement(cardStateSql.examReviewsByRisk).iterate(parameters(day))) {
    const risk = numOrNull(row, 'risk');
    if (floor !== undefined && risk !== null && risk < floor) break;
    const candidate = reviewCandidate(row);
    if (leaveOut(candidate.cardId) || !catalog.has(candidate.cardId)) continue;
    floor ??= examRiskFloor(retrievability(candidate.state, day.exam.examAt));
    contenders.push(candidate);
  }
  const best = nextReview(contenders, day.exam);
  return best && getCardState(storage, best.cardId);
}

function parameters(day: ExamDay) {
  return {
    day_end: day.dayEnd,
    exam_at: day.exam.examAt,
    per_stability_ms: elapsedPerStabilityAt(day.desiredRetention) * dayMs,
  };
}

function reviewCandidate(row: Row): ReviewCandidate {
  return {
    cardId: text(row, 'card_id'),
    state: {
      phase: oneOf(row, 'phase', phases),
      due: num(row, 'due'),
      lastReview: numOrNull(row, 'last_review'),
      stability: num(row, 'stability'),
    },
  };
}
