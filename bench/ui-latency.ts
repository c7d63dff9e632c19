import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../test/support/chromium.ts';
import { startPreview, type RunningPreview } from '../test/support/preview-process.ts';
import { makeTempDir, removeTempDir } from '../test/support/temp-dir.ts';
import { atMost, median, percentile, report, type Results } from './lib.ts';

/**
 * Latencies the learner feels, measured in the page by its own clock: from the key press (a
 * capturing keydown listener, first to run) to the first animation frame after the watched part of
 * the screen changed, which is the frame the browser paints it in.
 */

interface Probe {
  start: number;
  last: number;
  arm: (selector: string, before: string | null) => void;
}
type ProbeWindow = Window & { __latency: Probe };

async function contract(preview: RunningPreview, channel: string, body: unknown): Promise<void> {
  const response = await fetch(`${preview.origin}/ipc/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${preview.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as { ok: boolean; error?: { message: string } };
  if (!answer.ok) throw new Error(`${channel}: ${answer.error?.message ?? 'failed'}`);
}

async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    let observer: MutationObserver | undefined;
    const probe: Probe = {
      start: 0,
      last: -1,
      arm(selector, before) {
        probe.last = -1;
        observer?.disconnect();
        const signature = () => {
          const element = document.querySelector(selector);
          return element
            ? `${element.getAttribute('data-card-id') ?? ''}|${element.textContent}`
            : null;
        };
        observer = new MutationObserver(() => {
          const now = signature();
          if (now === null || now === before) return;
          observer?.disconnect();
          requestAnimationFrame(() => {
            probe.last = performance.now() - probe.start;
          });
        });
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
      },
    };
    window.addEventListener('keydown', () => (probe.start = performance.now()), { capture: true });
    (window as unknown as ProbeWindow).__latency = probe;
  });
}

/** Presses `key` and returns ms from the key to the frame that shows `selector` changed. */
async function timeKey(page: Page, key: string, selector: string): Promise<number> {
  await page.evaluate((sel) => {
    const element = document.querySelector(sel);
    const before = element
      ? `${element.getAttribute('data-card-id') ?? ''}|${element.textContent}`
      : null;
    (window as unknown as ProbeWindow).__latency.arm(sel, before);
  }, selector);
  await page.keyboard.press(key);
  const handle = await page.waitForFunction(() => {
    const value = (window as unknown as ProbeWindow).__latency.last;
    return value >= 0 ? value : false;
  });
  return (await handle.jsonValue()) as number;
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

/** Node types of a V8 heap snapshot that hold the page's own data. */
const dataNodeTypes = new Set([
  'object',
  'array',
  'string',
  'concatenated string',
  'sliced string',
  'closure',
  'regexp',
  'number',
  'bigint',
  'symbol',
]);

/**
 * The app's own data in the JS heap (objects, arrays, strings, closures), from a heap snapshot
 * after GC. It leaves out compiled code, which grows while V8 optimises hot functions and then
 * levels off, and native bookkeeping such as the response bodies DevTools keeps for Playwright.
 */
async function dataHeapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  let chunks = '';
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (event) => {
    chunks += event.chunk;
  });
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  const snapshot = JSON.parse(chunks) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const typeNames = snapshot.snapshot.meta.node_types[0];
  let bytes = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    if (dataNodeTypes.has(typeNames[snapshot.nodes[i + typeAt] ?? -1] ?? ''))
      bytes += snapshot.nodes[i + sizeAt] ?? 0;
  }
  return bytes / 2 ** 20;
}

interface ReviewRun {
  steps: number[];
  heap50: number;
  heap500: number;
  data50: number;
  data500: number;
}

async function reviewLatencies(page: Page): Promise<ReviewRun> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Flashcards', exact: true })
    .click();
  await page.getByRole('button', { name: /^Show answer/ }).waitFor();
  const steps: number[] = [];
  let heap50 = 0;
  let heap500 = 0;
  let data50 = 0;
  let data500 = 0;
  for (let i = 1; i <= 500; i++) {
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: /^Good/ }).waitFor();
    // The card element carries the card's id: it changes the frame the next card is painted.
    const ms = await timeKey(page, '3', '[data-card-id]');
    if (i <= 200) steps.push(ms);
    // Let the answer's round trip confirm the predicted card before the next reveal, so each
    // step is measured from the same starting point.
    await page.waitForFunction(() => !document.querySelector('.fc-area[aria-busy="true"]'));
    if (i === 50) [heap50, data50] = [await heapMb(page), await dataHeapMb(page)];
    if (i === 500) [heap500, data500] = [await heapMb(page), await dataHeapMb(page)];
  }
  return { steps, heap50, heap500, data50, data500 };
}

async function quizLatencies(page: Page): Promise<number[]> {
  const times: number[] = [];
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Quiz', exact: true })
    .click();
  for (let round = 0; round < 3; round++) {
    await page.getByRole('button', { name: 'Clear kinds' }).click();
    const kinds = page.getByRole('group', { name: 'Kinds of question' });
    await kinds.getByRole('checkbox', { name: /^True or false/ }).check();
    await kinds.getByRole('checkbox', { name: /^Predict the effect/ }).check();
    await page.getByLabel('Number of questions').fill('20');
    await page.getByRole('radio', { name: 'Practice' }).check();
    await page.getByRole('button', { name: 'Start practice' }).click();
    for (let q = 0; q < 20; q++) {
      await page.locator('[data-item-id]').waitFor();
      await page.keyboard.press('1');
      times.push(await timeKey(page, 'Enter', '.qz-feedback-live'));
      await page.keyboard.press('Enter');
    }
    await page.getByRole('heading', { name: 'Results', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'New quiz' }).click();
  }
  return times;
}

export async function measureUiLatency(): Promise<Results> {
  const dataDir = makeTempDir('bench-ui');
  let preview: RunningPreview | undefined;
  let browser: Browser | undefined;
  try {
    preview = await startPreview(dataDir);
    browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
    // 500 reviews in one sitting: lift the daily new-card limit.
    await contract(preview, 'settings.update', { newCardsPerDay: 9999, reviewsPerDay: 99_999 });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(preview.url);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await installProbe(page);

    const review = await reviewLatencies(page);
    const quiz = await quizLatencies(page);
    const growth = (from: number, to: number) => ((to - from) / from) * 100;
    return {
      'ui.reviewStepP50': report(
        median(review.steps),
        'ms',
        'rating key → next card painted, 200 reviews',
      ),
      'ui.reviewStepP95': atMost(percentile(review.steps, 95), 16, 'ms', 'one frame at 60 Hz'),
      'ui.quizFeedbackP50': report(
        median(quiz),
        'ms',
        `answer key → feedback painted, ${quiz.length} practice answers`,
      ),
      'ui.quizFeedbackP95': atMost(percentile(quiz, 95), 50, 'ms'),
      'ui.dataHeapAfter50Reviews': report(
        review.data50,
        'MB',
        'objects, arrays, strings, closures',
      ),
      'ui.dataHeapAfter500Reviews': report(
        review.data500,
        'MB',
        'objects, arrays, strings, closures',
      ),
      'ui.heapGrowth50to500Reviews': atMost(
        growth(review.data50, review.data500),
        10,
        '%',
        "leak check on the page's own data (heap snapshots after GC)",
      ),
      'ui.usedHeapGrowth50to500Reviews': report(
        growth(review.heap50, review.heap500),
        '%',
        `V8 used heap ${review.heap50.toFixed(2)} → ${review.heap500.toFixed(2)} MB, incl. compiled code still warming up and DevTools' buffer of responses for Playwright`,
      ),
    };
  } finally {
    await browser?.close();
    await preview?.stop();
    removeTempDir(dataDir);
  }
}
