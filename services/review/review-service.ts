import { ContractError } from '../../shared/contract/errors.ts';
import type {
  MemoryStateView,
  QueueCounts,
  QueuedCard,
  ReviewAnswer,
  ReviewNext,
  ReviewUndo,
} from '../../shared/contract/review.ts';
import type { Settings } from '../../shared/contract/settings.ts';
import {
  examPlan,
  newCardAllowance,
  reviewAllowance,
  SiblingBury,
} from '../../shared/engine/queue.ts';
import { noMarks } from '../../shared/engine/card-actions.ts';
import { quizInformedRatings, type QuizOutcome } from '../../shared/engine/quiz-schedule.ts';
import { replayCard } from '../../shared/engine/replay.ts';
import {
  applyRating,
  newCardState,
  previewStates,
  retrievability,
  type MemoryState,
  type Rating,
} from '../../shared/engine/scheduler.ts';
import { studyDayEnd, studyDayOf } from '../../shared/engine/study-day.ts';
import type { StudyCard } from '../../shared/engine/types.ts';
import type { Pack } from '../../shared/pack/schema.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import {
  cardStateSql,
  fromDbCardState,
  getCardState,
  putCardState,
  replayedRecord,
  type CardStateRecord,
} from '../storage/card-states.ts';
import { EventIdGenerator } from '../storage/ids.ts';
import {
  eventById,
  eventSql,
  eventsForCard,
  fromDbReviewEvent,
  insertEvent,
  toReplayEvent,
  type ReviewEvent,
} from '../storage/review-events.ts';
import { text, withTransaction } from '../storage/sqlite.ts';
import type { Storage } from '../storage/storage.ts';
import { touchStudySession } from '../storage/study-session-rows.ts';
import { extraNewCardsOn } from '../custom-study/extra-new.ts';
import { Catalog } from './catalog.ts';
import { writeCardAction, type CardAction } from './card-action-writer.ts';
import { IntroducedCards } from './introduced-cards.ts';
import { countExamReviews, nextExamReview, type ExamDay } from './exam-reviews.ts';
import { storedTimeline } from '../optimiser/parameter-rows.ts';

const noCards: ReadonlySet<string> = new Set();

/** A learning card due within this much is shown when nothing else is left (Anki's learn-ahead). */
export const learnAheadMs = 20 * 60_000;

export interface ReviewServiceOptions {
  readonly storage: Storage;
  readonly settings: SettingsService;
  readonly now: () => Date;
  readonly catalog?: Catalog;
  /** Ids of cards the learner reported: left out of the queue and the counts. */
  readonly hiddenCards?: () => ReadonlySet<string>;
}

interface DayContext {
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

/** A card the queue picked, with its stored state (none for a card never rated). */
interface Picked {
  readonly card: StudyCard;
  readonly queue: 'learning' | 'review' | 'new';
  readonly record?: CardStateRecord | undefined;
}

function isNew(pick: Picked): boolean {
  return pick.record === undefined || pick.record.state.phase === 'new';
}

export interface QuizRatingResult {
  readonly cardId: string;
  readonly rating: Rating;
  readonly eventId: string;
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
  /** Every card of the pack; `#catalog` is this without the hidden ones. */
  #allCards: Catalog;
  readonly #hiddenCards: () => ReadonlySet<string>;
  #visible:
    | {
        readonly hidden: ReadonlySet<string>;
        readonly held: ReadonlySet<string>;
        readonly catalog: Catalog;
      }
    | undefined;
  /** Cards suspended or buried today, read again after a card action, an import or a new day. */
  #held: { readonly key: string; readonly ids: ReadonlySet<string> } | undefined;
  readonly #ids: EventIdGenerator;
  #idsSeededFor = -1;
  #introduced: IntroducedCards | undefined;
  #introducedGeneration = -1;
  /** Card states written by the open transaction, applied to `#introduced` once it commits. */
  #pending: CardStateRecord[] = [];
  #actionsWritten = 0;
  #writes = 0;

  constructor(options: ReviewServiceOptions) {
    this.#storage = options.storage;
    this.#settings = options.settings;
    this.#now = options.now;
    this.#allCards = options.catalog ?? Catalog.empty();
    this.#hiddenCards = options.hiddenCards ?? (() => noCards);
    this.#ids = new EventIdGenerator(() => this.#now().getTime());
  }

  get catalog(): Catalog {
    return this.#catalog;
  }

  /** Called when the generators or the active pack change. */
  setCatalog(cards: readonly StudyCard[], pack?: Pack): void {
    this.#allCards = new Catalog(cards, pack);
    this.#visible = undefined;
  }

  /**
   * The cards the queue may show: neither reported, nor suspended, nor buried today. Rebuilt only
   * when one of those sets changes.
   */
  get #catalog(): Catalog {
    const hidden = this.#hiddenCards();
    const held = this.#heldOut();
    if (this.#visible?.hidden !== hidden || this.#visible.held !== held) {
      const out = held.size === 0 ? hidden : new Set([...hidden, ...held]);
      this.#visible = {
        hidden,
        held,
        catalog: out.size === 0 ? this.#allCards : this.#allCards.without(out),
      };
    }
    return this.#visible.catalog;
  }

  /** Every card of the pack the learner has not reported (suspended and buried ones included). */
  get browsable(): Catalog {
    const hidden = this.#hiddenCards();
    return hidden.size === 0 ? this.#allCards : this.#allCards.without(hidden);
  }

  #heldOut(): ReadonlySet<string> {
    const today = studyDayOf(this.#now().getTime());
    const key = `${this.#storage.generation}:${this.#actionsWritten}:${today}`;
    if (this.#held?.key !== key) {
      const rows = this.#storage.statement(cardStateSql.heldOutIds).all(today);
      const ids = new Set(rows.map((row) => text(row, 'card_id')));
      const same = this.#held && sameSet(this.#held.ids, ids);
      this.#held = { key, ids: same && this.#held ? this.#held.ids : ids };
    }
    return this.#held.ids;
  }

  /**
   * Writes card actions (suspend, bury, flag, forget) on many cards in one transaction; see
   * `writeCardAction`. Returns the cards whose state changed.
   */
  act(cardIds: readonly string[], action: CardAction): string[] {
    for (const cardId of cardIds) {
      if (!this.#allCards.has(cardId)) {
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
    this.#actionsWritten += 1;
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
    return this.#day().counts;
  }

  next(): ReviewNext {
    const day = this.#day();
    const pick = this.#pick(day);
    if (!pick) {
      const upcoming = this.#firstLearningDueBy(day.dayEnd);
      return {
        item: null,
        upNext: null,
        counts: day.counts,
        nextDueAt: upcoming ? new Date(upcoming.state.due).toISOString() : null,
      };
    }
    return {
      item: this.#item(pick, day.now),
      upNext: this.#upNext(day, pick),
      counts: day.counts,
      nextDueAt: null,
    };
  }

  /** A card as the queue would show it now (for a custom session); undefined if not studied. */
  queuedCard(cardId: string): QueuedCard | undefined {
    const card = this.#catalog.card(cardId);
    if (!card) return undefined;
    const record = getCardState(this.#storage, cardId);
    const pick = record
      ? { card, queue: queueOf(record.state.phase), record }
      : { card, queue: 'new' as const };
    return this.#item(pick, this.#now().getTime());
  }

  answer(request: {
    readonly cardId: string;
    readonly rating: Rating;
    readonly durationMs: number;
    readonly expectedVersion: string;
  }): ReviewAnswer {
    if (!this.#catalog.has(request.cardId)) {
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
      return this.#rate(current, request.cardId, request.rating, {
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
      const next = this.#writeUndo(undone, current, 'review');
      return { target: undone, record: next };
    });
    const day = this.#day();
    const card = this.#catalog.card(target.cardId);
    // The undone card comes back to be answered again, whatever the queue would pick (Anki's undo).
    const undone = card && { card, queue: queueOf(record.state.phase), record };
    const next: ReviewNext = undone
      ? {
          item: this.#item(undone, day.now),
          upNext: this.#upNext(day, undone),
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
      for (const record of this.#pending) this.#noteIntroduced(record);
      this.#writes += 1;
      return result;
    } catch (error) {
      this.#introduced = undefined;
      throw error;
    } finally {
      this.#pending = [];
    }
  }

  /**
   * Applies the quiz → schedule rule (shared/engine/quiz-schedule.ts) for one recorded answer.
   * Call inside `transact`, so the answer and its rating events commit together.
   */
  applyQuizOutcome(
    outcome: QuizOutcome & {
      readonly answerId: string;
      /** Cards this answer already rated and then took back (an "I was right" claim). */
      readonly skipCardIds?: readonly string[];
    },
  ): QuizRatingResult[] {
    const today = studyDayOf(outcome.answeredAt);
    const lapsed = new Set(
      this.#storage
        .statement(eventSql.lapsedOnDay)
        .all(today)
        .map((row) => String(row.card_id)),
    );
    const skip = new Set(outcome.skipCardIds ?? []);
    const cards = this.#catalog.cardsForFacts(outcome.factIds).filter((card) => !skip.has(card.id));
    const records = new Map(cards.map((card) => [card.id, getCardState(this.#storage, card.id)]));
    const ratings = quizInformedRatings(
      outcome,
      cards.map((card) => ({
        cardId: card.id,
        factIds: card.factIds,
        state: records.get(card.id)?.state,
        lapsedToday: lapsed.has(card.id),
      })),
    );
    return ratings.map(({ cardId, rating }) => {
      const { event } = this.#rate(records.get(cardId), cardId, rating, {
        source: 'quiz',
        durationMs: 0,
        quizAnswerId: outcome.answerId,
      });
      return { cardId, rating, eventId: event.id };
    });
  }

  /**
   * Takes back the ratings one quiz answer added (the learner said "I was right" after it was
   * marked wrong): each is undone by an undo event in the log, so replaying reproduces it. Call
   * inside `transact`, then apply the answer's new outcome.
   */
  revokeQuizOutcome(answerId: string): string[] {
    const events = this.#storage
      .statement(eventSql.inEffectForQuizAnswer)
      .all(answerId)
      .map(fromDbReviewEvent);
    return events.map((event) => {
      const current = getCardState(this.#storage, event.cardId);
      if (!current) throw new Error(`Card ${event.cardId} has a quiz rating but no state.`);
      this.#writeUndo(event, current, 'quiz');
      return event.cardId;
    });
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

  /** Writes an undo event for a rating and the card's replayed state. Call inside a transaction. */
  #writeUndo(
    undone: ReviewEvent,
    current: CardStateRecord,
    source: ReviewEvent['source'],
  ): CardStateRecord {
    const at = Math.max(this.#now().getTime(), undone.occurredAt);
    const { weightsAt } = storedTimeline(this.#storage);
    const log = eventsForCard(this.#storage, undone.cardId).map((event) => ({
      ...toReplayEvent(event),
      weights: weightsAt(event.occurredAt),
    }));
    const undoReplay = {
      id: this.newId(),
      kind: 'undo' as const,
      rating: null,
      undoes: undone.id,
      occurredAt: at,
      studyDay: studyDayOf(at),
      desiredRetention: undone.desiredRetention,
      fuzz: undone.fuzz,
    };
    const replayed = replayCard([...log, undoReplay]);
    if (!replayed) throw new Error(`Replaying card ${undone.cardId} gave no state.`);
    insertEvent(this.#storage, {
      ...undoReplay,
      deviceId: this.#storage.deviceId,
      cardId: undone.cardId,
      source,
      quizAnswerId: undone.quizAnswerId,
      studySessionId: undone.studySessionId,
      durationMs: 0,
      phaseBefore: current.state.phase,
      phaseAfter: replayed.state.phase,
      dueAfter: replayed.state.due,
      stabilityAfter: replayed.state.stability,
      difficultyAfter: replayed.state.difficulty,
      recordedAt: this.#now().getTime(),
      flag: null,
    });
    const next = replayedRecord(undone.cardId, replayed);
    putCardState(this.#storage, next);
    this.#pending.push(next);
    return next;
  }

  /** Writes one rating event and the card's new cached state. Call inside a transaction. */
  #rate(
    current: CardStateRecord | undefined,
    cardId: string,
    rating: Rating,
    extra: {
      readonly source: ReviewEvent['source'];
      readonly durationMs: number;
      readonly quizAnswerId: string | null;
    },
  ): { event: ReviewEvent; record: CardStateRecord } {
    const at = this.#answerTime(current, this.#now().getTime());
    const before = current?.state ?? newCardState(at);
    const config = this.#settings.schedulerConfig();
    const after = applyRating(before, at, rating, config).state;
    const studySession =
      extra.source === 'review'
        ? touchStudySession(this.#storage, {
            at,
            durationMs: extra.durationMs,
            newId: () => this.newId(),
          })
        : undefined;
    const event: ReviewEvent = {
      id: this.newId(),
      deviceId: this.#storage.deviceId,
      cardId,
      kind: 'rating',
      source: extra.source,
      rating,
      undoes: null,
      quizAnswerId: extra.quizAnswerId,
      studySessionId: studySession?.id ?? null,
      occurredAt: at,
      studyDay: studyDayOf(at),
      durationMs: extra.durationMs,
      desiredRetention: config.desiredRetention,
      fuzz: config.fuzz,
      phaseBefore: before.phase,
      phaseAfter: after.phase,
      dueAfter: after.due,
      stabilityAfter: after.stability,
      difficultyAfter: after.difficulty,
      recordedAt: this.#now().getTime(),
      flag: null,
    };
    insertEvent(this.#storage, event);
    const record: CardStateRecord = {
      cardId,
      state: after,
      introducedDay: before.phase === 'new' ? event.studyDay : (current?.introducedDay ?? null),
      lastEventId: event.id,
      marks: current?.marks ?? noMarks,
    };
    putCardState(this.#storage, record);
    this.#pending.push(record);
    return { event, record };
  }

  /**
   * When an answer given now is recorded: never before the card's previous event, so the log's
   * order is the order answers were given even after the clock was set back.
   */
  #answerTime(record: CardStateRecord | undefined, now: number): number {
    const lastAt = record ? (eventById(this.#storage, record.lastEventId)?.occurredAt ?? 0) : 0;
    return Math.max(now, lastAt);
  }

  #pick(day: DayContext, after?: Picked): Picked | undefined {
    // `after`: the card on screen, as if answered now. Then its own slot in each allowance is
    // spent, and it never comes back, whatever its rating.
    const skip = after?.card.id;
    const learningNow = this.#firstLearningDueBy(day.now, skip);
    if (learningNow) return this.#queued(learningNow, 'learning');

    // New and review cards wait while a sibling was answered today (learning cards never do),
    // unless the learner turned sibling burying off.
    const burySiblings = day.settings.burySiblings;
    const bury = burySiblings ? this.#siblingsBuried(day.today) : new SiblingBury([]);
    if (after && burySiblings) bury.answered(after.card);
    const leaveOut = (cardId: string): boolean => {
      if (cardId === skip) return true;
      const card = this.#catalog.card(cardId);
      return card !== undefined && bury.buries(card);
    };

    const reviewsLeft = day.reviewAllowance - (after?.record?.state.phase === 'review' ? 1 : 0);
    if (reviewsLeft > 0) {
      const review = day.examDay
        ? nextExamReview(this.#storage, this.#catalog, day.examDay, leaveOut)
        : this.#firstOverdueReview(day.dayEnd, leaveOut);
      if (review) return this.#queued(review, 'review');
    }

    const newLeft = day.newAllowance - (after && isNew(after) ? 1 : 0);
    if (newLeft > 0) {
      const card = this.#introducedCards().firstUnseen((c) => leaveOut(c.id));
      if (card) {
        const record = getCardState(this.#storage, card.id);
        return record ? { card, queue: 'new', record } : { card, queue: 'new' };
      }
    }

    // Learning ahead, the card on screen may come back first or not, depending on its rating.
    if (after) return undefined;
    const learningSoon = this.#firstLearningDueBy(Math.min(day.now + learnAheadMs, day.dayEnd - 1));
    if (learningSoon) return this.#queued(learningSoon, 'learning');
    return undefined;
  }

  /**
   * The card that follows `current` once it is answered now, whatever the rating: the screen
   * shows it the moment a rating key is pressed, before the answer's round trip. Null when that
   * depends on the rating (learning ahead) or nothing is left; the answer's own `next` is the
   * authority either way.
   */
  #upNext(day: DayContext, current: Picked): QueuedCard | null {
    const pick = this.#pick(day, current);
    return pick ? this.#item(pick, day.now) : null;
  }

  /** A card as the screen shows it: its state now, the four answers' outcomes, its version. */
  #item(pick: Picked, now: number): QueuedCard {
    const { card, queue, record } = pick;
    const state = record?.state ?? newCardState(now);
    // Previewed at the time the answer would be recorded, so the buttons show what answering does.
    const at = this.#answerTime(record, now);
    const preview = previewStates(state, at, this.#settings.schedulerConfig());
    const choice = (rating: Rating) => ({
      intervalMs: preview.next[rating].intervalMs,
      due: new Date(preview.next[rating].state.due).toISOString(),
    });
    return {
      card,
      queue,
      state: stateView(state, now),
      choices: {
        again: choice('again'),
        hard: choice('hard'),
        good: choice('good'),
        easy: choice('easy'),
      },
      stateVersion: record ? cardVersion(record) : newVersion,
    };
  }

  #queued(
    record: CardStateRecord,
    queue: 'learning' | 'review',
  ): { card: StudyCard; queue: 'learning' | 'review'; record: CardStateRecord } | undefined {
    const card = this.#catalog.card(record.cardId);
    return card ? { card, queue, record } : undefined;
  }

  /** The soonest learning card due by `at` that is in the catalog (other than `skip`). */
  #firstLearningDueBy(at: number, skip?: string): CardStateRecord | undefined {
    for (const row of this.#storage.statement(cardStateSql.learningDueBy).iterate(at)) {
      const record = fromDbCardState(row);
      if (record.cardId !== skip && this.#catalog.has(record.cardId)) return record;
    }
    return undefined;
  }

  #firstOverdueReview(
    dayEnd: number,
    leaveOut: (cardId: string) => boolean,
  ): CardStateRecord | undefined {
    const statement = this.#storage.statement(cardStateSql.reviewDueBefore);
    for (const row of statement.iterate(dayEnd)) {
      const record = fromDbCardState(row);
      if (!leaveOut(record.cardId) && this.#catalog.has(record.cardId)) return record;
    }
    return undefined;
  }

  /**
   * The given cards as the flashcard screen shows them (Browse's "Study these"), in the order
   * given, leaving out those the queue would not show: reported, suspended or buried today.
   */
  studyItems(cardIds: readonly string[]): QueuedCard[] {
    const now = this.#now().getTime();
    return [...new Set(cardIds)].flatMap((cardId) => {
      const card = this.#catalog.card(cardId);
      if (!card) return [];
      const record = getCardState(this.#storage, cardId);
      const queue = record ? queueOf(record.state.phase) : 'new';
      return [this.#item(record ? { card, queue, record } : { card, queue }, now)];
    });
  }

  /** Cards waiting today because a sibling was answered (none when the learner turned it off). */
  siblingsBuriedToday(): SiblingBury {
    const now = this.#now().getTime();
    if (!this.#settings.get().burySiblings) return new SiblingBury([]);
    return this.#siblingsBuried(studyDayOf(now));
  }

  /** Today's answered cards, as the rule that buries their siblings (shared/engine/queue.ts). */
  #siblingsBuried(today: string): SiblingBury {
    const answered = this.#storage
      .statement(eventSql.answeredOnDay)
      .all(today)
      .map((row) => this.#allCards.card(text(row, 'card_id')))
      .filter((card): card is StudyCard => card !== undefined);
    return new SiblingBury(answered);
  }

  #day(): DayContext {
    const now = this.#now().getTime();
    const today = studyDayOf(now);
    const dayEnd = studyDayEnd(now);
    const settings = this.#settings.get();
    const exam = examPlan(settings.examDate, today);
    const { unseen } = this.#introducedCards();

    const count = (sql: string, ...params: (string | number)[]) =>
      Number(this.#storage.statement(sql).get(...params)?.n ?? 0);
    const introducedToday = count(cardStateSql.introducedOnDay, today);
    const reviewedToday = count(eventSql.reviewsOnDay, today);
    const limits = {
      newPerDay: settings.newCardsPerDay + extraNewCardsOn(this.#storage, today),
      reviewsPerDay: settings.reviewsPerDay,
    };
    const fresh = newCardAllowance({ limits, introducedToday, unseen, exam });
    const reviewsLeft = reviewAllowance(limits, reviewedToday);

    const examDay = exam ? { dayEnd, exam, desiredRetention: settings.desiredRetention } : null;
    const dueReviews = examDay
      ? countExamReviews(this.#storage, this.#catalog, examDay)
      : this.#countInCatalog(cardStateSql.reviewIdsDueBefore, dayEnd);
    const learning = this.#countInCatalog(cardStateSql.learningIdsDueBy, dayEnd - 1);

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

  #countInCatalog(sql: string, bound: number): number {
    let n = 0;
    // all() over iterate(): one call into SQLite instead of one per row.
    for (const row of this.#storage.statement(sql).all(bound)) {
      if (this.#catalog.has(text(row, 'card_id'))) n += 1;
    }
    return n;
  }

  /**
   * Catalog cards out of "new", read once per catalog and storage generation and kept current by
   * our writes.
   */
  #introducedCards(): IntroducedCards {
    if (this.#introduced && this.#introducedIsCurrent()) return this.#introduced;
    const ids = this.#storage
      .statement(cardStateSql.introducedIds)
      .all()
      .map((row) => text(row, 'card_id'));
    this.#introduced = new IntroducedCards(this.#catalog, ids);
    this.#introducedGeneration = this.#storage.generation;
    return this.#introduced;
  }

  #introducedIsCurrent(): boolean {
    return (
      this.#introduced?.catalog === this.#catalog &&
      this.#introducedGeneration === this.#storage.generation
    );
  }

  #noteIntroduced(record: CardStateRecord): void {
    if (this.#introducedIsCurrent()) {
      this.#introduced?.set(record.cardId, record.state.phase !== 'new');
    }
  }
}

function queueOf(phase: MemoryState['phase']): QueuedCard['queue'] {
  switch (phase) {
    case 'new':
      return 'new';
    case 'learning':
    case 'relearning':
      return 'learning';
    case 'review':
      return 'review';
  }
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((id) => b.has(id));
}

/** The version of a card never rated. */
export const newVersion = 'new';

/**
 * A card's version: its last event, plus a hash of its state, because an import can change the
 * state by merging in older events without changing which event is last.
 */
export function cardVersion(record: CardStateRecord): string {
  const text = JSON.stringify(record.state);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${record.lastEventId}.${(hash >>> 0).toString(16).padStart(8, '0')}`;
}

export function stateView(state: MemoryState, now: number): MemoryStateView {
  return {
    phase: state.phase,
    due: new Date(state.due).toISOString(),
    stability: state.stability,
    difficulty: state.difficulty,
    reps: state.reps,
    lapses: state.lapses,
    lastReview: state.lastReview === null ? null : new Date(state.lastReview).toISOString(),
    retrievability: retrievability(state, now),
  };
}
