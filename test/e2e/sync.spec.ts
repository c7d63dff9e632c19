import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { startPreview, type RunningPreview } from '../support/preview-process.ts';
import { expect, screenshotDir, test } from './fixtures.ts';
import { coloursSettled } from './settled.ts';
import { expectNoAxeViolations, openScreen, review } from './study-helpers.ts';

// Two Pathwise previews, each with its own data folder, sync through one shared folder (as a sync
// service would keep it in step between two computers): a card rated in one is rated in the other.

const syncSection = (page: Page) => page.getByRole('region', { name: 'Sync folder', exact: true });
const cardsSeen = (page: Page) =>
  page.locator('.stat', { hasText: 'Cards seen' }).locator('.stat-value');

async function openDevice(
  browser: Browser,
  dataDir: string,
  folder: string,
  started: RunningPreview[],
): Promise<Page> {
  const preview = await startPreview(dataDir, ['--sync-folder', folder]);
  started.push(preview);
  const page = await (await browser.newContext()).newPage();
  await page.goto(preview.url);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 15_000 });
  return page;
}

async function syncNow(page: Page): Promise<void> {
  await openScreen(page, 'Settings');
  const section = syncSection(page);
  await section.getByRole('button', { name: 'Sync now' }).click();
  await expect(section.locator('.message-success')).toContainText('Synced:');
}

test('a card rated on one device appears rated on the other after a sync', async ({
  browser,
  tempDir,
}) => {
  const folder = tempDir('e2e-sync-folder');
  const started: RunningPreview[] = [];
  try {
    const first = await openDevice(browser, tempDir('e2e-sync-a'), folder, started);
    const second = await openDevice(browser, tempDir('e2e-sync-b'), folder, started);

    await openScreen(second, 'Home');
    await expect(cardsSeen(second)).toHaveText('0');

    await openScreen(first, 'Flashcards');
    await review(first, '3');
    await syncNow(first);
    await expect(syncSection(first).locator('.message-success')).toContainText(
      'sent 1 review event and 1 study session',
    );

    await syncNow(second);
    const section = syncSection(second);
    await expect(section.locator('.message-success')).toContainText(
      'brought in 1 review event and 1 study session from 2 device files',
    );
    await expect(section.getByText(`Syncing through ${folder}`)).toBeVisible();
    await openScreen(second, 'Home');
    await expect(cardsSeen(second)).toHaveText('1');

    // The section as the learner finds it later: the last run, in light and dark.
    mkdirSync(screenshotDir, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      await second.emulateMedia({ colorScheme: scheme });
      await openScreen(second, 'Settings');
      await expect(syncSection(second).getByTestId('sync-last-run')).toContainText(
        'brought in 1 review event and 1 study session',
      );
      await expectNoAxeViolations(second, `settings, sync folder, ${scheme}`);
      await syncSection(second).scrollIntoViewIfNeeded();
      await coloursSettled(second);
      await syncSection(second).screenshot({
        path: path.join(screenshotDir, `settings-sync-${scheme}.png`),
      });
    }
  } finally {
    for (const preview of started) await preview.stop();
  }
});
