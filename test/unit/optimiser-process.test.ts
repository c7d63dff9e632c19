import { describe, expect, it } from 'vitest';
import { optimiserEntry } from '../../services/host/entries.ts';
import {
  OptimiserFailure,
  forkOptimiser,
  runOptimiserProcess,
  type LaunchOptimiser,
  type OptimiserChild,
} from '../../services/optimiser/optimiser-process.ts';
import type { OptimiseRequest } from '../../services/optimiser/protocol.ts';
import { defaultWeights } from '../../shared/engine/scheduler.ts';
import { syntheticReviews } from '../support/optimiser-history.ts';

const request = (cards: number, reviewsPerCard: number, minimumReviews = 50): OptimiseRequest => ({
  reviews: syntheticReviews({ cards, reviewsPerCard }),
  currentWeights: defaultWeights,
  minimumReviews,
});

async function failure(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    expect(error).toBeInstanceOf(OptimiserFailure);
    return (error as Error).message;
  }
  throw new Error('the run did not fail');
}

describe('the optimiser in a process of its own', () => {
  it('fits 21 weights and gives log loss and RMSE for the weights in use and the fitted ones', async () => {
    const outcome = await runOptimiserProcess(forkOptimiser, optimiserEntry, request(120, 8), {
      timeoutMs: 60_000,
    });
    if (outcome.kind !== 'fitted') throw new Error(`expected a fit, got ${outcome.kind}`);
    expect(outcome.used).toEqual({ reviewsUsed: 120 * 7, cardsUsed: 120, cardsDropped: 0 });
    expect(outcome.weights).toHaveLength(21);
    expect(outcome.weights).not.toEqual(defaultWeights);
    for (const figures of [outcome.current, outcome.fitted]) {
      expect(figures.logLoss).toBeGreaterThan(0);
      expect(figures.rmse).toBeGreaterThan(0);
    }
    // This learner forgets much faster than the defaults expect: the fit predicts them better.
    expect(outcome.fitted.logLoss).toBeLessThan(outcome.current.logLoss);
  });

  it('answers too little history without fitting', async () => {
    const outcome = await runOptimiserProcess(forkOptimiser, optimiserEntry, request(5, 3, 400), {
      timeoutMs: 30_000,
    });
    expect(outcome).toEqual({
      kind: 'too-little',
      used: { reviewsUsed: 10, cardsUsed: 5, cardsDropped: 0 },
    });
  });

  it('survives the native code aborting (a panic on an unfiltered item) with a clear message', async () => {
    const panicking = new URL('../support/optimiser-panic-child.ts', import.meta.url);
    const message = await failure(
      runOptimiserProcess(forkOptimiser, panicking, request(2, 2), { timeoutMs: 60_000 }),
    );
    expect(message).toMatch(/^The optimiser stopped unexpectedly \(signal SIGABRT\)/);
    expect(message).toContain('at least one review with delta_t > 0 is required');
    expect(message).toContain('Your parameters are unchanged.');
  });

  it('survives the process being killed (kill -9) once it has its work', async () => {
    const launch: LaunchOptimiser = (entry) => {
      const child: OptimiserChild = forkOptimiser(entry);
      return {
        ...child,
        send: (work) => {
          child.send(work);
          child.kill();
        },
      };
    };
    const message = await failure(
      runOptimiserProcess(launch, optimiserEntry, request(600, 10), { timeoutMs: 60_000 }),
    );
    expect(message).toMatch(/^The optimiser stopped unexpectedly \(signal SIGKILL\)\./);
  });

  it('stops a run past its time limit', async () => {
    const message = await failure(
      runOptimiserProcess(forkOptimiser, optimiserEntry, request(600, 10), { timeoutMs: 1 }),
    );
    expect(message).toMatch(/did not finish within 0 s and was stopped/);
  });
});
