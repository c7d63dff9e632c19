import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { call, expectNoAxeViolations, openScreen, review, screenReady } from './study-helpers.ts';

const cardsSeen = (page: Page) =>
  page.locator('.stat', { hasText: 'Cards seen' }).locator('.stat-value');

test('close and relaunch on the same data directory: progress and settings are still there', async ({
  app,
}) => {
  let page = app.page;
  await openScreen(page, 'Flashcards');
  for (const key of ['3', '4', '1'] as const) await review(page, key);
  await openScreen(page, 'Settings');
  await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('.settings-saved')).toHaveText('Theme: saved.');

  page = await app.relaunch();
  // A new origin (new port) has no remembered theme: the stored setting is applied before the
  // first paint.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(screenReady(page, 'home')).toBeVisible();
  await expect(cardsSeen(page)).toHaveText('3');
  await expect(page.locator('.stat', { hasText: 'New today' })).toContainText('3 of 20 introduced');
  await openScreen(page, 'Flashcards');
  const counts = page.getByRole('group', { name: 'Cards left today' });
  await expect(counts.locator('.fc-count-new dd')).toHaveText('17');
  await expect(counts.locator('.fc-count-learning dd')).toHaveText('2');
});

test('a damaged database is moved aside; the notice restores the newest backup', async ({
  app,
}) => {
  const { page } = app;
  await openScreen(page, 'Flashcards');
  await review(page, '4');
  await review(page, '4');
  await call(app, 'backup.create');
  await app.preview().stop();
  const database = path.join(app.dataDir, 'pathwise.sqlite');
  writeFileSync(database, 'These are not the progress records you are looking for.\n');
  for (const suffix of ['-wal', '-shm'])
    if (existsSync(database + suffix)) rmSync(database + suffix);

  const relaunched = await app.relaunch();
  const notice = relaunched
    .getByRole('alert')
    .filter({ hasText: 'Your progress database was damaged' });
  await expect(notice).toBeVisible();
  await expect(cardsSeen(relaunched)).toHaveText('0');
  await expectNoAxeViolations(relaunched, 'home with the damage notice');
  await app.screenshot('home-damage-notice-light');
  await notice.getByRole('button', { name: /^Restore the backup from / }).click();
  await expect(notice).toBeHidden();
  await expect(cardsSeen(relaunched)).toHaveText('2');
  await openScreen(relaunched, 'Flashcards');
  await expect(
    relaunched.getByRole('group', { name: 'Cards left today' }).locator('.fc-count-new dd'),
  ).toHaveText('18');
});
