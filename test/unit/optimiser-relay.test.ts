import { afterEach, describe, expect, it } from 'vitest';
import type { Worker } from 'node:worker_threads';
import {
  OptimiserFailure,
  runOptimiserProcess,
} from '../../services/optimiser/optimiser-process.ts';
import type { OptimiseRequest } from '../../services/optimiser/protocol.ts';
import { createOptimiserRelay } from '../../services/optimiser/relay-main.ts';
import {
  checkRelayRequest,
  optimiserEntryName,
  type RelayAnswer,
} from '../../services/optimiser/relay-protocol.ts';
import { defaultWeights } from '../../shared/engine/scheduler.ts';
import { syntheticReviews } from '../support/optimiser-history.ts';
import { relayedLauncher, workerRelayHost } from '../support/optimiser-relay.ts';

// Electron's optimiser path, with worker threads in place of utility processes (no Electron here):
// main's relay, the services' relayed child and the real optimiser entry all run unchanged.

const bundled = new URL('file:///app/out/main/optimiser-child.js');
const request = (cards: number, reviewsPerCard: number, minimumReviews = 50): OptimiseRequest => ({
  reviews: syntheticReviews({ cards, reviewsPerCard }),
  currentWeights: defaultWeights,
  minimumReviews,
});

let started: Worker[] = [];
afterEach(async () => {
  await Promise.all(started.map((worker) => worker.terminate()));
  started = [];
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

describe("main's check of the services' requests", () => {
  it('starts only the bundled entry, whatever path a message names', () => {
    expect(checkRelayRequest({ kind: 'optimiser-start', entry: optimiserEntryName })).toEqual({
      ok: true,
      request: { kind: 'optimiser-start', entry: optimiserEntryName },
    });
    const strangers = ['/tmp/evil.js', `../${optimiserEntryName}`, `${optimiserEntryName}.js`];
    for (const entry of strangers) {
      expect(checkRelayRequest({ kind: 'optimiser-start', entry })).toEqual({
        ok: false,
        reason: `only the bundled ${optimiserEntryName} is started`,
      });
    }
    expect(checkRelayRequest({ kind: 'optimiser-start' }).ok).toBe(false);
    expect(checkRelayRequest('optimiser-start').ok).toBe(false);
    expect(checkRelayRequest({ kind: 'spawn', entry: optimiserEntryName }).ok).toBe(false);
  });

  it('runs at most one optimiser at a time, and another once it has ended', async () => {
    const answers: RelayAnswer[] = [];
    let arrived = (): void => undefined;
    const { host, workers } = workerRelayHost((answer) => {
      answers.push(answer);
      arrived();
    });
    started = workers;
    const next = (count: number): Promise<void> =>
      new Promise((resolve) => {
        arrived = () => {
          if (answers.length >= count) resolve();
        };
        arrived();
      });
    const relay = createOptimiserRelay(host);
    relay({ kind: 'optimiser-start', entry: optimiserEntryName });
    relay({ kind: 'optimiser-start', entry: optimiserEntryName });
    relay({ kind: 'optimiser-start', entry: '/tmp/evil.js' });
    await next(3);
    expect(answers).toEqual([
      { kind: 'optimiser-port' },
      { kind: 'optimiser-refused', reason: 'an optimiser is already running' },
      { kind: 'optimiser-refused', reason: `only the bundled ${optimiserEntryName} is started` },
    ]);
    expect(workers).toHaveLength(1);
    relay({ kind: 'optimiser-kill' });
    await next(4);
    expect(answers[3]).toEqual({ kind: 'optimiser-exit', how: 'exit code 1', stderrTail: '' });
    relay({ kind: 'optimiser-start', entry: optimiserEntryName });
    await next(5);
    expect(answers[4]).toEqual({ kind: 'optimiser-port' });
    expect(workers).toHaveLength(2);
  });
});

describe('the optimiser relayed through main (worker threads standing in for utility processes)', () => {
  it('fits 21 weights and gives both figures through the port main hands over', async () => {
    const { client, workers } = relayedLauncher();
    started = workers;
    const outcome = await runOptimiserProcess(client.launch, bundled, request(120, 8), {
      timeoutMs: 60_000,
    });
    if (outcome.kind !== 'fitted') throw new Error(`expected a fit, got ${outcome.kind}`);
    expect(outcome.used).toEqual({ reviewsUsed: 120 * 7, cardsUsed: 120, cardsDropped: 0 });
    expect(outcome.weights).toHaveLength(21);
    expect(outcome.fitted.logLoss).toBeLessThan(outcome.current.logLoss);
    expect(workers).toHaveLength(1);
  });

  it('answers too little history, and the next run starts afresh', async () => {
    const { client, workers } = relayedLauncher();
    started = workers;
    for (let run = 0; run < 2; run++) {
      const outcome = await runOptimiserProcess(client.launch, bundled, request(5, 3, 400), {
        timeoutMs: 30_000,
      });
      expect(outcome).toEqual({
        kind: 'too-little',
        used: { reviewsUsed: 10, cardsUsed: 5, cardsDropped: 0 },
      });
    }
    expect(workers).toHaveLength(2);
  });

  it('reports the process dying before it answers as a clear failure', async () => {
    // The process dies as soon as it runs (a crash, or the OS killing it), its work unanswered.
    const { client, workers } = relayedLauncher((worker) =>
      worker.once('online', () => void worker.terminate()),
    );
    started = workers;
    const message = await failure(
      runOptimiserProcess(client.launch, bundled, request(600, 10), { timeoutMs: 60_000 }),
    );
    expect(message).toBe(
      'The optimiser stopped unexpectedly (exit code 1). Your parameters are unchanged.',
    );
  });

  it('refuses an entry main does not know', async () => {
    const { client, workers } = relayedLauncher();
    started = workers;
    const stranger = await failure(
      runOptimiserProcess(client.launch, new URL('file:///tmp/evil.js'), request(5, 3), {
        timeoutMs: 30_000,
      }),
    );
    expect(stranger).toBe(
      `The optimiser stopped unexpectedly (not started: only the bundled ${optimiserEntryName} is ` +
        'started). Your parameters are unchanged.',
    );
    expect(workers).toHaveLength(0);
  });

  it('starts a second run only once the first process has ended', async () => {
    const { client, workers } = relayedLauncher();
    started = workers;
    const first = runOptimiserProcess(client.launch, bundled, request(120, 8), {
      timeoutMs: 60_000,
    });
    const second = runOptimiserProcess(client.launch, bundled, request(5, 3, 400), {
      timeoutMs: 60_000,
    });
    expect((await first).kind).toBe('fitted');
    expect((await second).kind).toBe('too-little');
    expect(workers).toHaveLength(2);
  });
});
