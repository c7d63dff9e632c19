import type { QueueCounts } from '../../shared/contract/review.ts';
import type { Settings } from '../../shared/contract/settings.ts';
import { examPlan, newCardAllowance, reviewAllowance } from '../../shared/engine/queue.ts';
import { studyDayEnd, studyDayOf } from '../../shared/engine/study-day.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import { cardStateSql } from '../storage/card-states.ts';
import { eventSql } from '../storage/review-events.ts';
import { num } from '../storage/sqlite.ts';
import type { Storage } from '../storage/storage.ts';
import { extraNewCardsOn } from '../custom-study/extra-new.ts';
import type { Catalog } from './catalog.ts';
import { countExamReviews, type ExamDay } from './exam-reviews.ts';
import type { IntroducedIndex } from './introduced-index.ts';

export interface DayContext {
  readonly now: number;
  readonly today: string;
  readonly dayEnd: number;
  readonly settings: Settings;
  /** Set in exam mode: what exam mode's review queue is built from. */
  readonly examDay: ExamDay | null;
  readonly counts: QueueCounts;
  readonly newAllowance: number;
  readonly reviewAllowance: number;
}

/** Today's counts and allowances, read now. */
export function readDay(sources: {
  readonly storage: Storage;
  readonly settings: SettingsService;
  readonly now: () => Date;
  readonly catalog: () => Catalog;
  readonly introduced: IntroducedIndex;
}): DayContext {
  const { storage } = sources;
  const now = sources.now().getTime();
  const today = studyDayOf(now);
  const dayEnd = studyDayEnd(now);
  const settings = sources.settings.get();
  const exam = examPlan(settings.examDate, today);
  const { unseen } = sources.introduced.cards();

  const count = (sql: string, ...params: (string | number)[]) =>
    Number(storage.statement(sql).get(...params)?.n ?? 0);
  const introducedToday = count(cardStateSql.introducedOnDay, today);
  const reviewedToday = count(eventSql.reviewsOnDay, today);
  const limits = {
    newPerDay: settings.newCardsPerDay + extraNewCardsOn(storage, today),
    reviewsPerDay: settings.reviewsPerDay,
  };
  const fresh = newCardAllowance({ limits, introducedToday, unseen, exam });
  const reviewsLeft = reviewAllowance(limits, reviewedToday);

  const examDay = exam ? { dayEnd, exam, desiredRetention: settings.desiredRetention } : null;
  const dueReviews = examDay
    ? countExamReviews(storage, sources.catalog(), examDay)
    : countInCatalog(storage, sources.catalog(), cardStateSql.reviewCountDueBeforeAmong, dayEnd);
  const learning = countInCatalog(
    storage,
    sources.catalog(),
    cardStateSql.learningCountDueByAmong,
    dayEnd - 1,
  );

  const counts: QueueCounts = {
    studyDay: today,
    new: fresh.allowance,
    learning,
    review: Math.min(dueReviews, reviewsLeft),
    dueReviews,
    introducedToday,
    reviewedToday,
    newTarget: fresh.target,
    reviewLimit: settings.reviewsPerDay,
    unseen,
    examPace: fresh.examPace,
  };
  return {
    now,
    today,
    dayEnd,
    settings,
    examDay,
    counts,
    newAllowance: fresh.allowance,
    reviewAllowance: reviewsLeft,
  };
}

/** A count among the catalog's cards only (a data folder may hold cards of other packs). */
function countInCatalog(storage: Storage, catalog: Catalog, sql: string, bound: number): number {
  return num(storage.statement(sql).get(catalog.idsJson, bound) ?? {}, 'n');
}
