import type {
  FactCoverage,
  NextStep,
  ProgressCharts,
  ProgressCoverage,
  ProgressMastery,
  ProgressSummary,
  TopicMastery,
} from '../../shared/contract/progress.ts';
import type { QueueCounts } from '../../shared/contract/review.ts';
import { computeMastery, type Mastery } from '../../shared/engine/mastery.ts';
import {
  quizEvidenceByFact,
  quizEvidenceWindowMs,
  type QuizEvidence,
} from '../../shared/engine/quiz-evidence.ts';
import { examForecast, examPlan } from '../../shared/engine/queue.ts';
import { studyStreak, eachDay, ratio } from '../../shared/engine/statistics.ts';
import { addDays, studyDayOf, studyDayStart, weekStart } from '../../shared/engine/study-day.ts';
import type { ReviewService } from '../review/review-service.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import type { CardStateRecord } from '../storage/card-states.ts';
import { fromDbQuizSession, quizSql } from '../storage/quiz-rows.ts';
import { allFoldedAnswers } from '../quiz-records/item-outcomes.ts';
import { pathwayOverlay } from './pathway-overlay.ts';
import { activePack as pack } from '../storage/pack-scope.ts';
import { eventSql, isReview } from '../storage/review-events.ts';
import type { Storage } from '../storage/storage.ts';

/** Every figure is the active pack's (pack-scope.ts). */
export const progressSql = {
  activeOnDay: `SELECT EXISTS (SELECT 1 FROM review_event
      WHERE study_day = :day AND pack_id = ${pack})
    OR EXISTS (SELECT 1 FROM quiz_answer WHERE study_day = :day AND pack_id = ${pack}) AS active`,
  reviewsByDay: `SELECT e.study_day, COUNT(*) AS n FROM review_event e
    WHERE e.study_day >= ? AND e.pack_id = ${pack} AND ${isReview('e')} GROUP BY e.study_day`,
  quizAnswersByDay: `SELECT study_day, COUNT(*) AS n FROM quiz_answer
    WHERE study_day >= ? AND pack_id = ${pack} GROUP BY study_day`,
  /** Effective ratings per day and button; `first` marks a card's introduction. */
  ratingsByDay: `SELECT e.study_day, e.rating, e.phase_before = 'new' AS first, COUNT(*) AS n
    FROM review_event e
    WHERE e.study_day >= ? AND e.pack_id = ${pack} AND ${isReview('e')}
    GROUP BY e.study_day, e.rating, first`,
  /** Flashcard reviews of cards in review phase: the basis of true retention. */
  reviewOutcomesByDay: `SELECT e.study_day, e.rating = 'again' AS failed, COUNT(*) AS n
    FROM review_event e
    WHERE e.study_day >= ? AND e.pack_id = ${pack} AND e.source = 'review'
      AND e.phase_before = 'review' AND ${isReview('e')}
    GROUP BY e.study_day, failed`,
  dueBefore: `SELECT card_id, due FROM card_state
    WHERE pack_id = ${pack} AND phase IN ('learning', 'review', 'relearning') AND due < ?`,
  nextDue: `SELECT MIN(due) AS due FROM card_state
    WHERE pack_id = ${pack} AND phase IN ('learning', 'review', 'relearning') AND due > ?`,
  /** Flashcard ratings per card (quiz-informed ratings are counted as quiz answers instead). */
  reviewsByCard: `SELECT e.card_id, COUNT(*) AS n, SUM(e.rating = 'again') AS again,
      MAX(e.occurred_at) AS last
    FROM review_event e
    WHERE e.source = 'review' AND e.pack_id = ${pack} AND ${isReview('e')}
    GROUP BY e.card_id`,
  quizAnswersByFact: `SELECT f.value AS fact_id, COUNT(*) AS n, SUM(a.correct) AS correct,
      MAX(a.answered_at) AS last
    FROM quiz_answer a, json_each(a.fact_ids) f
    WHERE a.pack_id = ${pack}
    GROUP BY f.value`,
} as const;

const heatmapDays = 365;
const recentDays = 30;
const retentionWeeks = 12;
const forecastDays = 30;
const quizScoreSessions = 100;
const weakTopicsShown = 2;

/** The figures behind Home, Progress and the pathway overlay. Read-only. */
export class ProgressService {
  readonly #storage: Storage;
  readonly #review: ReviewService;
  readonly #settings: SettingsService;
  readonly #now: () => Date;

  constructor(options: {
    readonly storage: Storage;
    readonly review: ReviewService;
    readonly settings: SettingsService;
    readonly now: () => Date;
  }) {
    this.#storage = options.storage;
    this.#review = options.review;
    this.#settings = options.settings;
    this.#now = options.now;
  }

  summary(): ProgressSummary {
    const now = this.#now().getTime();
    const today = studyDayOf(now);
    const counts = this.#review.counts();
    const states = this.#review.allStates();
    const catalog = this.#review.catalog;
    const topics = this.#topicMastery(states, now);
    const settings = this.#settings.get();
    const exam = examPlan(settings.examDate, today);

    let seen = 0;
    for (const card of catalog.cards) if (isSeen(states.get(card.id))) seen += 1;

    return {
      today: counts,
      streak: studyStreak(this.#activeDaysBackFrom(today), today),
      exam: exam && {
        date: exam.examDay,
        daysLeft: exam.studyDaysLeft,
        pace: counts.examPace,
        forecast: examForecast({
          cards: catalog.inTeachingOrder.map((card) => ({ state: states.get(card.id)?.state })),
          now,
          today,
          exam,
          pace: counts.examPace ?? counts.newTarget,
          config: this.#settings.schedulerConfig(),
        }),
      },
      masteryByTopic: topics,
      nextSteps: this.#nextSteps(counts, topics, now, settings.desiredRetention),
      totals: {
        cards: catalog.size,
        seen,
        reviews: Number(this.#storage.statement(eventSql.reviewCount).get()?.n ?? 0),
      },
    };
  }

  charts(): ProgressCharts {
    const now = this.#now().getTime();
    const today = studyDayOf(now);
    const states = this.#review.allStates();
    return {
      activity: this.#activity(today),
      reviewsPerDay: this.#reviewsPerDay(today),
      retentionByWeek: this.#retentionByWeek(today),
      dueForecast: this.#dueForecast(today),
      quizScores: this.#storage
        .statement(quizSql.finishedSessions)
        .all(quizScoreSessions)
        .map(fromDbQuizSession)
        .reverse()
        .map((session) => ({
          sessionId: session.id,
          finishedAt: new Date(session.finishedAt ?? session.startedAt).toISOString(),
          mode: session.mode,
          correct: session.scoreCorrect ?? 0,
          total: session.scoreTotal ?? 0,
          score: session.scoreTotal ? (session.scoreCorrect ?? 0) / session.scoreTotal : 0,
        })),
      masteryByTopic: this.#topicMastery(states, now),
    };
  }

  mastery(request?: { readonly pathwayId?: string | undefined }): ProgressMastery {
    const now = this.#now().getTime();
    const states = this.#review.allStates();
    const catalog = this.#review.catalog;
    const answers = allFoldedAnswers(this.#storage);
    // Quiz me namings carry no facts, so they add nothing to the per-fact quiz evidence.
    const index = computeMastery(
      catalog.cards,
      (id) => states.get(id)?.state,
      now,
      quizEvidenceByFact(answers, now),
    );
    const pathways = (catalog.pack?.pathways ?? []).filter(
      (pathway) => request?.pathwayId === undefined || pathway.id === request.pathwayId,
    );
    const pathwayMastery = pathwayOverlay(pathways, catalog.cards, states, answers, now);
    return {
      facts: entries(index.facts),
      entities: entries(index.entities),
      topics: this.#topicMastery(states, now),
      nodes: [...pathwayMastery.nodes],
      edges: [...pathwayMastery.edges],
    };
  }

  /** Per fact, how often it was tested by flashcards and by quizzes. */
  coverage(): ProgressCoverage {
    const catalog = this.#review.catalog;
    type Tally = { -readonly [K in keyof FactCoverage]: FactCoverage[K] } & { last: number };
    const tallies = new Map<string, Tally>();
    const tally = (factId: string): Tally => {
      let entry = tallies.get(factId);
      if (!entry) {
        entry = {
          factId,
          reviews: 0,
          again: 0,
          quizAnswers: 0,
          quizCorrect: 0,
          lastTestedAt: null,
          last: 0,
        };
        tallies.set(factId, entry);
      }
      return entry;
    };
    for (const row of this.#storage.statement(progressSql.reviewsByCard).all()) {
      // A card no longer in the catalog (an older pack's) cannot be tied to facts.
      const card = catalog.card(String(row.card_id));
      if (!card) continue;
      for (const factId of new Set(card.factIds)) {
        const entry = tally(factId);
        entry.reviews += Number(row.n);
        entry.again += Number(row.again);
        entry.last = Math.max(entry.last, Number(row.last));
      }
    }
    for (const row of this.#storage.statement(progressSql.quizAnswersByFact).all()) {
      const entry = tally(String(row.fact_id));
      entry.quizAnswers += Number(row.n);
      entry.quizCorrect += Number(row.correct);
      entry.last = Math.max(entry.last, Number(row.last));
    }
    return {
      facts: [...tallies.values()]
        .map(({ last, ...entry }) => ({
          ...entry,
          lastTestedAt: last > 0 ? new Date(last).toISOString() : null,
        }))
        .sort((a, b) => compare(a.factId, b.factId)),
    };
  }

  /** Recent quiz answers per fact: evidence for mastery beside the cards' predicted recall. */
  #quizEvidence(now: number): Map<string, QuizEvidence> {
    const fromDay = studyDayOf(now - quizEvidenceWindowMs);
    return quizEvidenceByFact(allFoldedAnswers(this.#storage, fromDay), now);
  }

  #topicMastery(states: ReadonlyMap<string, CardStateRecord>, now: number): TopicMastery[] {
    const catalog = this.#review.catalog;
    const topics = computeMastery(
      catalog.cards,
      (id) => states.get(id)?.state,
      now,
      this.#quizEvidence(now),
    ).topics;
    const order = catalog.pack?.manifest.topics.map((topic) => topic.id) ?? [];
    const rank = (id: string) => {
      const index = order.indexOf(id);
      return index < 0 ? order.length : index;
    };
    return [...topics]
      .map(([topicId, mastery]) => ({ topicId, title: catalog.topicTitle(topicId), ...mastery }))
      .sort((a, b) => rank(a.topicId) - rank(b.topicId) || compare(a.topicId, b.topicId));
  }

  #nextSteps(
    counts: QueueCounts,
    topics: readonly TopicMastery[],
    now: number,
    desiredRetention: number,
  ): NextStep[] {
    const steps: NextStep[] = [];
    if (counts.learning > 0) steps.push({ kind: 'learning-due', count: counts.learning });
    if (counts.review > 0) steps.push({ kind: 'reviews-due', count: counts.review });
    if (counts.new > 0) steps.push({ kind: 'new-cards', count: counts.new });
    const weak = topics
      .filter((topic) => topic.seen > 0 && topic.mastery < desiredRetention)
      .sort((a, b) => a.mastery - b.mastery || compare(a.topicId, b.topicId))
      .slice(0, weakTopicsShown);
    for (const topic of weak) {
      steps.push({
        kind: 'weak-topic',
        topicId: topic.topicId,
        title: topic.title,
        mastery: topic.mastery,
      });
    }
    if (counts.learning + counts.review + counts.new === 0) {
      const due = this.#storage.statement(progressSql.nextDue).get(now)?.due;
      steps.unshift({
        kind: 'caught-up',
        nextDueAt: typeof due === 'number' ? new Date(due).toISOString() : null,
      });
    }
    return steps;
  }

  /** Study days with activity, newest first, read one day at a time so a streak stops early. */
  *#activeDaysBackFrom(today: string): Generator<string> {
    const statement = this.#storage.statement(progressSql.activeOnDay);
    // Today may be empty without breaking the streak; then yesterday must be active.
    for (let offset = 0; ; offset++) {
      const day = addDays(today, -offset);
      if (statement.get({ day })?.active === 1) yield day;
      else if (offset > 0) return;
    }
  }

  #activity(today: string): ProgressCharts['activity'] {
    const from = addDays(today, -(heatmapDays - 1));
    const reviews = this.#countsByDay(progressSql.reviewsByDay, from);
    const quizAnswers = this.#countsByDay(progressSql.quizAnswersByDay, from);
    return eachDay(
      from,
      today,
      () => undefined,
      (day) => ({ day, reviews: reviews.get(day) ?? 0, quizAnswers: quizAnswers.get(day) ?? 0 }),
    );
  }

  #countsByDay(sql: string, from: string): Map<string, number> {
    return new Map(
      this.#storage
        .statement(sql)
        .all(from)
        .map((row) => [String(row.study_day), Number(row.n)]),
    );
  }

  #reviewsPerDay(today: string): ProgressCharts['reviewsPerDay'] {
    const from = addDays(today, -(recentDays - 1));
    type Day = ProgressCharts['reviewsPerDay'][number];
    const days = new Map<string, Day>();
    for (const row of this.#storage.statement(progressSql.ratingsByDay).all(from)) {
      const day = String(row.study_day);
      const entry = days.get(day) ?? { day, again: 0, hard: 0, good: 0, easy: 0, newCards: 0 };
      const n = Number(row.n);
      const rating = String(row.rating);
      if (rating === 'again' || rating === 'hard' || rating === 'good' || rating === 'easy') {
        entry[rating] += n;
      }
      if (row.first === 1) entry.newCards += n;
      days.set(day, entry);
    }
    return eachDay(
      from,
      today,
      (day) => days.get(day),
      (day) => ({ day, again: 0, hard: 0, good: 0, easy: 0, newCards: 0 }),
    );
  }

  #retentionByWeek(today: string): ProgressCharts['retentionByWeek'] {
    const firstWeek = addDays(weekStart(today), -7 * (retentionWeeks - 1));
    const weeks = new Map<string, { reviews: number; passed: number }>();
    for (let w = 0; w < retentionWeeks; w++) {
      weeks.set(addDays(firstWeek, 7 * w), { reviews: 0, passed: 0 });
    }
    for (const row of this.#storage.statement(progressSql.reviewOutcomesByDay).all(firstWeek)) {
      const week = weeks.get(weekStart(String(row.study_day)));
      if (!week) continue;
      const n = Number(row.n);
      week.reviews += n;
      if (row.failed !== 1) week.passed += n;
    }
    return [...weeks].map(([start, { reviews, passed }]) => ({
      weekStart: start,
      reviews,
      passed,
      retention: ratio(passed, reviews),
    }));
  }

  #dueForecast(today: string): ProgressCharts['dueForecast'] {
    const last = addDays(today, forecastDays - 1);
    const catalog = this.#review.catalog;
    const perDay = new Map<string, number>();
    for (const row of this.#storage
      .statement(progressSql.dueBefore)
      .iterate(studyDayStart(addDays(last, 1)))) {
      if (!catalog.has(String(row.card_id))) continue;
      const due = studyDayOf(Number(row.due));
      const day = due < today ? today : due;
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    return eachDay(
      today,
      last,
      () => undefined,
      (day) => ({ day, due: perDay.get(day) ?? 0 }),
    );
  }
}

function isSeen(record: CardStateRecord | undefined): boolean {
  return record !== undefined && record.state.phase !== 'new';
}

function entries(map: ReadonlyMap<string, Mastery>): (Mastery & { id: string })[] {
  return [...map].map(([id, mastery]) => ({ id, ...mastery })).sort((a, b) => compare(a.id, b.id));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
