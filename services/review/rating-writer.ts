import { noMarks } from '../../shared/engine/card-actions.ts';
import { replayCard } from '../../shared/engine/replay.ts';
import { applyRating, newCardState, type Rating } from '../../shared/engine/scheduler.ts';
import { studyDayOf } from '../../shared/engine/study-day.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import { putCardState, replayedRecord, type CardStateRecord } from '../storage/card-states.ts';
import {
  eventById,
  eventsForCard,
  insertEvent,
  toReplayEvent,
  type ReviewEvent,
} from '../storage/review-events.ts';
import type { Storage } from '../storage/storage.ts';
import { touchStudySession } from '../storage/study-session-rows.ts';
import { storedTimeline } from '../optimiser/parameter-rows.ts';

export interface RatingWriterOptions {
  readonly storage: Storage;
  readonly settings: SettingsService;
  readonly now: () => Date;
  readonly newId: () => string;
  /** Told of every card state written, so the caller can follow the transaction's outcome. */
  readonly written: (record: CardStateRecord) => void;
}

/** Writes rating and undo events with the card's new cached state. Call inside a transaction. */
export class RatingWriter {
  readonly #storage: Storage;
  readonly #settings: SettingsService;
  readonly #now: () => Date;
  readonly #newId: () => string;
  readonly #written: (record: CardStateRecord) => void;

  constructor(options: RatingWriterOptions) {
    this.#storage = options.storage;
    this.#settings = options.settings;
    this.#now = options.now;
    this.#newId = options.newId;
    this.#written = options.written;
  }

  /** Writes one rating event and the card's new cached state. */
  rate(
    current: CardStateRecord | undefined,
    cardId: string,
    rating: Rating,
    extra: {
      readonly source: ReviewEvent['source'];
      readonly durationMs: number;
      readonly quizAnswerId: string | null;
    },
  ): { event: ReviewEvent; record: CardStateRecord } {
    const at = this.answerTime(current, this.#now().getTime());
    const before = current?.state ?? newCardState(at);
    const config = this.#settings.schedulerConfig();
    const after = applyRating(before, at, rating, config).state;
    const studySession =
      extra.source === 'review'
        ? touchStudySession(this.#storage, {
            at,
            durationMs: extra.durationMs,
            newId: () => this.#newId(),
          })
        : undefined;
    const event: ReviewEvent = {
      id: this.#newId(),
      deviceId: this.#storage.deviceId,
      packId: this.#storage.packId,
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
    this.#written(record);
    return { event, record };
  }

  /**
   * When an answer given now is recorded: never before the card's previous event, so the log's
   * order is the order answers were given even after the clock was set back.
   */
  answerTime(record: CardStateRecord | undefined, now: number): number {
    const lastAt = record ? (eventById(this.#storage, record.lastEventId)?.occurredAt ?? 0) : 0;
    return Math.max(now, lastAt);
  }

  /** Writes an undo event for a rating and the card's replayed state. */
  writeUndo(
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
      id: this.#newId(),
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
      packId: undone.packId,
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
    this.#written(next);
    return next;
  }
}
