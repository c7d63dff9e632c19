import { describe, expect, it } from 'vitest';
import { ContractError } from '../../shared/contract/errors.ts';
import type { OptimiserStatus } from '../../shared/contract/optimiser.ts';
import { applyRating, defaultWeights, type Rating } from '../../shared/engine/scheduler.ts';
import { forkOptimiser, type LaunchOptimiser } from '../../services/optimiser/optimiser-process.ts';
import { readReviewColumns } from '../../services/optimiser/review-columns.ts';
import { allCardStates, getCardState } from '../../services/storage/card-states.ts';
import { rebuildCardStates } from '../../services/storage/rebuild.ts';
import { eventSql, eventsForCard } from '../../services/storage/review-events.ts';
import { seedReviewLog } from '../support/optimiser-history.ts';
import { syntheticCards } from '../support/synthetic-cards.ts';
import { openTestServices, type TestServicesOptions } from '../support/test-services.ts';

type Services = ReturnType<typeof openTestServices>;
const dayMs = 86_400_000;
const cards = syntheticCards(40);

function open(options: TestServicesOptions = {}): Services {
  const services = openTestServices({ cards, ...options });
  services.settings.update({ newCardsPerDay: 40, reviewsPerDay: 9999 });
  return services;
}

/** Answers the next card; its facts, or undefined when nothing is due. */
function answerNext(services: Services, rating: Rating): readonly string[] | undefined {
  const next = services.review.next();
  if (!next.item) return undefined;
  services.review.answer({
    cardId: next.item.card.id,
    rating,
    durationMs: 2000,
    expectedVersion: next.item.stateVersion,
  });
  services.clock.advance(30_000);
  return next.item.card.factIds;
}

/** The history of `cards` of the 40 over `days`, written to the log (seedReviewLog). */
function seed(services: Services, count: number, days: number, seedValue = 5): number {
  const cardIds = cards.slice(0, count).map((card) => card.id);
  return seedReviewLog(services, { cardIds, days, seed: seedValue });
}

async function finished(services: Services): Promise<OptimiserStatus> {
  services.optimiser.start();
  await services.optimiser.settled();
  return services.optimiser.status();
}

/** Answers the next card Good; the stability it got, and what each set of weights gives. */
function stabilityAfterGood(services: Services, weights: readonly number[]) {
  for (let day = 0; day < 365 && !services.review.next().item; day++) services.clock.advance(dayMs);
  const next = services.review.next().item;
  if (!next) throw new Error('nothing to answer');
  const before = getCardState(services.storage, next.card.id)?.state;
  if (!before) throw new Error('the card was never answered');
  answerNext(services, 'good');
  const event = eventsForCard(services.storage, next.card.id).at(-1);
  if (!event) throw new Error('no event');
  const config = { desiredRetention: event.desiredRetention, fuzz: false };
  const expected = (w: readonly number[]) =>
    applyRating(before, event.occurredAt, 'good', { ...config, weights: w }).state.stability;
  return {
    stored: event.stabilityAfter,
    with: expected(weights),
    defaults: expected(defaultWeights),
  };
}

describe('optimiser service', () => {
  it('reads every review once: undone ratings left out, quiz ratings kept', async () => {
    const services = open();
    const facts = new Set<string>();
    for (let i = 0; i < 5; i++) for (const id of answerNext(services, 'good') ?? []) facts.add(id);
    services.review.undo();
    const session = services.quizRecords.startQuizSession({ mode: 'practice', config: {} });
    services.quizRecords.recordQuizAnswer({
      sessionId: session.sessionId,
      itemId: 'item-1',
      kind: 'mcq',
      factIds: [...facts].slice(0, 2),
      topic: 'topic-a',
      correct: false,
      response: {},
      durationMs: 1000,
    });
    const columns = await readReviewColumns(services.storage);
    const reviews = Number(services.storage.statement(eventSql.reviewCount).get()?.n);
    const quizRatings = services.storage
      .statement(`SELECT COUNT(*) AS n FROM review_event WHERE source = 'quiz'`)
      .get()?.n;
    expect(Number(quizRatings)).toBeGreaterThan(0);
    expect(columns.card).toHaveLength(reviews);
    expect(reviews).toBe(4 + Number(quizRatings));
  });

  it('explains too little history, with the threshold', async () => {
    const services = open();
    seed(services, 40, 20);
    const status = await finished(services);
    expect(status.run).toMatchObject({ state: 'too-little', minimum: 400, cardsDropped: 0 });
    expect(status.minimumReviews).toBe(400);
    expect(status.inUse.source).toBe('default');
  });

  it('fits, applies only a better fit, schedules with it, and undo restores the defaults', async () => {
    const services = open({ optimiser: { minimumReviews: 100 } });
    seed(services, 40, 365, 7);
    const status = await finished(services);
    const run = status.run;
    if (run.state !== 'fitted') throw new Error(`expected a fit, got ${JSON.stringify(run)}`);
    expect(run.reviewsUsed).toBeGreaterThanOrEqual(100);
    expect(run.better).toBe(true);
    expect(run.fitted.logLoss).toBeLessThan(run.current.logLoss);
    expect(run.weights).not.toEqual(defaultWeights);

    const applied = services.optimiser.apply(run.runId);
    expect(applied.inUse).toMatchObject({ source: 'fitted', weights: run.weights });
    expect(applied.inUse.figures).toEqual({
      reviewsUsed: run.reviewsUsed,
      before: run.current,
      after: run.fitted,
    });
    expect(applied.run).toMatchObject({ state: 'fitted', applied: true });
    expect(services.settings.schedulerConfig().weights).toEqual(run.weights);
    const answered = stabilityAfterGood(services, run.weights);
    expect(answered.stored).toBe(answered.with);
    expect(answered.stored).not.toBe(answered.defaults);

    // Answers given now use the fitted weights; the cache still equals the log's replay.
    for (let i = 0; i < 6; i++) stabilityAfterGood(services, run.weights);
    const cached = allCardStates(services.storage);
    rebuildCardStates(services.storage);
    expect(allCardStates(services.storage)).toEqual(cached);

    const undone = services.optimiser.undo();
    expect(undone.inUse).toMatchObject({
      source: 'default',
      weights: defaultWeights,
      figures: null,
    });
    expect(undone.run).toMatchObject({ state: 'fitted', applied: false });
    expect(services.settings.schedulerConfig().weights).toBeUndefined();
    const afterUndo = stabilityAfterGood(services, defaultWeights);
    expect(afterUndo.stored).toBe(afterUndo.defaults);
    const log = services.storage
      .statement(`SELECT kind FROM fsrs_parameter_event ORDER BY occurred_at, id`)
      .all()
      .map((row) => row.kind);
    expect(log).toEqual(['apply', 'undo']);
    expect(() => services.optimiser.undo()).toThrow(ContractError);
  });

  it('runs one optimisation at a time', async () => {
    let launches = 0;
    const launch: LaunchOptimiser = (entry) => {
      launches += 1;
      return forkOptimiser(entry);
    };
    const services = open({ optimiser: { launch } });
    seed(services, 10, 10);
    const first = services.optimiser.start();
    const second = services.optimiser.start();
    expect(first.run.state).toBe('running');
    expect(second.run.state).toBe('running');
    await services.optimiser.settled();
    expect(launches).toBe(1);
  });

  it('reports a crash of the optimiser process and keeps the parameters in use', async () => {
    const launch: LaunchOptimiser = (entry) => {
      const child = forkOptimiser(entry);
      return {
        ...child,
        send: (work) => {
          child.send(work);
          child.kill();
        },
      };
    };
    const services = open({ optimiser: { launch } });
    seed(services, 10, 10);
    const status = await finished(services);
    expect(status.run).toEqual({
      state: 'failed',
      message:
        'The optimiser stopped unexpectedly (signal SIGKILL). Your parameters are unchanged.',
    });
    expect(status.inUse.source).toBe('default');
  });
});
