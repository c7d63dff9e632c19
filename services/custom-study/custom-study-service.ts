import { ContractError } from '../../shared/contract/errors.ts';
import {
  customStudyLimits,
  type CustomSession,
  type CustomSessionRequest,
  type CustomStudyOptions,
} from '../../shared/contract/custom-study.ts';
import type { TopicMastery } from '../../shared/contract/progress.ts';
import type { QueueCounts } from '../../shared/contract/review.ts';
import { flagColours, flagNames, type FlagColour } from '../../shared/engine/card-actions.ts';
import { dayMs, newCardState, type Rating } from '../../shared/engine/scheduler.ts';
import { addDays, studyDayEnd, studyDayOf } from '../../shared/engine/study-day.ts';
import type { StudyCard } from '../../shared/engine/types.ts';
import type { ReviewService } from '../review/review-service.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import { cardStateSql, getCardState } from '../storage/card-states.ts';
import { activePack as pack } from '../storage/pack-scope.ts';
import { insertEvent, isReview, type ReviewEvent } from '../storage/review-events.ts';
import { text } from '../storage/sqlite.ts';
import type { Storage } from '../storage/storage.ts';
import { addExtraNewCards, extraNewCardsOn } from './extra-new.ts';

export const customStudySql = {
  /** Cards with an Again in effect since a study day, most recently forgotten first. */
  forgottenSince: `SELECT e.card_id, MAX(e.occurred_at) AS last FROM review_event e
    WHERE e.study_day >= ? AND e.pack_id = ${pack} AND e.rating = 'again' AND ${isReview('e')}
    GROUP BY e.card_id ORDER BY last DESC, e.card_id`,
  flagged: `SELECT card_id, flag FROM card_state WHERE flag IS NOT NULL AND pack_id = ${pack}`,
} as const;

export interface CustomStudyServiceOptions {
  readonly storage: Storage;
  readonly review: ReviewService;
  readonly settings: SettingsService;
  readonly now: () => Date;
  /** Mastery per topic, as Home and Progress show it. */
  readonly topicMastery: () => readonly TopicMastery[];
}

/**
 * Custom study (Anki's): extra new cards today, review ahead, and cram sessions. A cram answer is
 * written to the log as a `cram` event, which FSRS replay skips and no count takes for a review,
 * so a cram leaves every card's schedule exactly as it was.
 */
export class CustomStudyService {
  readonly #storage: Storage;
  readonly #review: ReviewService;
  readonly #settings: SettingsService;
  readonly #now: () => Date;
  readonly #topicMastery: () => readonly TopicMastery[];

  constructor(options: CustomStudyServiceOptions) {
    this.#storage = options.storage;
    this.#review = options.review;
    this.#settings = options.settings;
    this.#now = options.now;
    this.#topicMastery = options.topicMastery;
  }

  options(): CustomStudyOptions {
    const catalog = this.#review.catalog;
    const counts = this.#review.counts();
    const countBy = (ids: (card: StudyCard) => readonly string[]) => {
      const counted = new Map<string, number>();
      for (const card of catalog.cards) {
        for (const id of ids(card)) counted.set(id, (counted.get(id) ?? 0) + 1);
      }
      return counted;
    };
    const byTopic = countBy((card) => [card.topic]);
    const byPathway = countBy((card) => card.pathwayIds);
    const pack = catalog.pack;
    return {
      topics: (pack?.manifest.topics ?? [])
        .map((topic) => ({ id: topic.id, title: topic.title, cards: byTopic.get(topic.id) ?? 0 }))
        .filter((topic) => topic.cards > 0),
      pathways: (pack?.pathways ?? [])
        .map((way) => ({ id: way.id, title: way.title, cards: byPathway.get(way.id) ?? 0 }))
        .filter((way) => way.cards > 0),
      flags: this.#flagSets(),
      weakTopics: this.#weakTopics().map(({ topicId, title, mastery }) => ({
        topicId,
        title,
        mastery,
      })),
      unseen: counts.unseen,
      extraNewToday: extraNewCardsOn(this.#storage, counts.studyDay),
    };
  }

  /** Raises today's new-card limit by `count`, for today only. */
  addExtraNew(count: number): QueueCounts {
    const now = this.#now().getTime();
    this.#review.transact(() => addExtraNewCards(this.#storage, studyDayOf(now), count, now));
    return this.#review.counts();
  }

  start(request: CustomSessionRequest): CustomSession {
    const { title, cram, cardIds } = this.#choose(request);
    const cards = cardIds
      .slice(0, customStudyLimits.sessionCards)
      .map((id) => this.#review.queuedCard(id))
      .filter((card) => card !== undefined);
    return { title, cram, cards };
  }

  /** Records a cram answer: the card's schedule and cached state are not touched. */
  cram(request: {
    readonly cardId: string;
    readonly rating: Rating;
    readonly durationMs: number;
  }): { eventId: string } {
    if (!this.#review.catalog.has(request.cardId)) {
      throw new ContractError('not-found', `There is no card "${request.cardId}" to cram.`);
    }
    const now = this.#now().getTime();
    const config = this.#settings.schedulerConfig();
    const event = this.#review.transact(() => {
      const state = getCardState(this.#storage, request.cardId)?.state ?? newCardState(now);
      const cram: ReviewEvent = {
        id: this.#review.newId(),
        deviceId: this.#storage.deviceId,
        packId: this.#storage.packId,
        cardId: request.cardId,
        kind: 'cram',
        source: 'review',
        rating: request.rating,
        undoes: null,
        quizAnswerId: null,
        studySessionId: null,
        occurredAt: now,
        studyDay: studyDayOf(now),
        durationMs: request.durationMs,
        desiredRetention: config.desiredRetention,
        fuzz: config.fuzz,
        phaseBefore: state.phase,
        phaseAfter: state.phase,
        dueAfter: state.due,
        stabilityAfter: state.stability,
        difficultyAfter: state.difficulty,
        recordedAt: now,
        flag: null,
      };
      insertEvent(this.#storage, cram);
      return cram;
    });
    return { eventId: event.id };
  }

  #choose(request: CustomSessionRequest): { title: string; cram: boolean; cardIds: string[] } {
    const catalog = this.#review.catalog;
    const inOrder = (keep: (card: StudyCard) => boolean) =>
      catalog.inTeachingOrder.filter(keep).map((card) => card.id);
    switch (request.kind) {
      case 'review-ahead':
        return {
          title: `Review ahead: cards due in the next ${plural(request.days, 'day')}`,
          cram: false,
          cardIds: this.#reviewsDueWithin(request.days),
        };
      case 'cram-topic':
        return {
          title: `Cram: ${catalog.topicTitle(request.topicId)}`,
          cram: true,
          cardIds: inOrder((card) => card.topic === request.topicId),
        };
      case 'cram-pathway': {
        const pathway = catalog.pack?.pathways.find((way) => way.id === request.pathwayId);
        if (!pathway) {
          throw new ContractError('not-found', `There is no pathway "${request.pathwayId}".`);
        }
        return {
          title: `Cram: ${pathway.title}`,
          cram: true,
          cardIds: inOrder((card) => card.pathwayIds.includes(pathway.id)),
        };
      }
      case 'cram-flag': {
        const flagged = new Set(this.#flagged(request.flag));
        return {
          title: `Cram: cards flagged ${flagNames[request.flag].toLowerCase()}`,
          cram: true,
          cardIds: inOrder((card) => flagged.has(card.id)),
        };
      }
      case 'cram-forgotten': {
        const since = addDays(studyDayOf(this.#now().getTime()), 1 - request.days);
        const ids = this.#storage
          .statement(customStudySql.forgottenSince)
          .all(since)
          .map((row) => text(row, 'card_id'))
          .filter((id) => catalog.has(id));
        return {
          title: `Cram: cards forgotten in the last ${plural(request.days, 'day')}`,
          cram: true,
          cardIds: ids,
        };
      }
      case 'weak-topics': {
        const weak = this.#weakTopics();
        return {
          title: `Weak topics: ${weak.map((topic) => topic.title).join(', ') || 'none'}`,
          cram: true,
          cardIds: weak.flatMap((topic) => inOrder((card) => card.topic === topic.topicId)),
        };
      }
    }
  }

  /** The cards flagged `flag` (every flagged card when none is named). */
  #flagged(flag?: FlagColour): string[] {
    return this.#storage
      .statement(customStudySql.flagged)
      .all()
      .filter((row) => flag === undefined || row.flag === flag)
      .map((row) => text(row, 'card_id'))
      .filter((id) => this.#review.catalog.has(id));
  }

  /** Flags in use, in Anki's order, with how many cards carry each. */
  #flagSets(): { id: string; title: string; cards: number }[] {
    const rows = this.#storage.statement(customStudySql.flagged).all();
    return flagColours.flatMap((flag) => {
      const cards = rows.filter(
        (row) => row.flag === flag && this.#review.catalog.has(text(row, 'card_id')),
      ).length;
      return cards > 0 ? [{ id: flag, title: flagNames[flag], cards }] : [];
    });
  }

  /** Review-phase cards due before the end of the day `days` days from today, soonest first. */
  #reviewsDueWithin(days: number): string[] {
    const bound = studyDayEnd(this.#now().getTime()) + days * dayMs;
    const catalog = this.#review.catalog;
    return this.#storage
      .statement(cardStateSql.reviewDueBefore)
      .all(bound)
      .map((row) => text(row, 'card_id'))
      .filter((id) => catalog.has(id));
  }

  /** Studied topics whose mastery is below the desired retention, weakest first. */
  #weakTopics(): TopicMastery[] {
    const target = this.#settings.get().desiredRetention;
    return this.#topicMastery()
      .filter((topic) => topic.seen > 0 && topic.mastery < target)
      .sort((a, b) => a.mastery - b.mastery || (a.topicId < b.topicId ? -1 : 1))
      .slice(0, customStudyLimits.weakTopics);
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
