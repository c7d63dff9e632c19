import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ContractError } from '../../shared/contract/errors.ts';
import { dayMs, ratings } from '../../shared/engine/scheduler.ts';
import { allCardStates } from '../../services/storage/card-states.ts';
import { rebuildCardStates } from '../../services/storage/rebuild.ts';
import { factId, syntheticCards } from '../support/synthetic-cards.ts';
import { openTestServices, testClock } from '../support/test-services.ts';

// A faults test: each run opens two devices (about 2 s each on this machine).

const start = Date.parse('2025-03-03T09:00:00.000Z');

const step = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('study'), rating: fc.constantFrom(...ratings) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('clock'),
      // Forward or back, by minutes or by days.
      ms: fc.oneof(
        fc.integer({ min: -30 * 60_000, max: 30 * 60_000 }),
        fc.integer({ min: -6 * dayMs, max: 6 * dayMs }),
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo') }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('quiz'),
      fact: fc.integer({ min: 0, max: 5 }),
      correct: fc.boolean(),
    }),
  },
);

describe('random histories with the clock moving both ways', () => {
  it('answer every call or refuse it with a contract error, keep the cache equal to the log, and export what imports elsewhere', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 40, maxLength: 100 }), (steps) => {
        const cards = syntheticCards(12, { facts: 6 });
        const services = openTestServices({ cards, clock: testClock(start) });
        // Closed whatever happens: a failing run is shrunk through hundreds of runs, and each
        // left open held its database until the process ran out of memory.
        const opened = [services];
        try {
          const session = services.quizRecords.startQuizSession({ mode: 'clock', config: null });
          let latest = start;
          for (const [index, next] of steps.entries()) {
            try {
              if (next.kind === 'study') {
                const item = services.review.next().item;
                if (item) {
                  services.review.answer({
                    cardId: item.card.id,
                    rating: next.rating,
                    durationMs: 1000,
                    expectedVersion: item.stateVersion,
                  });
                }
              } else if (next.kind === 'clock') {
                services.clock.advance(next.ms);
              } else if (next.kind === 'undo') {
                services.review.undo();
              } else {
                services.quizRecords.recordQuizAnswer({
                  sessionId: session.sessionId,
                  itemId: `item-${index}`,
                  kind: 'mcq',
                  factIds: [factId(next.fact)],
                  topic: 'topic-a',
                  correct: next.correct,
                  response: null,
                  durationMs: 1000,
                });
              }
            } catch (error) {
              if (!(error instanceof ContractError) || error.code === 'internal') throw error;
            }
            latest = Math.max(latest, services.clock.ms());
          }
          const cache = allCardStates(services.storage);
          rebuildCardStates(services.storage);
          expect(allCardStates(services.storage)).toEqual(cache);

          const exported = services.data.exportDocument();
          expect(services.data.importDocument(exported.content).added.events).toBe(0);
          const other = openTestServices({ cards, clock: testClock(latest) });
          opened.push(other);
          expect(other.data.importDocument(exported.content).added).toEqual(exported.counts);
          expect(allCardStates(other.storage)).toEqual(cache);
        } finally {
          for (const each of opened) each.close();
        }
      }),
      { numRuns: 5 },
    );
  });
});
