import { describe, expect, it } from 'vitest';
import type { Rating } from '../../shared/engine/scheduler.ts';
import { dayMs } from '../../shared/engine/scheduler.ts';
import { SiblingBury, siblingKeys } from '../../shared/engine/queue.ts';
import type { StudyCard } from '../../shared/engine/types.ts';
import { allCardStates } from '../../services/storage/card-states.ts';
import { answerNext } from '../support/review-answers.ts';
import { syntheticCards } from '../support/synthetic-cards.ts';
import { openTestServices } from '../support/test-services.ts';

// The review queue: what comes next (new cards in teaching order, learning steps, daily limits,
// the card after the one shown, a catalog that changes) and the siblings it keeps apart.
// Answering, refusing a stale answer and undoing: review-service-answers.test.ts.
describe('review queue', () => {
  it('introduces new cards in teaching order, up to the daily limit', () => {
    const cards = syntheticCards(30);
    const services = openTestServices({ cards });
    services.settings.update({ newCardsPerDay: 5 });
    const expected = [...cards]
      .sort((a, b) => a.teachingRank - b.teachingRank)
      .slice(0, 5)
      .map((c) => c.id);
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { next, answer } = answerNext(services, 'easy');
      expect(next.item?.queue).toBe('new');
      expect(next.item?.stateVersion).toBe('new');
      seen.push(answer.cardId);
      expect(answer.counts.new).toBe(4 - i);
      expect(answer.counts.introducedToday).toBe(i + 1);
    }
    expect(seen).toEqual(expected);
    const after = services.review.next();
    expect(after.item).toBeNull();
    expect(after.counts).toMatchObject({ new: 0, unseen: 25, introducedToday: 5 });
    services.close();
  });

  it('previews four answers whose intervals grow, and answers with the chosen one', () => {
    const services = openTestServices({ cards: syntheticCards(3) });
    const next = services.review.next();
    const choices = next.item?.choices;
    if (!choices) throw new Error('no item');
    const intervals = [choices.again, choices.hard, choices.good, choices.easy].map(
      (c) => c.intervalMs,
    );
    expect(intervals).toEqual([...intervals].sort((a, b) => a - b));
    const answer = services.review.answer({
      cardId: next.item?.card.id ?? '',
      rating: 'good',
      durationMs: 1000,
      expectedVersion: 'new',
    });
    expect(answer.state.due).toBe(choices.good.due);
    expect(answer.state.phase).toBe('learning');
    services.close();
  });

  it('brings learning cards back after their step, and shows them early when nothing else is left', () => {
    const services = openTestServices({ cards: syntheticCards(1) });
    const { answer } = answerNext(services, 'good'); // 10-minute step
    const idle = services.review.next();
    // Within the 20-minute learn-ahead, the only card left is shown early.
    expect(idle.item?.queue).toBe('learning');
    expect(idle.item?.card.id).toBe(answer.cardId);
    services.review.answer({
      cardId: answer.cardId,
      rating: 'good',
      durationMs: 1,
      expectedVersion: idle.item?.stateVersion ?? '',
    });
    const done = services.review.next();
    expect(done.item).toBeNull();
    expect(done.nextDueAt).toBeNull();
    services.close();
  });

  it('an answer carries the next card, as review.next would give it, and what changed', () => {
    // One fact per card: no two are siblings, so none is buried for the day.
    const services = openTestServices({ cards: syntheticCards(6, { facts: 6 }) });
    for (let i = 0; i < 4; i++) {
      const { answer } = answerNext(services, i % 2 === 0 ? 'good' : 'again');
      expect(answer.changes).toEqual({ cardIds: [answer.cardId], queue: true, progress: true });
      expect(answer.next.item?.card.id).not.toBe(answer.cardId);
      // Same clock: the queue read afterwards is the one the answer already carried.
      expect(services.review.next()).toEqual(answer.next);
      expect(answer.counts).toEqual(answer.next.counts);
    }
    // The carried item answers like one from review.next: its version is current.
    const item = services.review.next().item;
    if (!item) throw new Error('no item');
    const answered = services.review.answer({
      cardId: item.card.id,
      rating: 'easy',
      durationMs: 1,
      expectedVersion: item.stateVersion,
    });
    const carried = answered.next.item;
    if (!carried) throw new Error('no next item');
    services.clock.advance(1000);
    expect(
      services.review.answer({
        cardId: carried.card.id,
        rating: 'good',
        durationMs: 1,
        expectedVersion: carried.stateVersion,
      }).cardId,
    ).toBe(carried.card.id);
    services.close();
  });

  it('predicts the card after the one shown (upNext), whatever the rating, or says it cannot', () => {
    const services = openTestServices({ cards: syntheticCards(12) });
    services.settings.update({ newCardsPerDay: 6 });
    const ratings: Rating[] = ['again', 'good', 'hard', 'easy', 'again', 'good', 'easy'];
    let shown = services.review.next();
    let predicted = 0;
    for (let i = 0; i < 30 && shown.item; i++) {
      const item = shown.item;
      const answer = services.review.answer({
        cardId: item.card.id,
        rating: ratings[i % ratings.length] ?? 'good',
        durationMs: 1000,
        expectedVersion: item.stateVersion,
      });
      if (shown.upNext) {
        predicted += 1;
        expect(answer.next.item?.card.id).toBe(shown.upNext.card.id);
        expect(answer.next.item?.stateVersion).toBe(shown.upNext.stateVersion);
      }
      // Time passing can bring learning cards due: the prediction holds for "answered now".
      services.clock.advance(2 * 60_000);
      shown = services.review.next();
    }
    expect(predicted).toBeGreaterThan(5);
    services.close();
  });

  it('has no upNext when the daily new cards run out or only learning ahead is left', () => {
    const services = openTestServices({ cards: syntheticCards(5) });
    services.settings.update({ newCardsPerDay: 2 });
    const first = services.review.next();
    const second = first.upNext;
    expect(second?.queue).toBe('new');
    const after = services.review.answer({
      cardId: first.item?.card.id ?? '',
      rating: 'good',
      durationMs: 1,
      expectedVersion: first.item?.stateVersion ?? '',
    });
    expect(after.next.item?.card.id).toBe(second?.card.id);
    // The last new card allowed today: what follows is the first card learning ahead, which
    // depends on how this one is rated.
    expect(after.next.upNext).toBeNull();
    services.close();
  });

  it('respects the daily review limit and shows the most overdue review first', () => {
    const services = openTestServices({ cards: syntheticCards(6, { facts: 6 }) });
    services.settings.update({ reviewsPerDay: 2 });
    for (let i = 0; i < 6; i++) answerNext(services, i % 2 === 0 ? 'easy' : 'good');
    for (let i = 0; i < 6; i++) {
      const next = services.review.next();
      if (!next.item) break;
      services.clock.advance(11 * 60_000);
      services.review.answer({
        cardId: next.item.card.id,
        rating: 'easy',
        durationMs: 1,
        expectedVersion: next.item.stateVersion,
      });
    }
    services.clock.advance(60 * dayMs);
    const counts = services.review.counts();
    expect(counts.dueReviews).toBe(6);
    expect(counts.review).toBe(2);
    const dueOrder = allCardStates(services.storage)
      .sort((a, b) => a.state.due - b.state.due || (a.cardId < b.cardId ? -1 : 1))
      .map((r) => r.cardId);
    const shown: string[] = [];
    for (let i = 0; i < 3; i++) {
      const next = services.review.next();
      if (!next.item) break;
      expect(next.item.queue).toBe('review');
      shown.push(next.item.card.id);
      services.review.answer({
        cardId: next.item.card.id,
        rating: 'good',
        durationMs: 1,
        expectedVersion: next.item.stateVersion,
      });
    }
    expect(shown).toEqual(dueOrder.slice(0, 2));
    expect(services.review.counts()).toMatchObject({ review: 0, reviewedToday: 2, dueReviews: 4 });
    services.close();
  });

  it('ignores stored states of cards no longer in the catalog', () => {
    const cards = syntheticCards(4, { facts: 8 });
    const services = openTestServices({ cards });
    for (let i = 0; i < 4; i++) answerNext(services, 'easy');
    services.review.setCatalog(cards.slice(0, 2));
    services.clock.advance(30 * dayMs);
    expect(services.review.counts()).toMatchObject({ dueReviews: 2, unseen: 0 });
    // A catalog that grows again: the cards studied before are still introduced, the new ones not.
    const grown = syntheticCards(7, { facts: 8 });
    services.review.setCatalog(grown);
    expect(services.review.counts()).toMatchObject({ dueReviews: 4, unseen: 3 });
    services.settings.update({ reviewsPerDay: 0 });
    expect(services.review.next().item).toMatchObject({ queue: 'new', card: { id: grown[6]?.id } });
    services.close();
  });
});

describe('siblings', () => {
  const card = (
    id: string,
    teachingRank: number,
    source: { factIds?: string[]; entityIds?: string[] },
  ): StudyCard => ({
    kind: 'fact-cloze',
    front: `Front of ${id}`,
    back: `Back of ${id}`,
    topic: 'topic-a',
    pathwayIds: [],
    citations: [],
    highYield: false,
    id,
    teachingRank,
    factIds: source.factIds ?? [],
    entityIds: source.entityIds ?? [],
  });

  it('groups cards by the fact or term they are made from', () => {
    expect(siblingKeys({ factIds: ['F002', 'F001'], entityIds: ['x'] })).toEqual([
      'facts:F001+F002',
    ]);
    expect(siblingKeys({ factIds: [], entityIds: ['dkk-1'] })).toEqual(['entity:dkk-1']);
    const bury = new SiblingBury([card('fact-forward:F001', 0, { factIds: ['F001'] })]);
    expect(bury.buries(card('fact-reverse:F001', 1, { factIds: ['F001'] }))).toBe(true);
    expect(bury.buries(card('fact-forward:F001', 0, { factIds: ['F001'] }))).toBe(false);
    expect(bury.buries(card('fact-forward:F002', 2, { factIds: ['F002'] }))).toBe(false);
  });

  it('keeps the sibling of a card answered today until tomorrow', () => {
    const cards = [
      card('entity-definition:dkk-1', 0, { entityIds: ['dkk-1'] }),
      card('entity-name:dkk-1', 1, { entityIds: ['dkk-1'] }),
      card('fact-forward:F001', 2, { factIds: ['F001'] }),
      card('fact-reverse:F001', 3, { factIds: ['F001'] }),
    ];
    const services = openTestServices({ cards });
    const first = answerNext(services, 'easy');
    expect(first.next.item?.card.id).toBe('entity-definition:dkk-1');
    // The name card would give the definition away: the fact card comes first, then nothing new.
    expect(first.answer.next.item?.card.id).toBe('fact-forward:F001');
    expect(first.next.upNext?.card.id).toBe('fact-forward:F001');
    const second = answerNext(services, 'easy');
    expect(second.answer.next.item?.queue ?? 'none').not.toBe('new');
    services.clock.advance(dayMs);
    const tomorrow = services.review.next().item;
    expect(tomorrow?.queue).toBe('new');
    expect(['entity-name:dkk-1', 'fact-reverse:F001']).toContain(tomorrow?.card.id);
    services.close();
  });
});
