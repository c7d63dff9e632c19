import { ContractError } from '../../shared/contract/errors.ts';
import type {
  QueueCounts,
  QueuedCard,
  ReviewAnswer,
  ReviewNext,
  ReviewUndo,
} from '../../shared/contract/review.ts';
import { SiblingBury } from '../../shared/engine/queue.ts';
import type { Rating } from '../../shared/engine/scheduler.ts';
import { studyDayOf } from '../../shared/engine/study-day.ts';
import type { StudyCard } from '../../shared/engine/types.ts';
import type { Pack } from '../../shared/pack/schema.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import {
  cardStateSql,
  fromDbCardState,
  getCardState,
  type CardStateRecord,
} from '../storage/card-states.ts';
import { EventIdGenerator } from '../storage/ids.ts';
import { eventSql, fromDbReviewEvent } from '../storage/review-events.ts';
import { withTransaction } from '../storage/sqlite.ts';
import type { Storage } from '../storage/storage.ts';
import { Catalog } from './catalog.ts';
import { writeCardAction, type CardAction } from './card-action-writer.ts';
import { cardVersion, newVersion, queueOf, stateView } from './card-view.ts';
import { IntroducedIndex } from './introduced-index.ts';
import {
  applyQuizOutcome,
  revokeQuizOutcome,
  type QuizRatingResult,
  type RecordedQuizOutcome,
} from './quiz-ratings.ts';
import { RatingWriter } from './rating-writer.ts';
import { ReviewQueue } from './review-queue.ts';
import { siblingsBuriedOn } from './sibling-bury.ts';
import { VisibleCards } from './visible-cards.ts';

export { cardVersion, newVersion, stateView } from './card-view.ts';
export type { QuizRatingResult } from './quiz-ratings.ts';
export { learnAheadMs } from './review-queue.ts';

const noCards: ReadonlySet<string> = new Set();

export interface ReviewServiceOptions {
  readonly storage: Storage;
  readonly settings: SettingsService;
  readonly now: () => Date;
  readonly catalog?: Catalog;
  /** Ids of cards the learner reported: left out of the queue and the counts. */
  readonly hiddenCards?: () => ReadonlySet<string>;
}

/**
 * The flashcard queue and answering. Pure rules live in shared/engine (scheduler, queue, quiz
 * rule); this service reads and writes them through the event log and the card-state cache, one
 * transaction per write, and answers with what changed.
 */
export class ReviewService {
  readonly #storage: Storage;
  readonly #settings: SettingsService;
  readonly #now: () => Date;
  readonly #cards: VisibleCards;
  readonly #ids: EventIdGenerator;
  #idsSeededFor = -1;
  readonly #introduced: IntroducedIndex;
  readonly #writer: RatingWriter;
  readonly #queue: ReviewQueue;
  /** Card states written by the open transaction, applied to `#introduced` once it commits. */
  #pending: CardStateRecord[] = [];
  #writes = 0;

  constructor(options: ReviewServiceOptions) {
    this.#storage = options.storage;
    this.#settings = options.settings;
    this.#now = options.now;
    this.#cards = new VisibleCards({
      storage: options.storage,
      now: options.now,
      catalog: options.catalog ?? Catalog.empty(),
      hiddenCards: options.hiddenCards ?? (() => noCards),
    });
    this.#ids = new EventIdGenerator(() => this.#now().getTime());
    this.#introduced = new IntroducedIndex(options.storage, () => this.#cards.catalog);
    this.#writer = new RatingWriter({
      storage: options.storage,
      settings: options.settings,
      now: options.now,
      newId: () => this.newId(),
      written: (record) => this.#pending.push(record),
    });
    this.#queue = new ReviewQueue({
      storage: options.storage,
      settings: options.settings,
      now: options.now,
      cards: this.#cards,
      introduced: this.#introduced,
      writer: this.#writer,
    });
  }

  /** The cards the queue may show: neither reported, nor suspended, nor buried today. */
  get catalog(): Catalog {
    return this.#cards.catalog;
  }

  /** Called when the generators or the active pack change. */
  setCatalog(cards: readonly StudyCard[], pack?: Pack): void {
    this.#cards.setCatalog(cards, pack);
  }

  /** Every card of the pack the learner has not reported (suspended and buried ones included). */
  get browsable(): Catalog {
    return this.#cards.browsable;
  }

  /**
   * Writes card actions (suspend, bury, flag, forget) on many cards in one transaction; see
   * `writeCardAction`. Returns the cards whose state changed.
   */
  act(cardIds: readonly string[], action: CardAction): string[] {
    for (const cardId of cardIds) {
      if (!this.#cards.all.has(cardId)) {
        throw new ContractError('not-found', `There is no card "${cardId}".`);
      }
    }
    const changed = this.transact(() => {
      const records: CardStateRecord[] = [];
      for (const cardId of new Set(cardIds)) {
        const record = writeCardAction(this.#storage, cardId, action, {
          now: this.#now().getTime(),
          config: this.#settings.schedulerConfig(),
          newId: () => this.newId(),
        });
        if (record) records.push(record);
      }
      this.#pending.push(...records);
      return records.map((record) => record.cardId);
    });
    this.#cards.actionWritten();
    return changed;
  }

  /**
   * How many writes this service committed: with the storage's generation (bulk changes), what a
   * cache of card states is keyed by.
   */
  get writes(): number {
    return this.#writes;
  }

  /** A fresh event id, after every id already stored. */
  newId(): string {
    if (this.#idsSeededFor !== this.#storage.generation) {
      const newest = this.#storage.statement(eventSql.newestId).get()?.id;
      this.#ids.continueAfter(typeof newest === 'string' ? newest : null);
      this.#idsSeededFor = this.#storage.generation;
    }
    return this.#ids.next();
  }

  counts(): QueueCounts {
    return this.#queue.day().counts;
  }

  next(): ReviewNext {
    const day = this.#queue.day();
    const pick = this.#queue.pick(day);
    if (!pick) {
      const upcoming = this.#queue.firstLearningDueBy(day.dayEnd);
      return {
        item: null,
        upNext: null,
        counts: day.counts,
        nextDueAt: upcoming ? new Date(upcoming.state.due).toISOString() : null,
      };
    }
    return {
      item: this.#queue.item(pick, day.now),
      upNext: this.#queue.upNext(day, pick),
      counts: day.counts,
      nextDueAt: null,
    };
  }

  /** A card as the queue would show it now (for a custom session); undefined if not studied. */
  queuedCard(cardId: string): QueuedCard | undefined {
    const card = this.#cards.catalog.card(cardId);
    if (!card) return undefined;
    const record = getCardState(this.#storage, cardId);
    const pick = record
      ? { card, queue: queueOf(record.state.phase), record }
      : { card, queue: 'new' as const };
    return this.#queue.item(pick, this.#now().getTime());
  }

  answer(request: {
    readonly cardId: string;
    readonly rating: Rating;
    readonly durationMs: number;
    readonly expectedVersion: string;
  }): ReviewAnswer {
    if (!this.#cards.catalog.has(request.cardId)) {
      throw new ContractError('not-found', `There is no card "${request.cardId}" to answer.`);
    }
    const { event, record } = this.transact(() => {
      const current = getCardState(this.#storage, request.cardId);
      const version = current ? cardVersion(current) : newVersion;
      if (version !== request.expectedVersion) {
        throw new ContractError(
          'stale-state',
          'This card changed after it was shown (answered elsewhere, undone or imported); ' +
            'it has been reloaded so you can answer it again.',
        );
      }
      return this.#writer.rate(current, request.cardId, request.rating, {
        source: 'review',
        durationMs: request.durationMs,
        quizAnswerId: null,
      });
    });
    // Read after the commit: the answer's write is the transaction above, on its own.
    const next = this.next();
    return {
      eventId: event.id,
      cardId: request.cardId,
      state: stateView(record.state, this.#now().getTime()),
      counts: next.counts,
      changes: { cardIds: [request.cardId], queue: true, progress: true },
      next,
    };
  }

  undo(): ReviewUndo {
    const { target, record } = this.transact(() => {
      const row = this.#storage.statement(eventSql.latestUndoable).get(this.#storage.deviceId);
      if (!row) throw new ContractError('not-found', 'There is no answer to undo.');
      const undone = fromDbReviewEvent(row);
      const current = getCardState(this.#storage, undone.cardId);
      if (current?.lastEventId !== undone.id) {
        throw new ContractError(
          'conflict',
          'That card was changed after your last answer (by a quiz or an import), so the answer ' +
            'can no longer be undone.',
        );
      }
      const next = this.#writer.writeUndo(undone, current, 'review');
      return { target: undone, record: next };
    });
    const day = this.#queue.day();
    const card = this.#cards.catalog.card(target.cardId);
    // The undone card comes back to be answered again, whatever the queue would pick (Anki's undo).
    const undone = card && { card, queue: queueOf(record.state.phase), record };
    const next: ReviewNext = undone
      ? {
          item: this.#queue.item(undone, day.now),
          upNext: this.#queue.upNext(day, undone),
          counts: day.counts,
          nextDueAt: null,
        }
      : this.next();
    return {
      undoneEventId: target.id,
      cardId: target.cardId,
      state: stateView(record.state, day.now),
      counts: next.counts,
      changes: { cardIds: [target.cardId], queue: true, progress: true },
      next,
    };
  }

  /**
   * Runs `fn` in one transaction. Use it for any write that calls `applyQuizOutcome`, so the
   * in-memory index of introduced cards follows the commit or the rollback.
   */
  transact<T>(fn: () => T extends PromiseLike<unknown> ? never : T): T {
    try {
      const result = withTransaction(this.#storage.db(), fn);
      for (const record of this.#pending) this.#introduced.note(record);
      this.#writes += 1;
      return result;
    } catch (error) {
      this.#introduced.forget();
      throw error;
    } finally {
      this.#pending = [];
    }
  }

  /**
   * Applies the quiz → schedule rule (shared/engine/quiz-schedule.ts) for one recorded answer.
   * Call inside `transact`, so the answer and its rating events commit together.
   */
  applyQuizOutcome(outcome: RecordedQuizOutcome): QuizRatingResult[] {
    return applyQuizOutcome(this.#storage, this.#cards.catalog, this.#writer, outcome);
  }

  /**
   * Takes back the ratings one quiz answer added (the learner said "I was right" after it was
   * marked wrong): each is undone by an undo event in the log, so replaying reproduces it. Call
   * inside `transact`, then apply the answer's new outcome.
   */
  revokeQuizOutcome(answerId: string): string[] {
    return revokeQuizOutcome(this.#storage, this.#writer, answerId);
  }

  /** Every stored card state (for mastery and statistics). */
  allStates(): Map<string, CardStateRecord> {
    const result = new Map<string, CardStateRecord>();
    for (const row of this.#storage.statement(cardStateSql.all).iterate()) {
      const record = fromDbCardState(row);
      result.set(record.cardId, record);
    }
    return result;
  }

  /**
   * The given cards as the flashcard screen shows them (Browse's "Study these"), in the order
   * given, leaving out those the queue would not show: reported, suspended or buried today.
   */
  studyItems(cardIds: readonly string[]): QueuedCard[] {
    const now = this.#now().getTime();
    return [...new Set(cardIds)].flatMap((cardId) => {
      const card = this.#cards.catalog.card(cardId);
      if (!card) return [];
      const record = getCardState(this.#storage, cardId);
      const queue = record ? queueOf(record.state.phase) : 'new';
      return [this.#queue.item(record ? { card, queue, record } : { card, queue }, now)];
    });
  }

  /** Cards waiting today because a sibling was answered (none when the learner turned it off). */
  siblingsBuriedToday(): SiblingBury {
    const now = this.#now().getTime();
    if (!this.#settings.get().burySiblings) return new SiblingBury([]);
    return siblingsBuriedOn(this.#storage, this.#cards.all, studyDayOf(now));
  }
}
