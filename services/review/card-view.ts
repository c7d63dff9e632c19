import type { MemoryStateView, QueuedCard } from '../../shared/contract/review.ts';
import {
  newCardState,
  previewStates,
  retrievability,
  type MemoryState,
  type Rating,
  type SchedulerConfig,
} from '../../shared/engine/scheduler.ts';
import type { StudyCard } from '../../shared/engine/types.ts';
import type { CardStateRecord } from '../storage/card-states.ts';

/** A card the queue picked, with its stored state (none for a card never rated). */
export interface Picked {
  readonly card: StudyCard;
  readonly queue: 'learning' | 'review' | 'new';
  readonly record?: CardStateRecord | undefined;
}

export function isNew(pick: Picked): boolean {
  return pick.record === undefined || pick.record.state.phase === 'new';
}

export function queueOf(phase: MemoryState['phase']): QueuedCard['queue'] {
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

/**
 * A card as the screen shows it: its state now, the four answers' outcomes, its version. `at` is
 * when an answer given now would be recorded, so the buttons show what answering does.
 */
export function queuedCardView(
  pick: Picked,
  now: number,
  at: number,
  config: SchedulerConfig,
): QueuedCard {
  const { card, queue, record } = pick;
  const state = record?.state ?? newCardState(now);
  const preview = previewStates(state, at, config);
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
