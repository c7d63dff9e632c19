import type { ReviewColumns } from '../../services/optimiser/protocol.ts';
import { rebuildCardStates } from '../../services/storage/rebuild.ts';
import { insertEvent } from '../../services/storage/review-events.ts';
import { withTransaction } from '../../services/storage/sqlite.ts';
import { dayMs } from '../../shared/engine/scheduler.ts';
import { prng } from './history.ts';
import { forgetfulLearnerEvents } from './simulated-learner.ts';
import type { openTestServices } from './test-services.ts';

/**
 * TEST-ONLY: a synthetic learner's reviews, as the optimiser's process receives them. The learner
 * forgets faster than FSRS's defaults expect (recall 0.9 after a fifth of the days they predict),
 * so fitted weights predict this learner measurably better. Reproducible from its seed.
 */
export function syntheticReviews(options: {
  readonly cards: number;
  readonly reviewsPerCard: number;
  readonly seed?: number;
  readonly firstDay?: number;
}): ReviewColumns {
  const random = prng(options.seed ?? 7);
  const card: number[] = [];
  const rating: number[] = [];
  const day: number[] = [];
  const occurredAt: number[] = [];
  const firstDay = options.firstDay ?? 19_000;
  for (let c = 0; c < options.cards; c++) {
    let today = firstDay + Math.floor(random() * 30);
    let stability = 0.4;
    let interval = 1;
    for (let r = 0; r < options.reviewsPerCard; r++) {
      const recalled = r === 0 ? true : random() < Math.pow(1 + interval / (9 * stability), -1);
      const grade = !recalled ? 1 : random() < 0.1 ? 2 : random() < 0.1 ? 4 : 3;
      card.push(c);
      rating.push(grade);
      day.push(today);
      occurredAt.push(today * 86_400_000 + 9 * 3_600_000 + c);
      stability = recalled ? stability * (1.8 + random()) : Math.max(0.2, stability * 0.3);
      interval = Math.max(1, Math.round(stability * 4 * (0.7 + 0.6 * random())));
      today += interval;
    }
  }
  return {
    card: Int32Array.from(card),
    rating: Uint8Array.from(rating),
    day: Int32Array.from(day),
    occurredAt: Float64Array.from(occurredAt),
  };
}

/**
 * TEST-ONLY: writes a forgetful learner's history (forgetfulLearnerEvents) straight into the event
 * log, rebuilds the card-state cache from it and moves the clock to its end: thousands of answers
 * take a moment this way, not minutes through the queue. Returns how many events it wrote.
 */
export function seedReviewLog(
  services: ReturnType<typeof openTestServices>,
  options: { readonly cardIds: readonly string[]; readonly days: number; readonly seed?: number },
): number {
  const start = services.clock.ms();
  const events = forgetfulLearnerEvents({
    ...options,
    start,
    deviceId: services.storage.deviceId,
  });
  withTransaction(services.storage.db(), () => {
    for (const event of events) insertEvent(services.storage, event);
  });
  rebuildCardStates(services.storage);
  services.clock.set(start + options.days * dayMs);
  return events.length;
}
