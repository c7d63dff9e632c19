import type { OptimiserStatus } from '../shared/contract/optimiser.ts';
import { makeTempDir, removeTempDir } from '../test/support/temp-dir.ts';
import { percentile, report, atMost, type Results } from './lib.ts';
import { hostLayout, type Layout } from './stall.ts';
import { buildDatabase } from './storage.ts';

const reviews = 100_000;
const cards = 10_000;
const intervalMs = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function post<T>(layout: Layout, channel: string): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${layout.port}/ipc/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${layout.token}` },
    body: '',
  });
  const answer = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

async function timedNext(layout: Layout): Promise<number> {
  const sent = performance.now();
  await post(layout, 'review.next');
  return performance.now() - sent;
}

/**
 * Issue 12 item 6: Settings › Optimise on 100,000 reviews (10,000 cards over 400 days), in the
 * preview as the learner runs it (services on a worker thread, the optimiser in a process of its
 * own), while `review.next` is called every ~20 ms: how long the fit takes and what it does to
 * the review step.
 */
export async function measureOptimiser(): Promise<Results> {
  const dataDir = makeTempDir('bench-optimiser');
  try {
    buildDatabase(dataDir, reviews, cards);
    const layout = await hostLayout(dataDir);
    try {
      await post(layout, 'review.next'); // warm: the first call pays for the day's queue
      const idle: number[] = [];
      for (let i = 0; i < 25; i++) {
        idle.push(await timedNext(layout));
        await sleep(intervalMs);
      }
      const started = performance.now();
      await post<OptimiserStatus>(layout, 'optimiser.start');
      const during: number[] = [];
      let status: OptimiserStatus;
      for (;;) {
        during.push(await timedNext(layout));
        status = await post<OptimiserStatus>(layout, 'optimiser.status');
        if (status.run.state !== 'running') break;
        await sleep(intervalMs);
      }
      const fitMs = performance.now() - started;
      const run = status.run;
      if (run.state !== 'fitted') throw new Error(`The optimiser ended ${JSON.stringify(run)}`);
      const note = `${run.reviewsUsed} reviews at a positive interval of ${run.cardsUsed} cards; log loss ${run.current.logLoss.toFixed(3)} in use, ${run.fitted.logLoss.toFixed(3)} fitted`;
      return {
        'Optimiser: fit and evaluate 100,000 reviews (own process)': report(
          Math.round(fitMs),
          'ms',
          note,
        ),
        'Optimiser: review.next p95 while it runs': atMost(
          Math.round(percentile(during, 95) * 10) / 10,
          16,
          'ms',
          `p50 ${percentile(during, 50).toFixed(1)} ms over ${during.length} calls; idle before p50 ${percentile(idle, 50).toFixed(1)} / p95 ${percentile(idle, 95).toFixed(1)} ms`,
        ),
      };
    } finally {
      await layout.close();
    }
  } finally {
    removeTempDir(dataDir);
  }
}
