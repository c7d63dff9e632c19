import { describe, expect, it } from 'vitest';
import { syntheticCards, syntheticPack, factId } from '../support/synthetic-cards.ts';
import { openTestServices } from '../support/test-services.ts';

type Services = ReturnType<typeof openTestServices>;

function answerNext(services: Services, rating: 'again' | 'good'): void {
  const next = services.review.next();
  if (!next.item) throw new Error('nothing to answer');
  services.review.answer({
    cardId: next.item.card.id,
    rating,
    durationMs: 1000,
    expectedVersion: next.item.stateVersion,
  });
  services.clock.advance(2000);
}

/** Reviews as an export holds them: ratings that no undo in the file took back. */
function reviewsInExport(services: Services): number {
  const { events } = JSON.parse(services.data.exportDocument().content) as {
    events: { id: string; kind: string; undoes?: string | null }[];
  };
  const undone = new Set(events.map((e) => e.undoes).filter(Boolean));
  return events.filter((e) => e.kind === 'rating' && !undone.has(e.id)).length;
}

describe('one definition of a review, on every screen', () => {
  it('Home, Progress, its charts and the export agree after undos and quiz-driven ratings', () => {
    const services = openTestServices({
      cards: syntheticCards(8, { facts: 8 }),
      pack: syntheticPack(),
    });
    for (let i = 0; i < 6; i++) answerNext(services, i % 2 ? 'again' : 'good');
    services.review.undo();
    services.review.undo();
    answerNext(services, 'good');
    const session = services.quizRecords.startQuizSession({ mode: 'practice', config: {} });
    services.quizRecords.recordQuizAnswer({
      sessionId: session.sessionId,
      itemId: 'q1',
      kind: 'mcq',
      factIds: [factId(0)],
      topic: 'topic-a',
      correct: false,
      response: 1,
      durationMs: 1,
    });

    const expected = reviewsInExport(services);
    // 6 ratings, 2 taken back, 1 more: 5, and whatever the quiz's wrong answer rated.
    expect(expected).toBeGreaterThanOrEqual(5);
    const summary = services.progress.summary();
    const charts = services.progress.charts();
    const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
    expect(summary.totals.reviews).toBe(expected);
    expect(sum(charts.activity.map((d) => d.reviews))).toBe(expected);
    expect(sum(charts.reviewsPerDay.map((d) => d.again + d.hard + d.good + d.easy))).toBe(expected);
  });
});
