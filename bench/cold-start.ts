import { chromium, type Browser } from '@playwright/test';
import path from 'node:path';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { startPreviewServer } from '../preview/server.ts';
import { HandlerRegistry } from '../services/registry.ts';
import { chromiumArgs, chromiumExecutable } from '../test/support/chromium.ts';
import { startPreview, type RunningPreview } from '../test/support/preview-process.ts';
import { makeTempDir, removeTempDir } from '../test/support/temp-dir.ts';
import { atMost, median, report, type Results } from './lib.ts';

// The ratio of two ~100 ms medians on a 2-core machine moves by ±0.1 between runs at 15 samples.
const runs = 25;

/** Builds the blank React 19 page with the app's own Vite settings. */
async function buildBaseline(): Promise<string> {
  const outDir = path.resolve('out/bench-baseline');
  await build({
    root: 'bench/baseline',
    base: './',
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: 'chrome130' },
  });
  return outDir;
}

/** Navigation start → the ready marker in the DOM, measured by the page's own clock. */
async function timeToReady(browser: Browser, url: string, selector: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    (sel) => (document.querySelector(sel) ? performance.now() : false),
    selector,
    { polling: 'raf', timeout: 30_000 },
  );
  const ms = (await handle.jsonValue()) as number;
  await context.close();
  return ms;
}

export async function measureColdStart(): Promise<Results> {
  const baselineDir = await buildBaseline();
  const baselineServer = await startPreviewServer({
    rendererDir: baselineDir,
    dispatcher: new HandlerRegistry(),
    token: 'baseline',
  });
  const baselinePort = (baselineServer.address() as { port: number }).port;
  const dataDir = makeTempDir('bench-cold');
  let app: RunningPreview | undefined;
  let browser: Browser | undefined;
  const baseline: number[] = [];
  const pathwise: number[] = [];
  try {
    app = await startPreview(dataDir);
    browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
    // Interleaved, so drift in machine load hits both sides alike.
    for (let i = 0; i < runs + 1; i++) {
      const b = await timeToReady(browser, `http://127.0.0.1:${baselinePort}/`, 'main button');
      const a = await timeToReady(browser, app.url, '[data-screen-ready="home"]');
      if (i === 0) continue; // warm-up: first launch pays Chromium's own start costs
      baseline.push(b);
      pathwise.push(a);
    }
  } finally {
    await browser?.close();
    await app?.stop();
    baselineServer.close();
    removeTempDir(dataDir);
  }
  const ratio = median(pathwise) / median(baseline);
  return {
    'coldStart.ratioToBlankReact': atMost(
      ratio,
      1.5,
      '×',
      `median of ${runs} fresh browser contexts each`,
    ),
    'coldStart.homeInteractive': report(median(pathwise), 'ms'),
    'coldStart.blankReact': report(median(baseline), 'ms'),
  };
}
