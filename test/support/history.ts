import { ContractError } from '../../shared/contract/errors.ts';
import { ratings } from '../../shared/engine/scheduler.ts';
import type { openTestServices } from './test-services.ts';
import { factId } from './synthetic-cards.ts';

type Services = ReturnType<typeof openTestServices>;

/** TEST-ONLY: a small seeded PRNG (mulberry32), so a history is reproducible from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** TEST-ONLY: drives a device through answers, undos, quizzes, settings and time, from a seed. */
export function runHistory(services: Services, seed: number, steps: number): void {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const session = services.quizRecords.startQuizSession({ mode: `seed-${seed}`, config: { seed } });
  for (let step = 0; step < steps; step++) {
    const roll = random();
    if (roll < 0.6) {
      const next = services.review.next();
      if (next.item) {
        services.review.answer({
          cardId: next.item.card.id,
          rating: pick(ratings),
          durationMs: Math.floor(random() * 10_000),
          expectedVersion: next.item.stateVersion,
        });
      }
      services.clock.advance(5_000 + Math.floor(random() * 60_000));
    } else if (roll < 0.7) {
      try {
        services.review.undo();
      } catch (error) {
        if (!(error instanceof ContractError)) throw error;
      }
    } else if (roll < 0.82) {
      services.quizRecords.recordQuizAnswer({
        sessionId: session.sessionId,
        itemId: `item-${step}`,
        kind: pick(['mcq', 'true-false', 'cloze']),
        factIds: [factId(Math.floor(random() * 10))],
        topic: pick(['topic-a', 'topic-b']),
        correct: random() < 0.6,
        response: { step },
        durationMs: 3000,
      });
    } else if (roll < 0.85) {
      services.settings.update({ desiredRetention: pick([0.8, 0.9, 0.95]) });
    } else {
      services.clock.advance(Math.floor(random() * 3 * 86_400_000));
    }
  }
  services.quizRecords.finishQuizSession({ sessionId: session.sessionId });
}
