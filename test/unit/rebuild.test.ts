import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ContractError } from '../../shared/contract/errors.ts';
import { ratings } from '../../shared/engine/scheduler.ts';
import { allCardStates } from '../../services/storage/card-states.ts';
import { rebuildCardStates } from '../../services/storage/rebuild.ts';
import { eventSql } from '../../services/storage/review-events.ts';
import { factId, syntheticCards } from '../support/synthetic-cards.ts';
import { openTestServices } from '../support/test-services.ts';

const command = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('study' as const),
      rating: fc.constantFrom(...ratings),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      ms: fc.oneof(
        fc.integer({ min: 1_000, max: 30 * 60_000 }),
        fc.integer({ min: 3_600_000, max: 20 * 86_400_000 }),
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo' as const) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('quiz' as const),
      facts: fc.array(fc.integer({ min: 0, max: 11 }), { minLength: 0, maxLength: 5 }),
      correct: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('retention' as const),
      value: fc.constantFrom(0.75, 0.85, 0.9, 0.95),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('stale' as const) }) },
);

describe('card states are a cache of the event log', () => {
  const exercised = new Map<string, number>();

  it('rebuild from events equals the cache after long random histories (undos, quiz events, retention changes)', () => {
    fc.assert(
      fc.property(
        fc.array(command, { minLength: 150, maxLength: 400 }),
        fc.boolean(),
        (commands, fuzz) => {
          const services = openTestServices({ cards: syntheticCards(24, { facts: 12 }), fuzz });
          services.settings.update({ newCardsPerDay: 12 });
          const session = services.quizRecords.startQuizSession({ mode: 'property', config: null });
          let writes = 0;
          const expectCode = (fn: () => unknown, allowed: string[]) => {
            try {
              fn();
              writes += 1;
            } catch (error) {
              if (!(error instanceof ContractError) || !allowed.includes(error.code)) throw error;
            }
          };
          for (const step of commands) {
            switch (step.kind) {
              case 'study': {
                const next = services.review.next();
                if (next.item) {
                  const { card, stateVersion } = next.item;
                  services.review.answer({
                    cardId: card.id,
                    rating: step.rating,
                    durationMs: 1500,
                    expectedVersion: stateVersion,
                  });
                  writes += 1;
                }
                services.clock.advance(7_000);
                break;
              }
              case 'advance':
                services.clock.advance(step.ms);
                break;
              case 'undo':
                expectCode(() => services.review.undo(), ['not-found', 'conflict']);
                break;
              case 'quiz': {
                const result = services.quizRecords.recordQuizAnswer({
                  sessionId: session.sessionId,
                  itemId: `item-${writes}`,
                  kind: 'mcq',
                  factIds: step.facts.map(factId),
                  topic: 'topic-a',
                  correct: step.correct,
                  response: null,
                  durationMs: 2000,
                });
                writes += result.scheduled.length;
                break;
              }
              case 'retention':
                services.settings.update({ desiredRetention: step.value });
                break;
              case 'stale': {
                const next = services.review.next();
                if (next.item && next.item.stateVersion !== 'new') {
                  const { card } = next.item;
                  expect(() =>
                    services.review.answer({
                      cardId: card.id,
                      rating: 'good',
                      durationMs: 1,
                      expectedVersion: 'new',
                    }),
                  ).toThrow(/changed after it was shown/);
                }
                break;
              }
            }
          }
          // Every write added exactly one event; none was ever removed.
          expect(Number(services.storage.statement(eventSql.count).get()?.n)).toBe(writes);
          const cache = allCardStates(services.storage);
          const result = rebuildCardStates(services.storage);
          expect(result.events).toBe(writes);
          expect(allCardStates(services.storage)).toEqual(cache);
          const kinds = services.storage
            .db()
            .prepare(`SELECT kind, source, COUNT(*) AS n FROM review_event GROUP BY kind, source`)
            .all();
          for (const row of kinds)
            exercised.set(
              `${String(row.kind)}/${String(row.source)}`,
              (exercised.get(`${String(row.kind)}/${String(row.source)}`) ?? 0) + Number(row.n),
            );
          services.close();
        },
      ),
      { numRuns: 12 },
    );
    // The histories really contained each kind of event.
    expect([...exercised.keys()].sort()).toEqual(['rating/quiz', 'rating/review', 'undo/review']);
  }, 180_000); // 12 histories of 150–400 steps: 39 s on a loaded machine pinned to one core
});
