import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type AppHandle } from './fixtures.ts';
import {
  call,
  expectNoAxeViolations,
  dayFromNow,
  expectNoSidewaysScroll,
  foreignRequests,
  openScreen,
  reload,
  resizeTo,
  screenSizes,
  shootAtSize,
  studyThroughContract,
} from './study-helpers.ts';

const saved = (page: Page, what: string) =>
  expect(page.locator('.settings-saved')).toHaveText(`${what}: saved.`);
const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const cardsSeen = (page: Page) =>
  page.locator('.stat', { hasText: 'Cards seen' }).locator('.stat-value');

test('theme and reduced motion apply to the whole app at once, and after a reload', async ({
  app,
}) => {
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'light' });
  await openScreen(page, 'Settings');
  const html = page.locator('html');
  const theme = page.getByRole('group', { name: 'Theme' });
  await expect(theme.getByRole('radio', { name: 'System' })).toBeChecked();
  await theme.getByRole('radio', { name: 'Dark' }).check();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await saved(page, 'Theme');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(15, 19, 24)');

  const motion = page.getByRole('group', { name: 'Reduced motion' });
  await motion.getByRole('radio', { name: 'On' }).check();
  await expect(html).toHaveAttribute('data-motion', 'reduce');
  await saved(page, 'Reduced motion');
  await expectNoAxeViolations(page, 'settings, app dark + reduced motion');

  await reload(page, 'settings');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(html).toHaveAttribute('data-motion', 'reduce');
  await openScreen(page, 'Home');
  await expect(html).toHaveAttribute('data-theme', 'dark');

  await openScreen(page, 'Settings');
  await motion.getByRole('radio', { name: 'Off' }).check();
  await expect(html).toHaveAttribute('data-motion', 'full');
  await theme.getByRole('radio', { name: 'System' }).check();
  await expect(html).not.toHaveAttribute('data-theme');
  await theme.getByRole('radio', { name: 'Light' }).check();
  await expect(html).toHaveAttribute('data-theme', 'light');
  expect((await call<{ theme: string }>(app, 'settings.get')).theme).toBe('light');
});

test('retention, daily limits and the exam date are saved; Home then shows the exam', async ({
  app,
}) => {
  const { page } = app;
  await openScreen(page, 'Settings');
  const retention = page.getByRole('slider', { name: 'Desired retention' });
  await expect(retention).toHaveAttribute('aria-valuetext', /^90\s%$/);
  await expect(section(page, 'Study')).toContainText('recall about 90 in 100 cards');
  await retention.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(retention).toHaveAttribute('aria-valuetext', /^95\s%$/);
  await expect(section(page, 'Study')).toContainText(/as many reviews/);
  await saved(page, 'Desired retention');

  const newCards = page.getByRole('spinbutton', { name: 'New cards a day' });
  await newCards.fill('35');
  await page.keyboard.press('Tab');
  await saved(page, 'New cards a day');
  const reviews = page.getByRole('spinbutton', { name: 'Reviews a day' });
  await reviews.fill('150');
  await page.keyboard.press('Enter');
  await saved(page, 'Reviews a day');
  await newCards.fill('-3');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Enter a whole number from 0 to 9999.');
  await expect(newCards).toHaveAttribute('aria-invalid', 'true');
  await newCards.fill('35');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveCount(0);

  const exam = page.getByLabel('Exam date');
  await exam.fill(dayFromNow(40));
  await saved(page, 'Exam date');
  expect(await call(app, 'settings.get')).toMatchObject({
    desiredRetention: 0.95,
    newCardsPerDay: 35,
    reviewsPerDay: 150,
    examDate: dayFromNow(40),
  });

  await openScreen(page, 'Home');
  const countdown = page.getByRole('region', { name: 'Exam in 40 days' });
  await expect(countdown).toContainText('If you stop now');
  await expect(countdown).toContainText('If you keep up');
  // "1 new card a day" once the cards left fit in the days left.
  await expect(countdown).toContainText(/\d+ new cards? a day/);
  await expect(page.locator('.stat', { hasText: 'New today' })).toContainText('of 35 introduced');

  await openScreen(page, 'Settings');
  await page.getByRole('button', { name: 'Clear exam date' }).click();
  await saved(page, 'Exam date cleared');
  await expect(exam).toHaveValue('');
  await openScreen(page, 'Home');
  await expect(page.getByRole('region', { name: /^Exam/ })).toHaveCount(0);
});

test('export, reset with confirmation, import back; importing again adds nothing twice', async ({
  app,
}) => {
  const { page } = app;
  const foreign = foreignRequests(page);
  await studyThroughContract(app, 3, 'good');
  await openScreen(page, 'Settings');
  const data = section(page, 'Your progress');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    data.getByRole('button', { name: 'Export progress' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const file = await download.path();
  expect(JSON.parse(readFileSync(file, 'utf8'))).toBeTruthy();
  await expect(data.getByRole('status').first()).toContainText(/Saved .+\.json: 3 review events/);

  // Reset asks first; Cancel changes nothing.
  await data.getByRole('button', { name: 'Reset all progress…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Erase all progress?' });
  await expect(dialog).toContainText('A backup is taken first');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await openScreen(page, 'Home');
  await expect(cardsSeen(page)).toHaveText('3');

  await openScreen(page, 'Settings');
  await data.getByRole('button', { name: 'Reset all progress…' }).click();
  await dialog.getByRole('button', { name: 'Erase all progress' }).click();
  await expect(data).toContainText('All progress was erased. The backup made first');
  await expect(
    section(page, 'Backups').getByRole('cell', { name: 'Before a reset' }),
  ).toBeVisible();
  await openScreen(page, 'Home');
  await expect(cardsSeen(page)).toHaveText('0');

  await openScreen(page, 'Settings');
  const input = page.getByLabel('Choose a progress file to import');
  await input.setInputFiles(file);
  await expect(data).toContainText('Added 3 review events');
  await expect(data).toContainText('A backup was made first');
  await openScreen(page, 'Home');
  await expect(cardsSeen(page)).toHaveText('3');

  await openScreen(page, 'Settings');
  await input.setInputFiles(file);
  await expect(data).toContainText(/Nothing new: all \d+ records in this file were already here/);
  await openScreen(page, 'Home');
  await expect(cardsSeen(page)).toHaveText('3');
  expect(foreign).toEqual([]);
});

test('a rejected import says why and that nothing was changed', async ({ app }) => {
  const { page } = app;
  await openScreen(page, 'Settings');
  await page.getByLabel('Choose a progress file to import').setInputFiles({
    name: 'not-progress.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"hello": '),
  });
  const alert = section(page, 'Your progress').getByRole('alert');
  await expect(alert).toContainText('not-progress.json was not imported');
  await expect(alert).toContainText('not valid JSON');
  await expect(alert).toContainText('Nothing was changed.');
  await page.getByLabel('Choose a progress file to import').setInputFiles({
    name: 'other.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "something else"}'),
  });
  await expect(alert).toContainText('other.json was not imported');
  await expectNoAxeViolations(page, 'settings with a rejected import');
});

test('backups: make one, then restore it after a confirmation', async ({ app }) => {
  const { page } = app;
  await studyThroughContract(app, 2, 'good');
  await openScreen(page, 'Settings');
  const backups = section(page, 'Backups');
  await backups.getByRole('button', { name: 'Back up now' }).click();
  await expect(backups).toContainText('Backup made');
  const mine = backups.getByRole('row', { name: /Made by you/ });
  await expect(mine).toHaveCount(1);

  await studyThroughContract(app, 4, 'good');
  await openScreen(page, 'Home');
  await expect(cardsSeen(page)).toHaveText('6');
  await openScreen(page, 'Settings');
  await mine.getByRole('button', { name: /^Restore the backup from / }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toContainText('Your current progress is backed up first');
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(backups).toContainText('Restored the backup from');
  await expect(backups.getByRole('row', { name: /Before a restore/ })).toHaveCount(1);
  await openScreen(page, 'Home');
  await expect(cardsSeen(page)).toHaveText('2');
});

/** A copy of the bundled pack under another id, in a folder of its own inside `parent`. */
function packCopy(
  parent: string,
  id: string,
  change?: (files: Map<string, string>) => void,
): string {
  const source = path.resolve('assets/packs/il32-gamma');
  const dir = path.join(parent, id);
  mkdirSync(dir);
  cpSync(source, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({ ...manifest, id, title: `My copy (${id})` }),
  );
  if (change) {
    const files = new Map<string, string>();
    change(files);
    for (const [name, text] of files) writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

test('add a knowledge pack: problems are located; a good folder is added', async ({
  app,
  tempDir,
}) => {
  const { page } = app;
  const copies = tempDir('pack');
  await openScreen(page, 'Settings');
  const packs = section(page, 'Knowledge packs');
  const broken = packCopy(copies, 'broken-copy', (files) =>
    files.set('facts.json', '[\n  { "id": "F001",\n    "subject": \n]'),
  );
  await packs
    .getByLabel('Pack files')
    .setInputFiles(
      [
        'manifest.json',
        'entities.json',
        'facts.json',
        'pathways.json',
        'references.json',
        'teaching-points.json',
      ].map((name) => path.join(broken, name)),
    );
  const alert = packs.getByRole('alert');
  await expect(alert).toContainText('The pack was not imported');
  await expect(alert.getByRole('listitem').first()).toContainText(/facts\.json:\d+:\d+/);

  const good = packCopy(copies, 'folder-copy');
  await packs.getByLabel('Pack folder').setInputFiles(good);
  await expect(packs).toContainText('Added “My copy (folder-copy)”');
  await expect(packs).toContainText(/Ignored \(not pack files\): .*schema/);
  await expect(
    packs.getByRole('listitem').filter({ hasText: 'My copy (folder-copy)' }),
  ).toContainText('Added by you');
});

for (const mode of ['light', 'dark', 'reduced motion'] as const) {
  test(`axe: Settings passes WCAG 2.2 AA (${mode})`, async ({ app }) => {
    const { page } = app;
    if (mode === 'reduced motion') await page.emulateMedia({ reducedMotion: 'reduce' });
    else await page.emulateMedia({ colorScheme: mode });
    await call(app, 'backup.create');
    await call(app, 'settings.update', { examDate: dayFromNow(10) });
    await openScreen(page, 'Settings');
    await expect(section(page, 'Backups').getByRole('row')).toHaveCount(2);
    await expectNoAxeViolations(page, 'settings');
    await page.getByRole('button', { name: 'Reset all progress…' }).click();
    await expectNoAxeViolations(page, 'settings, reset dialog');
  });
}

/** Settings with progress, a backup, an exam date and a rejected import on show. */
async function arrangeSettings(app: AppHandle): Promise<Page> {
  const { page } = app;
  await studyThroughContract(app, 4, 'good');
  await call(app, 'backup.create');
  await call(app, 'settings.update', { examDate: dayFromNow(25) });
  await reload(page);
  await openScreen(page, 'Settings');
  await page.getByLabel('Choose a progress file to import').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('nope'),
  });
  await expect(section(page, 'Your progress').getByRole('alert')).toBeVisible();
  return page;
}

for (const scheme of ['light', 'dark'] as const) {
  for (const size of screenSizes) {
    test(`screenshot (${scheme}, ${size.width}×${size.height})`, async ({ app }) => {
      await app.page.emulateMedia({ colorScheme: scheme });
      await resizeTo(app.page, size);
      await arrangeSettings(app);
      await shootAtSize(app, `settings-${scheme}`);
    });
  }
}

test('screenshot at 200 % text, 1024×700: nothing scrolls sideways', async ({ app }) => {
  const page = await arrangeSettings(app);
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  await resizeTo(page, { width: 1024, height: 700 });
  await app.screenshot('settings-text200-1024');
  await expectNoSidewaysScroll(page);
});
