import type { CardActionKind, FlagColour } from '../../shared/engine/card-actions.ts';
import { replayCard } from '../../shared/engine/replay.ts';
import type { SchedulerConfig } from '../../shared/engine/scheduler.ts';
import { studyDayOf } from '../../shared/engine/study-day.ts';
import {
  getCardState,
  putCardState,
  replayedRecord,
  type CardStateRecord,
} from '../storage/card-states.ts';
import {
  eventsForCard,
  insertEvent,
  toReplayEvent,
  type ReviewEvent,
} from '../storage/review-events.ts';
import type { Storage } from '../storage/storage.ts';

export type CardAction =
  | { readonly kind: Exclude<CardActionKind, 'flag'> }
  | { readonly kind: 'flag'; readonly flag: FlagColour };

/**
 * Appends one card action to the log and stores the card's replayed state. Call inside a
 * transaction. An action that would change nothing (suspending a suspended card, forgetting a
 * card never studied) is not written, so the log holds only what the learner changed; undefined
 * then.
 */
export function writeCardAction(
  storage: Storage,
  cardId: string,
  action: CardAction,
  context: {
    readonly now: number;
    readonly config: SchedulerConfig;
    readonly newId: () => string;
  },
): CardStateRecord | undefined {
  const current = getCardState(storage, cardId);
  const log = eventsForCard(storage, cardId);
  // Never before the card's last event, so the log's order is the order things were done.
  const at = Math.max(context.now, log.at(-1)?.occurredAt ?? 0);
  const flag = action.kind === 'flag' ? action.flag : null;
  const base = {
    id: context.newId(),
    kind: action.kind,
    rating: null,
    undoes: null,
    occurredAt: at,
    studyDay: studyDayOf(at),
    desiredRetention: context.config.desiredRetention,
    fuzz: context.config.fuzz,
    flag,
  };
  const replayed = replayCard([...log.map(toReplayEvent), base]);
  if (!replayed) throw new Error(`Replaying card ${cardId} gave no state.`);
  if (current && !changes(current, replayed.state, replayed.marks)) return undefined;
  if (!current && action.kind !== 'suspend' && action.kind !== 'bury' && action.kind !== 'flag') {
    return undefined;
  }
  const event: ReviewEvent = {
    ...base,
    deviceId: storage.deviceId,
    packId: storage.packId,
    cardId,
    source: 'review',
    quizAnswerId: null,
    studySessionId: null,
    durationMs: 0,
    phaseBefore: current?.state.phase ?? 'new',
    phaseAfter: replayed.state.phase,
    dueAfter: replayed.state.due,
    stabilityAfter: replayed.state.stability,
    difficultyAfter: replayed.state.difficulty,
    recordedAt: context.now,
  };
  insertEvent(storage, event);
  const record = replayedRecord(cardId, replayed);
  putCardState(storage, record);
  return record;
}

function changes(
  current: CardStateRecord,
  state: CardStateRecord['state'],
  marks: CardStateRecord['marks'],
): boolean {
  const forgot = current.state.reps > 0 && state.reps === 0;
  return (
    forgot ||
    current.marks.suspended !== marks.suspended ||
    current.marks.buriedDay !== marks.buriedDay ||
    current.marks.flag !== marks.flag
  );
}
