import type { QueuedCard } from '../../shared/contract/review.ts';
import { SiblingBury } from '../../shared/engine/queue.ts';
import type { StudyCard } from '../../shared/engine/types.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import {
  cardStateSql,
  fromDbCardState,
  getCardState,
  type CardStateRecord,
} from '../storage/card-states.ts';
import type { Storage } from '../storage/storage.ts';
import { isNew, queuedCardView, type Picked } from './card-view.ts';
import { nextExamReview } from './exam-reviews.ts';
import type { IntroducedIndex } from './introduced-index.ts';
import { readDay, type DayContext } from './queue-day.ts';
import type { RatingWriter } from './rating-writer.ts';
import { siblingsBuriedOn } from './sibling-bury.ts';
import type { VisibleCards } from './visible-cards.ts';

/** A learning card due within this much is shown when nothing else is left (Anki's learn-ahead). */
export const learnAheadMs = 20 * 60_000;

/** Which card the flashcard queue shows next, and how it shows it. */
export class ReviewQueue {
  readonly #storage: Storage;
  readonly #settings: SettingsService;
  readonly #now: () => Date;
  readonly #cards: VisibleCards;
  readonly #introduced: IntroducedIndex;
  readonly #writer: RatingWriter;

  constructor(options: {
    readonly storage: Storage;
    readonly settings: SettingsService;
    readonly now: () => Date;
    readonly cards: VisibleCards;
    readonly introduced: IntroducedIndex;
    readonly writer: RatingWriter;
  }) {
    this.#storage = options.storage;
    this.#settings = options.settings;
    this.#now = options.now;
    this.#cards = options.cards;
    this.#introduced = options.introduced;
    this.#writer = options.writer;
  }

  day(): DayContext {
    return readDay({
      storage: this.#storage,
      settings: this.#settings,
      now: this.#now,
      catalog: () => this.#cards.catalog,
      introduced: this.#introduced,
    });
  }

  pick(day: DayContext, after?: Picked): Picked | undefined {
    // `after`: the card on screen, as if answered now. Then its own slot in each allowance is
    // spent, and it never comes back, whatever its rating.
    const skip = after?.card.id;
    const learningNow = this.firstLearningDueBy(day.now, skip);
    if (learningNow) return this.#queued(learningNow, 'learning');

    // New and review cards wait while a sibling was answered today (learning cards never do),
    // unless the learner turned sibling burying off.
    const burySiblings = day.settings.burySiblings;
    const bury = burySiblings
      ? siblingsBuriedOn(this.#storage, this.#cards.all, day.today)
      : new SiblingBury([]);
    if (after && burySiblings) bury.answered(after.card);
    const leaveOut = (cardId: string): boolean => {
      if (cardId === skip) return true;
      const card = this.#cards.catalog.card(cardId);
      return card !== undefined && bury.buries(card);
    };

    const reviewsLeft = day.reviewAllowance - (after?.record?.state.phase === 'review' ? 1 : 0);
    if (reviewsLeft > 0) {
      const review = day.examDay
        ? nextExamReview(this.#storage, this.#cards.catalog, day.examDay, leaveOut)
        : this.#firstOverdueReview(day.dayEnd, leaveOut);
      if (review) return this.#queued(review, 'review');
    }

    const newLeft = day.newAllowance - (after && isNew(after) ? 1 : 0);
    if (newLeft > 0) {
      const card = this.#introduced.cards().firstUnseen((c) => leaveOut(c.id));
      if (card) {
        const record = getCardState(this.#storage, card.id);
        return record ? { card, queue: 'new', record } : { card, queue: 'new' };
      }
    }

    // Learning ahead, the card on screen may come back first or not, depending on its rating.
    if (after) return undefined;
    const learningSoon = this.firstLearningDueBy(Math.min(day.now + learnAheadMs, day.dayEnd - 1));
    if (learningSoon) return this.#queued(learningSoon, 'learning');
    return undefined;
  }

  /**
   * The card that follows `current` once it is answered now, whatever the rating: the screen
   * shows it the moment a rating key is pressed, before the answer's round trip. Null when that
   * depends on the rating (learning ahead) or nothing is left; the answer's own `next` is the
   * authority either way.
   */
  upNext(day: DayContext, current: Picked): QueuedCard | null {
    const pick = this.pick(day, current);
    return pick ? this.item(pick, day.now) : null;
  }

  /** A card as the screen shows it, previewed at the time the answer would be recorded. */
  item(pick: Picked, now: number): QueuedCard {
    const at = this.#writer.answerTime(pick.record, now);
    return queuedCardView(pick, now, at, this.#settings.schedulerConfig());
  }

  /** The soonest learning card due by `at` that is in the catalog (other than `skip`). */
  firstLearningDueBy(at: number, skip?: string): CardStateRecord | undefined {
    return this.#firstInCatalog(cardStateSql.learningDueByAmong, at, (id) => id === skip);
  }

  #queued(
    record: CardStateRecord,
    queue: 'learning' | 'review',
  ): { card: StudyCard; queue: 'learning' | 'review'; record: CardStateRecord } | undefined {
    const card = this.#cards.catalog.card(record.cardId);
    return card ? { card, queue, record } : undefined;
  }

  #firstOverdueReview(
    dayEnd: number,
    leaveOut: (cardId: string) => boolean,
  ): CardStateRecord | undefined {
    return this.#firstInCatalog(cardStateSql.reviewDueBeforeAmong, dayEnd, leaveOut);
  }

  /** The first card of the catalog, in the statement's order, that is not left out. */
  #firstInCatalog(
    amongIds: string,
    bound: number,
    leaveOut: (cardId: string) => boolean,
  ): CardStateRecord | undefined {
    const ids = this.#cards.catalog.idsJson;
    for (const row of this.#storage.statement(amongIds).iterate(ids, bound)) {
      const record = fromDbCardState(row);
      if (!leaveOut(record.cardId)) return record;
    }
    return undefined;
  }
}
