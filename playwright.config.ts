import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './test/support/chromium.ts';
import type { Target } from './test/e2e/fixtures.ts';
import { playwrightReportFile } from './scripts/lib/test-timings.ts';

/**
 * End-to-end tests drive the real app: the built renderer served by the preview (same handlers and
 * services as Electron) in Debian's Chromium, and, where an Electron binary exists, Electron itself.
 */
export default defineConfig<{ target: Target }>({
  testDir: 'test/e2e',
  outputDir: 'test-results/playwright',
  fullyParallel: true,
  // Two workers on every machine: each test has its own preview and data directory, and the
  // development machine and CI both have two cores.
  workers: 2,
  retries: 0,
  // Generous on purpose: the suite must pass on a loaded machine twice as slow as ours, where
  // a test that takes 20 s here can take a minute. `npm run test:headroom` shows how close each came.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  // The JSON report feeds `npm run test:headroom` (each test's duration against its timeout).
  reporter: [['list'], ['json', { outputFile: playwrightReportFile }]],
  globalSetup: './test/e2e/global-setup.ts',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumExecutable, args: chromiumArgs },
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'chromium-preview', testIgnore: 'electron/**', use: { target: 'preview' } },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts', use: { target: 'electron' } },
  ],
});
