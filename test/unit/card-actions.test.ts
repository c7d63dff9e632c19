import { describe, expect, it } from 'vitest';
import { ContractError } from '../../shared/contract/errors.ts';
import { replayCard, type ReplayEvent } from '../../shared/engine/replay.ts';
import { dayMs, type Rating } from '../../shared/engine/scheduler.ts';
import { studyDayOf } from '../../shared/engine/study-day.ts';
import { documentEventSchema } from '../../services/data/progress-document.ts';
import { allCardStates } from '../../services/storage/card-states.ts';
import { rebuildCardStates } from '../../services/storage/rebuild.ts';
import { eventSql, eventsForCard } from '../../services/storage/review-events.ts';
import { syntheticCards } from '../support/synthetic-cards.ts';
import { openTestServices } from '../support/test-services.ts';

type Services = ReturnType<typeof openTestServices>;

const t0 = Date.parse('2025-03-03T09:00:00.000Z');

function event(id: string, kind: ReplayEvent['kind'], at: number, extra = {}): ReplayEvent {
  return {
    id,
    kind,
    rating: null,
    undoes: null,
    occurredAt: at,
    studyDay: studyDayOf(at),
    desiredRetention: 0.9,
    fuzz: false,
    flag: null,
    ...extra,
  };
}
const rating = (id: string, value: Rating, at: number) =>
  event(id, 'rating', at, { rating: value });

function answer(services: Services, cardId: string, value: Rating = 'good') {
  const item = services.review.studyItems([cardId])[0];
  if (!item) throw new Error(`card ${cardId} cannot be studied`);
  return services.review.answer({
    cardId,
    rating: value,
    durationMs: 1000,
    expectedVersion: item.stateVersion,
  });
}

/** Every card the flashcard queue would show today, answering each with Good. */
function drainQueue(services: Services): string[] {
  const seen: string[] = [];
  for (let next = services.review.next(); next.item; next = services.review.next()) {
    seen.push(next.item.card.id);
    answer(services, next.item.card.id, 'easy');
    if (seen.length > 100) throw new Error('the queue does not end');
  }
  return seen;
}

function reviewCount(services: Services): number {
  return Number(services.storage.statement(eventSql.reviewCount).get()?.n);
}

describe('card actions in the replay', () => {
  it('forget sends a studied card back to new and keeps its history', () => {
    const log = [
      rating('a', 'good', t0),
      rating('b', 'good', t0 + dayMs),
      event('f', 'forget', t0 + 2 * dayMs),
    ];
    const replayed = replayCard(log);
    expect(replayed?.state).toMatchObject({ phase: 'new', reps: 0, lapses: 0, stability: 0 });
    expect(replayed?.introducedDay).toBeNull();
    // Studied again after it was forgotten, it starts over as a new card would.
    const again = replayCard([...log, rating('c', 'good', t0 + 3 * dayMs)]);
    const fresh = replayCard([rating('c', 'good', t0 + 3 * dayMs)]);
    expect(again?.state).toEqual(fresh?.state);
    expect(again?.introducedDay).toBe(studyDayOf(t0 + 3 * dayMs));
    // An undo of a rating from before the forget changes nothing after it.
    const undo = event('u', 'undo', t0 + 4 * dayMs, { undoes: 'b' });
    expect(replayCard([...log, rating('c', 'good', t0 + 3 * dayMs), undo])?.state).toEqual(
      again?.state,
    );
  });

  it('suspend, bury and flag leave marks and no change to the memory state', () => {
    const base = [rating('a', 'good', t0)];
    const marked = replayCard([
      ...base,
      event('s', 'suspend', t0 + 1000),
      event('b', 'bury', t0 + 2000),
      event('f', 'flag', t0 + 3000, { flag: 'turquoise' }),
    ]);
    expect(marked?.state).toEqual(replayCard(base)?.state);
    expect(marked?.marks).toEqual({
      suspended: true,
      buriedDay: studyDayOf(t0),
      flag: 'turquoise',
    });
    const cleared = replayCard([
      ...base,
      event('s', 'suspend', t0 + 1000),
      event('f', 'flag', t0 + 3000, { flag: 'red' }),
      event('x', 'unsuspend', t0 + 4000),
      event('y', 'unflag', t0 + 5000),
    ]);
    expect(cleared?.marks).toMatchObject({ suspended: false, flag: null });
    // A card never studied but suspended is a new card with a mark.
    const unseen = replayCard([event('s', 'suspend', t0)]);
    expect(unseen?.state.phase).toBe('new');
    expect(unseen?.marks.suspended).toBe(true);
  });
});

describe('card actions through the services', () => {
  it('a suspended card leaves the queue and comes back when unsuspended', () => {
    const services = openTestServices({ cards: syntheticCards(4, { facts: 4 }) });
    const first = services.review.next().item?.card.id;
    if (!first) throw new Error('nothing to study');
    expect(services.review.act([first], { kind: 'suspend' })).toEqual([first]);
    expect(services.review.next().item?.card.id).not.toBe(first);
    expect(services.review.counts().unseen).toBe(3);
    // Suspending again writes nothing.
    expect(services.review.act([first], { kind: 'suspend' })).toEqual([]);
    expect(drainQueue(services)).not.toContain(first);
    services.review.act([first], { kind: 'unsuspend' });
    expect(services.review.next().item?.card.id).toBe(first);
    // Actions are not reviews: three cards answered, three reviews.
    expect(reviewCount(services)).toBe(3);
  });

  it('a buried card waits until the next study day', () => {
    const services = openTestServices({ cards: syntheticCards(3, { facts: 3 }) });
    const first = services.review.next().item?.card.id ?? '';
    services.review.act([first], { kind: 'bury' });
    expect(drainQueue(services)).not.toContain(first);
    services.clock.advance(dayMs);
    expect(services.review.next().item?.card.id).toBe(first);
  });

  it('forget puts a studied card back among the new ones; the log keeps every event', () => {
    const services = openTestServices({ cards: syntheticCards(2, { facts: 2 }) });
    const [card] = drainQueue(services);
    if (!card) throw new Error('nothing studied');
    services.clock.advance(1000);
    expect(services.review.act([card], { kind: 'forget' })).toEqual([card]);
    const state = allCardStates(services.storage).find((record) => record.cardId === card);
    expect(state?.state.phase).toBe('new');
    expect(services.review.counts().unseen).toBe(1);
    expect(eventsForCard(services.storage, card).map((e) => e.kind)).toEqual(['rating', 'forget']);
    // A rebuild from the log gives the same cache.
    const before = allCardStates(services.storage);
    rebuildCardStates(services.storage);
    expect(allCardStates(services.storage)).toEqual(before);
    // Forgetting a card never studied writes nothing.
    expect(services.review.act([card], { kind: 'forget' })).toEqual([]);
  });

  it('refuses an unknown card and writes nothing', () => {
    const services = openTestServices({ cards: syntheticCards(2) });
    let failure: unknown;
    try {
      services.review.act(['synthetic:000000', 'no-such-card'], { kind: 'suspend' });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ContractError);
    expect(Number(services.storage.statement(eventSql.count).get()?.n)).toBe(0);
  });

  it('siblings are buried after an answer by default, and not when the setting is off', () => {
    // Cards 0 and 2 share fact 0 with two facts: siblings.
    const cards = syntheticCards(4, { facts: 2 });
    const services = openTestServices({ cards });
    const first = services.review.next().item?.card;
    if (!first) throw new Error('nothing to study');
    const siblings = cards.filter(
      (card) => card.id !== first.id && card.factIds.some((id) => first.factIds.includes(id)),
    );
    expect(siblings.length).toBeGreaterThan(0);
    answer(services, first.id, 'easy');
    const sibling = siblings[0]?.id ?? '';
    expect(drainQueue(services)).not.toContain(sibling);
    services.settings.update({ burySiblings: false });
    expect(drainQueue(services)).toContain(sibling);
  });

  it('export and import carry the actions, and a second import adds nothing', () => {
    const cards = syntheticCards(3, { facts: 3 });
    const source = openTestServices({ cards });
    const [studied] = drainQueue(source);
    source.review.act([studied ?? ''], { kind: 'flag', flag: 'purple' });
    source.review.act(['synthetic:000001'], { kind: 'suspend' });
    source.clock.advance(1000);
    source.review.act([studied ?? ''], { kind: 'forget' });
    const exported = source.data.exportDocument();

    const target = openTestServices({ cards });
    const result = target.data.importDocument(exported.content);
    expect(result.added.events).toBe(exported.counts.events);
    expect(allCardStates(target.storage)).toEqual(allCardStates(source.storage));
    expect(target.data.importDocument(exported.content).added.events).toBe(0);
  });
});

describe('the document validator', () => {
  const valid = {
    id: '0195a6b0-0000-7000-8000-000000000001',
    deviceId: 'device',
    cardId: 'synthetic:000000',
    kind: 'flag',
    source: 'review',
    rating: null,
    undoes: null,
    quizAnswerId: null,
    studySessionId: null,
    occurredAt: '2025-03-03T09:00:00.000Z',
    studyDay: '2025-03-03',
    durationMs: 0,
    desiredRetention: 0.9,
    fuzz: false,
    phaseBefore: 'new',
    phaseAfter: 'new',
    dueAfter: '2025-03-03T09:00:00.000Z',
    stabilityAfter: 0,
    difficultyAfter: 0,
    recordedAt: '2025-03-03T09:00:00.000Z',
    flag: 'green',
  };

  it('accepts each action and rejects malformed ones', () => {
    expect(documentEventSchema.safeParse(valid).success).toBe(true);
    for (const kind of ['suspend', 'unsuspend', 'bury', 'unflag', 'forget']) {
      expect(documentEventSchema.safeParse({ ...valid, kind, flag: null }).success).toBe(true);
      // Old files have no flag field at all.
      const withoutFlag: Record<string, unknown> = { ...valid, kind };
      delete withoutFlag.flag;
      expect(documentEventSchema.safeParse(withoutFlag).success).toBe(true);
    }
    const bad = [
      { ...valid, flag: null },
      { ...valid, flag: 'black' },
      { ...valid, kind: 'bury' },
      { ...valid, kind: 'delete', flag: null },
      { ...valid, kind: 'suspend', flag: null, rating: 'good' },
      { ...valid, kind: 'forget', flag: null, undoes: valid.id },
    ];
    for (const event of bad) expect(documentEventSchema.safeParse(event).success).toBe(false);
  });
});
