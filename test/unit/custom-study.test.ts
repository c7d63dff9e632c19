import { describe, expect, it } from 'vitest';
import { documentEventSchema } from '../../services/data/progress-document.ts';
import { extraNewKey } from '../../services/custom-study/extra-new.ts';
import { allCardStates } from '../../services/storage/card-states.ts';
import { rebuildCardStates } from '../../services/storage/rebuild.ts';
import { eventSql, eventsForCard } from '../../services/storage/review-events.ts';
import { runSyncRound } from '../../services/sync/sync-round.ts';
import { customSessionRequestSchema } from '../../shared/contract/custom-study.ts';
import { dayMs, ratings, type Rating } from '../../shared/engine/scheduler.ts';
import { studyDayEnd } from '../../shared/engine/study-day.ts';
import { syntheticCards, syntheticPack } from '../support/synthetic-cards.ts';
import { openTestServices, testClock } from '../support/test-services.ts';
import { tempDir } from '../support/test-scope.ts';

type Services = ReturnType<typeof openTestServices>;

const cards = syntheticCards(60);
const pack = syntheticPack();

function device(clock = testClock()): Services {
  return openTestServices({ cards, pack, clock });
}

/** Answers what the queue offers, up to `answers` cards, rating by `rate(i)`. */
function study(services: Services, answers: number, rate: (i: number) => Rating = () => 'good') {
  for (let i = 0; i < answers; i += 1) {
    const next = services.review.next();
    if (!next.item) return;
    services.review.answer({
      cardId: next.item.card.id,
      rating: rate(i),
      durationMs: 2000,
      expectedVersion: next.item.stateVersion,
    });
    services.clock.advance(30_000);
  }
}

/** Several days of study, so cards sit in every phase with various due dates. */
function history(services: Services): void {
  services.settings.update({ newCardsPerDay: 8 });
  for (let day = 0; day < 6; day += 1) {
    study(services, 30, (i) => (i % 4 === 0 ? 'again' : i % 5 === 0 ? 'easy' : 'good'));
    services.clock.advance(dayMs);
  }
}

const cardStateRows = (services: Services) =>
  JSON.stringify(services.storage.db().prepare(`SELECT * FROM card_state ORDER BY card_id`).all());

const reviewFigures = (services: Services) => ({
  counts: services.review.counts(),
  totals: services.progress.summary().totals,
  charts: services.progress.charts(),
});

describe('cram', () => {
  it('records every answer as a cram and leaves FSRS state byte-identical, before and after a rebuild', () => {
    const services = device();
    history(services);
    const before = cardStateRows(services);
    const figures = reviewFigures(services);
    const startedAt = services.clock.ms();
    const session = services.customStudy.start({ kind: 'cram-topic', topicId: 'topic-a' });
    expect(session.cram).toBe(true);
    expect(session.cards.length).toBe(cards.filter((card) => card.topic === 'topic-a').length);
    // New and studied cards alike, with every rating.
    expect(new Set(session.cards.map((card) => card.queue)).size).toBeGreaterThan(1);
    session.cards.forEach((item, i) => {
      services.customStudy.cram({
        cardId: item.card.id,
        rating: ratings[i % ratings.length] ?? 'good',
        durationMs: 1500,
      });
      services.clock.advance(10_000);
    });

    expect(cardStateRows(services)).toBe(before);
    const crams = services.storage
      .db()
      .prepare(`SELECT COUNT(*) AS n FROM review_event WHERE kind = 'cram'`)
      .get()?.n;
    expect(crams).toBe(session.cards.length);
    // Not reviews anywhere: queue counts, totals, charts (read at the same time: recall decays).
    services.clock.set(startedAt);
    expect(reviewFigures(services)).toEqual(figures);
    rebuildCardStates(services.storage);
    expect(cardStateRows(services)).toBe(before);
    const first = session.cards[0]?.card.id ?? '';
    const crammed = eventsForCard(services.storage, first).filter((e) => e.kind === 'cram');
    expect(crammed[0]).toMatchObject({ source: 'review', undoes: null, quizAnswerId: null });
    expect(crammed[0]?.phaseBefore).toBe(crammed[0]?.phaseAfter);
  });

  it('refuses a card outside the catalog', () => {
    const services = device();
    expect(() =>
      services.customStudy.cram({ cardId: 'no-such-card', rating: 'good', durationMs: 0 }),
    ).toThrow(/no card/);
  });

  it('travels through export and import, and through a sync folder, without moving a schedule', () => {
    const a = device();
    history(a);
    const session = a.customStudy.start({ kind: 'cram-topic', topicId: 'topic-b' });
    for (const item of session.cards.slice(0, 5)) {
      a.customStudy.cram({ cardId: item.card.id, rating: 'again', durationMs: 900 });
    }
    const exported = a.data.exportDocument();
    const b = device(testClock(a.clock.ms()));
    expect(b.data.importDocument(exported.content).added.events).toBe(exported.counts.events);
    expect(cardStateRows(b)).toBe(cardStateRows(a));
    expect(b.progress.summary().totals).toEqual(a.progress.summary().totals);

    const folder = tempDir('custom-sync');
    const c = device(testClock(a.clock.ms()));
    expect(runSyncRound(a.storage, { folder, now: a.clock.ms }).problems).toEqual([]);
    const got = runSyncRound(c.storage, { folder, now: c.clock.ms });
    expect(got.problems).toEqual([]);
    expect(allCardStates(c.storage)).toEqual(allCardStates(a.storage));
    const count = (s: Services) => Number(s.storage.statement(eventSql.count).get()?.n);
    expect(count(c)).toBe(count(a));
    expect(c.progress.summary().totals).toEqual(a.progress.summary().totals);
  });

  it('an imported cram must keep its phase, come from the flashcards and carry a rating', () => {
    const cram = {
      id: '01955b40-0000-7000-8000-000000000001',
      deviceId: 'device-1',
      cardId: 'synthetic:000001',
      kind: 'cram',
      source: 'review',
      rating: 'good',
      undoes: null,
      quizAnswerId: null,
      studySessionId: null,
      occurredAt: '2025-03-03T09:00:00.000Z',
      studyDay: '2025-03-03',
      durationMs: 0,
      desiredRetention: 0.9,
      fuzz: false,
      phaseBefore: 'review',
      phaseAfter: 'review',
      dueAfter: '2025-03-05T09:00:00.000Z',
      stabilityAfter: 3,
      difficultyAfter: 5,
      recordedAt: '2025-03-03T09:00:00.000Z',
    };
    expect(documentEventSchema.safeParse(cram).success).toBe(true);
    for (const bad of [
      { phaseAfter: 'relearning' },
      { source: 'quiz' },
      { rating: null },
      { quizAnswerId: '01955b40-0000-7000-8000-000000000002' },
      { undoes: '01955b40-0000-7000-8000-000000000002' },
      { kind: 'crammed' },
    ]) {
      expect(documentEventSchema.safeParse({ ...cram, ...bad }).success, JSON.stringify(bad)).toBe(
        false,
      );
    }
  });
});

describe('extra new cards', () => {
  it('raise the new-card limit for today only, and add up within the day', () => {
    const services = device();
    services.settings.update({ newCardsPerDay: 4 });
    study(services, 10);
    expect(services.review.next().item).toBeNull();
    expect(services.review.counts()).toMatchObject({ new: 0, introducedToday: 4, newTarget: 4 });

    expect(services.customStudy.addExtraNew(2)).toMatchObject({ new: 2, newTarget: 6 });
    expect(services.customStudy.addExtraNew(1)).toMatchObject({ new: 3, newTarget: 7 });
    expect(services.customStudy.options().extraNewToday).toBe(3);
    study(services, 3);
    expect(services.review.counts()).toMatchObject({ new: 0, introducedToday: 7 });

    // The next study day: the limit is the setting again, and the stored record names its day.
    services.clock.set(studyDayEnd(services.clock.ms()) + 60_000);
    expect(services.review.counts()).toMatchObject({ newTarget: 4, new: 4, introducedToday: 0 });
    expect(services.customStudy.options().extraNewToday).toBe(0);
    expect(services.settings.get().newCardsPerDay).toBe(4);
    const record = services.storage.db().prepare(`SELECT value FROM setting WHERE key = ?`);
    expect(JSON.parse(String(record.get(extraNewKey)?.value))).toMatchObject({ count: 3 });
  });
});

describe('review ahead', () => {
  it('picks review cards due within n days, soonest first, and answers them as real reviews', () => {
    const services = device();
    history(services);
    // Clear today's queue first, so what is offered is ahead of schedule.
    study(services, 200);
    const horizon = studyDayEnd(services.clock.ms()) + 5 * dayMs;
    const reviewCards = allCardStates(services.storage).filter((r) => r.state.phase === 'review');
    const expected = reviewCards
      .filter((r) => r.state.due < horizon)
      .sort((a, b) => a.state.due - b.state.due || (a.cardId < b.cardId ? -1 : 1))
      .map((r) => r.cardId);
    expect(expected.length).toBeGreaterThan(0);
    expect(reviewCards.length).toBeGreaterThan(expected.length);

    const session = services.customStudy.start({ kind: 'review-ahead', days: 5 });
    expect(session.cram).toBe(false);
    expect(session.cards.map((item) => item.card.id)).toEqual(expected);
    const dues = session.cards.map((item) => Date.parse(item.state.due));
    expect(dues).toEqual([...dues].sort((x, y) => x - y));

    const first = session.cards[0];
    if (!first) throw new Error('no card ahead');
    const reviewsBefore = services.progress.summary().totals.reviews;
    const answer = services.review.answer({
      cardId: first.card.id,
      rating: 'good',
      durationMs: 1000,
      expectedVersion: first.stateVersion,
    });
    expect(Date.parse(answer.state.due)).toBeGreaterThan(Date.parse(first.state.due));
    expect(services.progress.summary().totals.reviews).toBe(reviewsBefore + 1);
  });
});

describe('cram sessions chosen by scope', () => {
  it('forgotten in the last n days: cards with an Again in effect since then, newest first', () => {
    const services = device();
    history(services);
    const since = (days: number) =>
      services.customStudy.start({ kind: 'cram-forgotten', days }).cards.map((c) => c.card.id);
    const all = since(30);
    expect(all.length).toBeGreaterThan(since(1).length);
    for (const id of all) {
      expect(eventsForCard(services.storage, id).some((e) => e.rating === 'again')).toBe(true);
    }
    expect(since(2).every((id) => all.includes(id))).toBe(true);
  });

  it('a pathway: the cards whose facts support its links', () => {
    const withPathway = syntheticCards(6).map((card, i) => ({
      ...card,
      pathwayIds: i < 2 ? ['D1'] : [],
    }));
    const services = openTestServices({ cards: withPathway, pack });
    const session = services.customStudy.start({ kind: 'cram-pathway', pathwayId: 'D1' });
    expect(session.cards.map((c) => c.card.id).sort()).toEqual(
      withPathway.slice(0, 2).map((c) => c.id),
    );
    expect(services.customStudy.options().pathways).toEqual([
      { id: 'D1', title: 'Synthetic cascade', cards: 2 },
    ]);
    expect(() => services.customStudy.start({ kind: 'cram-pathway', pathwayId: 'D9' })).toThrow(
      /no pathway/,
    );
  });

  it('a flag: the cards flagged in that colour (set in Browse)', () => {
    const services = device();
    const ids = cards.map((card) => card.id);
    services.review.act([ids[3] ?? '', ids[1] ?? ''], { kind: 'flag', flag: 'green' });
    services.review.act([ids[2] ?? ''], { kind: 'flag', flag: 'red' });
    expect(services.customStudy.options().flags).toEqual([
      { id: 'red', title: 'Red', cards: 1 },
      { id: 'green', title: 'Green', cards: 2 },
    ]);
    const before = cardStateRows(services);
    const session = services.customStudy.start({ kind: 'cram-flag', flag: 'green' });
    expect(session.cram).toBe(true);
    expect(session.title).toBe('Cram: cards flagged green');
    expect(session.cards.map((c) => c.card.id).sort()).toEqual([ids[1], ids[3]]);
    for (const queued of session.cards) {
      services.customStudy.cram({ cardId: queued.card.id, rating: 'again', durationMs: 1000 });
    }
    expect(cardStateRows(services)).toBe(before);
    expect(services.customStudy.start({ kind: 'cram-flag', flag: 'blue' }).cards).toEqual([]);
  });

  it('weak topics: the studied topics below the desired retention, weakest first', () => {
    const services = device();
    history(services);
    const mastery = services.progress.mastery().topics;
    const options = services.customStudy.options();
    const target = services.settings.get().desiredRetention;
    const expected = mastery
      .filter((t) => t.seen > 0 && t.mastery < target)
      .sort((a, b) => a.mastery - b.mastery)
      .map((t) => t.topicId);
    expect(options.weakTopics.map((t) => t.topicId)).toEqual(expected.slice(0, 3));
    expect(expected.length).toBeGreaterThan(0);
    const session = services.customStudy.start({ kind: 'weak-topics' });
    expect(session.cram).toBe(true);
    const weakest = expected[0];
    expect(session.cards[0]?.card.topic).toBe(weakest);
  });

  it('requests are bounded: days from 1 to 365, known kinds only', () => {
    expect(customSessionRequestSchema.safeParse({ kind: 'review-ahead', days: 0 }).success).toBe(
      false,
    );
    expect(
      customSessionRequestSchema.safeParse({ kind: 'cram-forgotten', days: 366 }).success,
    ).toBe(false);
    expect(customSessionRequestSchema.safeParse({ kind: 'cram-all' }).success).toBe(false);
    expect(customSessionRequestSchema.safeParse({ kind: 'weak-topics', extra: 1 }).success).toBe(
      false,
    );
  });
});
