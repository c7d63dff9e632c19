import {
  test as base,
  expect,
  _electron,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import { coloursSettled } from './settled.ts';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { findElectronBinary } from '../support/electron-binary.ts';
import { startPreview, type RunningPreview } from '../support/preview-process.ts';
import { keepForPostMortem, makeTempDir, removeTempDir } from '../support/temp-dir.ts';

export type Target = 'preview' | 'electron';

export interface AppHandle {
  readonly target: Target;
  /** A fresh directory for this test's learner data. */
  readonly dataDir: string;
  page: Page;
  /** Preview only: the server's origin and token, for direct contract calls. */
  readonly preview: () => RunningPreview;
  /** Electron only: the running application, for main-process checks. */
  readonly electron: () => ElectronApplication;
  /** Close the app and start it again on the same data directory. */
  relaunch(): Promise<Page>;
  /** Saves test-results/screenshots/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
}

export const screenshotDir = path.resolve('test-results', 'screenshots');

export const test = base.extend<{
  target: Target;
  app: AppHandle;
  /** Makes a temporary folder that is removed when the test ends. */
  tempDir: (kind: string) => string;
}>({
  target: ['preview', { option: true }],

  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern
  tempDir: async ({}, use) => {
    const made: string[] = [];
    try {
      await use((kind) => {
        const dir = makeTempDir(kind);
        made.push(dir);
        return dir;
      });
    } finally {
      for (const dir of made) removeTempDir(dir);
    }
  },

  app: async ({ target, page: previewPage }, use, testInfo) => {
    if (target === 'electron') {
      const binary = findElectronBinary();
      testInfo.skip('missing' in binary, 'missing' in binary ? binary.missing : '');
    }
    const dataDir = makeTempDir('e2e');
    // A failed test's data goes to its output folder for a post-mortem; the temporary one goes.
    const keep = () => keepForPostMortem(dataDir, testInfo.outputPath('data-dir'));
    try {
      await useApp(target, dataDir, previewPage, use);
      if (testInfo.status !== testInfo.expectedStatus) keep();
    } catch (error) {
      keep();
      throw error;
    } finally {
      removeTempDir(dataDir);
    }
  },
});

/** Starts the app on `dataDir`, hands it to the test, and stops it (also when the test fails). */
async function useApp(
  target: Target,
  dataDir: string,
  previewPage: Page,
  use: (handle: AppHandle) => Promise<void>,
): Promise<void> {
  let preview: RunningPreview | undefined;
  let electronApp: ElectronApplication | undefined;

  const launch = async (): Promise<Page> => {
    if (target === 'electron') {
      const binary = findElectronBinary();
      if ('missing' in binary) throw new Error(binary.missing);
      electronApp = await _electron.launch({
        executablePath: binary.path,
        args: [path.resolve('.')],
        env: { ...process.env, PATHWISE_DATA_DIR: dataDir },
      });
      const window = await electronApp.firstWindow();
      await waitForShell(window);
      return window;
    }
    preview = await startPreview(dataDir);
    await previewPage.goto(preview.url);
    await waitForShell(previewPage);
    return previewPage;
  };

  try {
    const handle: AppHandle = {
      target,
      dataDir,
      page: await launch(),
      preview: () => {
        if (!preview) throw new Error('This test runs against Electron, not the preview.');
        return preview;
      },
      electron: () => {
        if (!electronApp) throw new Error('This test runs against the preview, not Electron.');
        return electronApp;
      },
      relaunch: async () => {
        await electronApp?.close();
        await preview?.stop();
        handle.page = await launch();
        return handle.page;
      },
      screenshot: async (name) => {
        mkdirSync(screenshotDir, { recursive: true });
        const file = path.join(screenshotDir, `${name}.png`);
        await coloursSettled(handle.page);
        await handle.page.screenshot({ path: file, fullPage: true });
        return file;
      },
    };

    await use(handle);
  } finally {
    await electronApp?.close();
    await preview?.stop();
  }
}

async function waitForShell(page: Page): Promise<void> {
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 15_000 });
}

export { expect };
