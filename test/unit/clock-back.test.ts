import { describe, expect, it } from 'vitest';
import {
  applyRating,
  dayMs,
  newCardState,
  previewStates,
  type SchedulerConfig,
} from '../../shared/engine/scheduler.ts';
import { eventSql } from '../../services/storage/review-events.ts';
import { syntheticCards } from '../support/synthetic-cards.ts';
import { openTestServices, testClock } from '../support/test-services.ts';

type Services = ReturnType<typeof openTestServices>;

const start = Date.parse('2025-03-03T09:00:00.000Z');

function answerNext(services: Services, rating: 'again' | 'good' | 'easy' = 'good') {
  const item = services.review.next().item;
  if (!item) throw new Error('nothing to study');
  return services.review.answer({
    cardId: item.card.id,
    rating,
    durationMs: 1000,
    expectedVersion: item.stateVersion,
  });
}

function answerQuizItem(services: Services, sessionId: string) {
  return services.quizRecords.recordQuizAnswer({
    sessionId,
    itemId: 'item-1',
    kind: 'mcq',
    factIds: [],
    topic: 'topic-a',
    correct: true,
    response: {},
    durationMs: 1000,
  });
}

function eventCount(services: Services): number {
  return Number(services.storage.statement(eventSql.count).get()?.n);
}

/** One card taken to review and answered again days later, then the clock set back `back` ms. */
function reviewedThenClockBack(back: number) {
  const services = openTestServices({ cards: syntheticCards(1), clock: testClock(start) });
  const first = answerNext(services, 'easy');
  services.clock.set(Date.parse(first.state.due));
  answerNext(services, 'good');
  const secondAt = services.clock.ms();
  services.clock.set(secondAt - back);
  return { services, cardId: first.cardId, secondAt };
}

describe('the clock moved back', () => {
  it('undo answers with the restored card, and the undo is stored once', () => {
    // Back to before the card's first answer: both its reviews now lie "in the future".
    const { services, cardId, secondAt } = reviewedThenClockBack(30 * dayMs);
    const events = eventCount(services);
    const undo = services.review.undo();
    expect(undo.cardId).toBe(cardId);
    expect(eventCount(services)).toBe(events + 1);
    // The restored card is shown again, its four answers previewed from its last event on.
    const item = undo.next.item;
    expect(item?.card.id).toBe(cardId);
    for (const choice of Object.values(item?.choices ?? {})) {
      expect(choice.intervalMs).toBeGreaterThan(0);
      expect(Date.parse(choice.due)).toBeGreaterThan(secondAt);
    }
    // And the restored card can be answered; the answer is recorded after the undo, in log order.
    const again = services.review.answer({
      cardId,
      rating: 'good',
      durationMs: 1000,
      expectedVersion: item?.stateVersion ?? '',
    });
    expect(eventCount(services)).toBe(events + 2);
    expect(Date.parse(again.state.lastReview ?? '')).toBe(secondAt);
    // What the button showed is what the answer did.
    expect(again.state.due).toBe(item?.choices.good.due);
  });

  it('the scheduler takes a time before the last review as the last review itself', () => {
    const config: SchedulerConfig = { desiredRetention: 0.9, fuzz: false };
    const learned = applyRating(newCardState(start), start, 'easy', config).state;
    const reviewedAt = learned.due;
    const reviewed = applyRating(learned, reviewedAt, 'good', config).state;
    const earlier = reviewedAt - 40 * dayMs;
    expect(previewStates(reviewed, earlier, config)).toEqual(
      previewStates(reviewed, reviewedAt, config),
    );
    expect(applyRating(reviewed, earlier, 'hard', config)).toEqual(
      applyRating(reviewed, reviewedAt, 'hard', config),
    );
  });
});

describe('exports and the clock moved back', () => {
  /** A device that studies, has its clock set back `back` ms, and studies on. */
  function studiedAcrossClockBack(back: number) {
    const services = openTestServices({ cards: syntheticCards(12), clock: testClock(start) });
    const session = services.quizRecords.startQuizSession({ mode: 'test', config: {} });
    for (let i = 0; i < 6; i++) {
      answerNext(services, 'good');
      services.clock.advance(2 * 60_000);
    }
    const before = services.data.exportDocument().content;
    const realNow = services.clock.ms();
    services.clock.set(realNow - back);
    for (let i = 0; i < 4; i++) answerNext(services, 'again');
    services.review.undo();
    answerQuizItem(services, session.sessionId);
    return { services, before, realNow };
  }

  it('an export made before the clock moved back imports again, adding nothing', () => {
    const { services, before } = studiedAcrossClockBack(3 * dayMs);
    const stored = (JSON.parse(before) as { events: unknown[] }).events.length;
    const result = services.data.importDocument(before);
    expect(result.added.events).toBe(0);
    expect(result.alreadyPresent.events).toBe(stored);
    // And so does an export made after it, whose records now lie ahead of the clock.
    const after = services.data.exportDocument();
    expect(services.data.importDocument(after.content).alreadyPresent.events).toBe(
      after.counts.events,
    );
  });

  it('an export made after the clock moved back imports on a device whose clock is right', () => {
    const { services, realNow } = studiedAcrossClockBack(10 * dayMs);
    const exported = services.data.exportDocument();
    const other = openTestServices({ cards: syntheticCards(12), clock: testClock(realNow) });
    expect(other.data.importDocument(exported.content).added).toEqual(exported.counts);
  });
});

describe('a clock set back further than an id may run ahead of its record', () => {
  it('refuses to write, says why, loses nothing, and studies on once the clock is right', () => {
    const services = openTestServices({ cards: syntheticCards(4), clock: testClock(start) });
    const session = services.quizRecords.startQuizSession({ mode: 'test', config: {} });
    answerNext(services, 'good');
    const events = eventCount(services);
    services.clock.set(start - 32 * dayMs);
    // An id made now would lie 32 days after its record: the app's own import would refuse it.
    const refusal =
      /clock says 2025-01-30, more than 31 days before your latest saved study \(2025-03-03\)\. Nothing was saved/;
    expect(() => answerNext(services, 'good')).toThrow(refusal);
    expect(() => services.review.undo()).toThrow(refusal);
    expect(() => answerQuizItem(services, session.sessionId)).toThrow(refusal);
    expect(eventCount(services)).toBe(events);

    // 31 days back is still within reach: the answer is written and its export imports anywhere.
    services.clock.set(start - 31 * dayMs + 60_000);
    answerNext(services, 'good');
    const exported = services.data.exportDocument();
    expect(services.data.importDocument(exported.content).alreadyPresent.events).toBe(events + 1);
    const other = openTestServices({ cards: syntheticCards(4), clock: testClock(start) });
    expect(other.data.importDocument(exported.content).added).toEqual(exported.counts);
    services.close();
    other.close();
  });
});
