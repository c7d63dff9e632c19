import { v7 as uuidv7 } from 'uuid';
import type { ReviewEvent } from '../../services/storage/review-events.ts';
import {
  applyRating,
  defaultWeights,
  newCardState,
  retrievability,
  type Rating,
} from '../../shared/engine/scheduler.ts';
import { studyDayOf } from '../../shared/engine/study-day.ts';
import { prng } from './history.ts';

const dayMs = 86_400_000;

/**
 * The memory of the simulated learner: FSRS itself, but with initial stabilities a fifth of the
 * defaults' and stability growing more slowly after a success, so FSRS can learn it exactly.
 */
const learnerWeights = defaultWeights.map((w, i) => (i <= 3 ? w / 10 : i === 8 ? w - 1.2 : w));

/**
 * TEST-ONLY: the review events of a learner who forgets much faster than FSRS's defaults expect,
 * as the review service would have written them: each card is answered whenever the default
 * schedule brings it, recalled with the probability the learner's own memory gives, from `start`
 * for `days`. Reproducible from its seed.
 */
export function forgetfulLearnerEvents(options: {
  readonly cardIds: readonly string[];
  readonly start: number;
  readonly days: number;
  readonly deviceId: string;
  readonly seed?: number;
}): ReviewEvent[] {
  const random = prng(options.seed ?? 5);
  const end = options.start + options.days * dayMs;
  const config = { desiredRetention: 0.9, fuzz: false };
  const events: ReviewEvent[] = [];
  for (const cardId of options.cardIds) {
    let state = newCardState(options.start);
    let memory = state;
    let at = options.start + Math.floor(random() * dayMs);
    for (let first = true; at < end; first = false) {
      const recalled = first || random() < retrievability(memory, at);
      const rating: Rating = recalled ? 'good' : 'again';
      const after = applyRating(state, at, rating, config).state;
      memory = applyRating(memory, at, rating, { ...config, weights: learnerWeights }).state;
      events.push({
        id: uuidv7({ msecs: at, seq: events.length }),
        deviceId: options.deviceId,
        packId: 'il32-gamma',
        cardId,
        kind: 'rating',
        source: 'review',
        rating,
        undoes: null,
        quizAnswerId: null,
        studySessionId: null,
        occurredAt: at,
        studyDay: studyDayOf(at),
        durationMs: 2000,
        desiredRetention: config.desiredRetention,
        fuzz: false,
        phaseBefore: state.phase,
        phaseAfter: after.phase,
        dueAfter: after.due,
        stabilityAfter: after.stability,
        difficultyAfter: after.difficulty,
        recordedAt: at,
        flag: null,
      });
      state = after;
      at = Math.max(after.due, at + 60_000);
    }
  }
  return events;
}
