import { describe, expect, it } from 'vitest';
import { createHandlerRegistry } from '../../services/service-registry.ts';
import { progressCoverageSchema } from '../../shared/contract/progress.ts';
import type { Rating } from '../../shared/engine/scheduler.ts';
import { syntheticCards, syntheticPack } from '../support/synthetic-cards.ts';
import { openTestServices } from '../support/test-services.ts';

type Services = ReturnType<typeof openTestServices>;

/** Rates the next card in the queue and returns the facts it tests. */
function rateNext(services: Services, rating: Rating): readonly string[] {
  const next = services.review.next();
  if (!next.item) throw new Error('The queue is empty.');
  services.review.answer({
    cardId: next.item.card.id,
    rating,
    durationMs: 1000,
    expectedVersion: next.item.stateVersion,
  });
  services.clock.advance(60_000);
  return next.item.card.factIds;
}

function answerQuiz(services: Services, sessionId: string, factIds: string[], correct: boolean) {
  services.quizRecords.recordQuizAnswer({
    sessionId,
    itemId: `item-${factIds.join('-')}`,
    kind: 'mcq',
    factIds,
    topic: 'topic-a',
    correct,
    response: 0,
    durationMs: 500,
  });
  services.clock.advance(60_000);
}

describe('progress.coverage', () => {
  it('is empty for a new learner', () => {
    const services = openTestServices({ cards: syntheticCards(6), pack: syntheticPack() });
    expect(services.progress.coverage()).toEqual({ facts: [] });
    services.close();
  });

  it('counts flashcard ratings per fact through the cards that test it, without undone ones', () => {
    const services = openTestServices({ cards: syntheticCards(6), pack: syntheticPack() });
    const expected = new Map<string, { reviews: number; again: number }>();
    const ratings: Rating[] = ['again', 'good', 'easy', 'again'];
    for (const rating of ratings) {
      for (const factId of new Set(rateNext(services, rating))) {
        const entry = expected.get(factId) ?? { reviews: 0, again: 0 };
        entry.reviews += 1;
        if (rating === 'again') entry.again += 1;
        expected.set(factId, entry);
      }
    }
    // The last rating is undone: it no longer counts.
    const undone = services.review.undo();
    const undoneCard = syntheticCards(6).find((card) => card.id === undone.cardId);
    for (const factId of new Set(undoneCard?.factIds)) {
      const entry = expected.get(factId);
      if (!entry) throw new Error('undo of an unrated fact');
      entry.reviews -= 1;
      entry.again -= 1;
      if (entry.reviews === 0) expected.delete(factId);
    }

    const coverage = services.progress.coverage();
    expect(
      coverage.facts.map((fact) => [fact.factId, fact.reviews, fact.again, fact.quizAnswers]),
    ).toEqual(
      [...expected]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([factId, { reviews, again }]) => [factId, reviews, again, 0]),
    );
    expect(coverage.facts.every((fact) => fact.lastTestedAt !== null)).toBe(true);
    services.close();
  });

  it('counts quiz answers per fact, correct ones apart, and not their schedule updates as reviews', () => {
    const services = openTestServices({ cards: syntheticCards(6), pack: syntheticPack() });
    const { sessionId } = services.quizRecords.startQuizSession({ mode: 'practice', config: {} });
    answerQuiz(services, sessionId, ['F002', 'F003'], true);
    const lastAt = services.clock.ms();
    answerQuiz(services, sessionId, ['F002'], false);

    expect(services.progress.coverage().facts).toEqual([
      {
        factId: 'F002',
        reviews: 0,
        again: 0,
        quizAnswers: 2,
        quizCorrect: 1,
        lastTestedAt: new Date(lastAt).toISOString(),
      },
      {
        factId: 'F003',
        reviews: 0,
        again: 0,
        quizAnswers: 1,
        quizCorrect: 1,
        lastTestedAt: new Date(lastAt - 60_000).toISOString(),
      },
    ]);
    services.close();
  });

  it('answers through the contract and refuses a payload', async () => {
    const services = openTestServices({ cards: syntheticCards(6), pack: syntheticPack() });
    const registry = createHandlerRegistry(services);
    rateNext(services, 'good');
    const result = await registry.dispatch('progress.coverage', undefined);
    expect(result.ok).toBe(true);
    const parsed = progressCoverageSchema.parse(result.ok ? result.value : undefined);
    expect(parsed.facts.length).toBeGreaterThan(0);
    expect(await registry.dispatch('progress.coverage', { factId: 'F001' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    services.close();
  });
});
