import { describe, expect, it } from 'vitest';
import { dayMs } from '../../shared/engine/scheduler.ts';
import { allCardStates } from '../../services/storage/card-states.ts';
import { eventSql } from '../../services/storage/review-events.ts';
import { answerNext, code } from '../support/review-answers.ts';
import { syntheticCards } from '../support/synthetic-cards.ts';
import { openTestServices, testClock } from '../support/test-services.ts';

// The review queue's answers: one transaction each, a stale answer refused and writing nothing,
// and undo by a compensating event. What the queue offers: review-service-queue.test.ts.

type Services = ReturnType<typeof openTestServices>;

function eventCount(services: Services): number {
  return Number(services.storage.statement(eventSql.count).get()?.n);
}

describe('review queue', () => {
  it('refuses an answer when the card changed since it was shown (stale-state), writing nothing', () => {
    const services = openTestServices({ cards: syntheticCards(3) });
    const shown = services.review.next();
    const item = shown.item;
    if (!item) throw new Error('no item');
    services.review.answer({
      cardId: item.card.id,
      rating: 'good',
      durationMs: 1,
      expectedVersion: item.stateVersion,
    });
    const events = eventCount(services);
    const states = allCardStates(services.storage);
    expect(
      code(() =>
        services.review.answer({
          cardId: item.card.id,
          rating: 'easy',
          durationMs: 1,
          expectedVersion: item.stateVersion,
        }),
      ),
    ).toBe('stale-state');
    expect(eventCount(services)).toBe(events);
    expect(allCardStates(services.storage)).toEqual(states);
    expect(
      code(() =>
        services.review.answer({
          cardId: 'nope',
          rating: 'good',
          durationMs: 1,
          expectedVersion: 'new',
        }),
      ),
    ).toBe('not-found');
    services.close();
  });

  it('an import that merges an older event into a shown card makes the answer stale', () => {
    const cards = syntheticCards(1);
    const a = openTestServices({ cards });
    const cardId = answerNext(a, 'good').answer.cardId;
    const b = openTestServices({ cards, clock: testClock(a.clock.ms()) });
    b.data.importDocument(a.data.exportDocument().content);
    // B answers at +1 day, A at +2 days: A's own answer stays the card's last event.
    b.clock.advance(dayMs);
    answerNext(b, 'hard');
    a.clock.advance(2 * dayMs);
    answerNext(a, 'good');
    a.clock.advance(60 * dayMs);
    const shown = a.review.next().item;
    if (!shown) throw new Error('no card');
    a.data.importDocument(b.data.exportDocument().content);
    expect(shown.stateVersion.startsWith(allCardStates(a.storage)[0]?.lastEventId ?? '?')).toBe(
      true,
    );
    expect(
      code(() =>
        a.review.answer({
          cardId,
          rating: 'good',
          durationMs: 1,
          expectedVersion: shown.stateVersion,
        }),
      ),
    ).toBe('stale-state');
    a.close();
    b.close();
  });

  it('writes the event and the card state in one transaction', () => {
    const services = openTestServices({ cards: syntheticCards(3) });
    const next = services.review.next();
    const cardId = next.item?.card.id ?? '';
    services.storage.db().exec(`CREATE TEMP TRIGGER fail_state BEFORE INSERT ON card_state
      BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);
    expect(() =>
      services.review.answer({ cardId, rating: 'good', durationMs: 1, expectedVersion: 'new' }),
    ).toThrow(/simulated failure/);
    expect(eventCount(services)).toBe(0);
    services.storage.db().exec('DROP TRIGGER temp.fail_state');
    // The in-memory queue index followed the rollback: the card is still new.
    expect(services.review.next().item?.card.id).toBe(cardId);
    expect(services.review.counts().unseen).toBe(3);
    services.close();
  });

  it('undo rolls the last answer back with a compensating event; nothing is deleted', () => {
    const services = openTestServices({ cards: syntheticCards(5) });
    const first = answerNext(services, 'good');
    services.clock.advance(60_000);
    const second = answerNext(services, 'easy');
    expect(eventCount(services)).toBe(2);

    const undone = services.review.undo();
    expect(undone.undoneEventId).toBe(second.answer.eventId);
    expect(undone.cardId).toBe(second.answer.cardId);
    expect(undone.state.phase).toBe('new');
    expect(undone.counts.introducedToday).toBe(1);
    expect(eventCount(services)).toBe(3);
    // The undone card is offered again, with the undo as its version.
    const again = services.review.next();
    expect(again.item?.card.id).toBe(second.answer.cardId);
    expect(again.item?.stateVersion).not.toBe('new');

    // Multi-step: the first answer can be undone next.
    expect(services.review.undo().undoneEventId).toBe(first.answer.eventId);
    expect(code(() => services.review.undo())).toBe('not-found');
    expect(eventCount(services)).toBe(4);
    services.close();
  });

  it('writes an answer in one transaction; a stale answer is still refused and writes nothing', () => {
    const services = openTestServices({ cards: syntheticCards(3) });
    const db = services.storage.db();
    const statements: string[] = [];
    const exec = db.exec.bind(db);
    db.exec = (sql: string) => {
      statements.push(sql);
      exec(sql);
    };
    const { next, answer } = answerNext(services, 'good');
    expect(statements).toEqual(['BEGIN IMMEDIATE', 'COMMIT']);
    expect(answer.next.item).not.toBeNull();

    statements.length = 0;
    const events = eventCount(services);
    expect(
      code(() =>
        services.review.answer({
          cardId: answer.cardId,
          rating: 'easy',
          durationMs: 1,
          expectedVersion: next.item?.stateVersion ?? '',
        }),
      ),
    ).toBe('stale-state');
    expect(statements).toEqual(['BEGIN IMMEDIATE', 'ROLLBACK']);
    expect(eventCount(services)).toBe(events);
    services.close();
  });

  it('undo hands back the undone card to answer again, with its restored state', () => {
    const services = openTestServices({ cards: syntheticCards(4) });
    answerNext(services, 'good');
    services.clock.advance(30_000);
    const second = answerNext(services, 'again');
    const undone = services.review.undo();
    expect(undone.changes).toEqual({
      cardIds: [second.answer.cardId],
      queue: true,
      progress: true,
    });
    const item = undone.next.item;
    expect(item?.card.id).toBe(second.answer.cardId);
    expect(item?.queue).toBe('new');
    expect(item?.state.phase).toBe('new');
    expect(item?.choices).toEqual(second.next.item?.choices);
    expect(undone.next.counts).toEqual(services.review.counts());
    const again = services.review.answer({
      cardId: second.answer.cardId,
      rating: 'easy',
      durationMs: 1,
      expectedVersion: item?.stateVersion ?? '',
    });
    expect(again.state.phase).toBe('review');
    services.close();
  });

  it('undo restores a reviewed card (rollback) and keeps its history', () => {
    const services = openTestServices({ cards: syntheticCards(1) });
    for (const rating of ['good', 'good'] as const) {
      answerNext(services, rating);
      services.clock.advance(11 * 60_000);
    }
    services.clock.advance(3 * dayMs);
    const before = services.review.next().item?.state;
    services.clock.advance(5000);
    answerNext(services, 'again');
    const undone = services.review.undo();
    expect(undone.state).toMatchObject({
      phase: before?.phase,
      stability: before?.stability,
      difficulty: before?.difficulty,
      reps: before?.reps,
      lapses: before?.lapses,
      lastReview: before?.lastReview,
    });
    services.close();
  });
});
