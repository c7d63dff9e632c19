import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { zipSync } from 'fflate';
import { expect, screenshotDir, test, type AppHandle } from './fixtures.ts';
import { call, expectNoAxeViolations, openScreen, review } from './study-helpers.ts';

/** Several packs (issue 15, item 6): a second pack imported, studied, and kept apart. */

const wntBoneDir = path.resolve('test', 'fixtures', 'packs', 'wnt-bone');
const wntBone = 'WNT signalling in bone: from human mutations to treatments';
const il32 = 'IL-32γ in inflammatory bone disease';

const packsSection = (page: Page) =>
  page.getByRole('region', { name: 'Knowledge packs', exact: true });
const studied = (page: Page) => page.getByTestId('studied-pack');
const cardsSeen = (page: Page) =>
  page.locator('.stat', { hasText: 'Cards seen' }).locator('.stat-value');

/** Settings › Knowledge packs › Study this pack, then waits until the app studies it. */
async function studyPack(page: Page, title: string): Promise<void> {
  await openScreen(page, 'Settings');
  await packsSection(page)
    .getByRole('button', { name: `Study ${title}` })
    .click();
  await expect(packsSection(page)).toContainText(`You are now studying “${title}”`);
  await expect(studied(page)).toContainText(title);
}

async function importWntBone(page: Page): Promise<void> {
  await openScreen(page, 'Settings');
  await packsSection(page).getByLabel('Pack folder').setInputFiles(wntBoneDir);
  await expect(packsSection(page)).toContainText(`Added “${wntBone}”`);
}

/** A one-question true-or-false practice quiz through the quiz screen, to its results. */
async function takeQuiz(page: Page): Promise<void> {
  await page.evaluate(() => (window.location.hash = '#/quiz'));
  await expect(page.locator('[data-screen-ready="quiz-idle"]')).toBeVisible();
  await page.getByRole('button', { name: 'Clear kinds' }).click();
  await page
    .getByRole('group', { name: 'Kinds of question' })
    .getByRole('checkbox', { name: /^True or false/ })
    .check();
  await page.getByLabel('Number of questions').fill('1');
  await page.getByRole('button', { name: 'Start practice' }).click();
  await expect(page.locator('.qz-question')).toBeVisible();
  await page.keyboard.press('t');
  await page.keyboard.press('Enter');
  await expect(page.locator('.qz-feedback')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-screen-ready="quiz-results"]')).toBeVisible();
}

async function pastQuizzes(page: Page) {
  await page.evaluate(() => (window.location.hash = '#/quiz'));
  await expect(page.locator('[data-screen-ready="quiz-idle"]')).toBeVisible();
  return page.getByRole('region', { name: 'Past quizzes' });
}

test('a second pack from Settings: studied and quizzed apart, its progress there when switched back', async ({
  app,
}) => {
  const { page } = app;
  await expect(studied(page)).toContainText(il32);
  await importWntBone(page);
  await studyPack(page, wntBone);

  await openScreen(page, 'Flashcards');
  await review(page, '3');
  await takeQuiz(page);
  await openScreen(page, 'Home');
  await expect(cardsSeen(page)).toHaveText('1');

  await studyPack(page, il32);
  await openScreen(page, 'Home');
  await expect(cardsSeen(page)).toHaveText('0');
  await expect((await pastQuizzes(page)).getByText('No finished quizzes yet.')).toBeVisible();

  await studyPack(page, wntBone);
  await openScreen(page, 'Home');
  await expect(cardsSeen(page)).toHaveText('1');
  await expect((await pastQuizzes(page)).getByRole('listitem')).toHaveCount(1);
});

test('the pack studied survives a restart; a removed pack’s progress comes back with it', async ({
  app,
}) => {
  let { page } = app;
  await importWntBone(page);
  await studyPack(page, wntBone);
  await call(app, 'review.answer', await firstCard(app));
  page = await app.relaunch();
  await expect(studied(page)).toContainText(wntBone);

  await openScreen(page, 'Settings');
  const packs = packsSection(page);
  await expect(packs.getByRole('button', { name: `Remove ${il32}` })).toHaveCount(0);
  await packs.getByRole('button', { name: `Remove ${wntBone}` }).click();
  const dialog = page.getByRole('dialog', { name: `Remove “${wntBone}”?` });
  await expect(dialog).toContainText('Your progress in it');
  await expectNoAxeViolations(page, 'settings, remove-pack dialog');
  await dialog.getByRole('button', { name: 'Remove the pack' }).click();
  await expect(packs).toContainText(`Removed “${wntBone}”. Its progress is kept`);
  await expect(studied(page)).toContainText(il32);
  await expect(packs.getByRole('listitem')).toHaveCount(1);

  await importWntBone(page);
  await studyPack(page, wntBone);
  await openScreen(page, 'Home');
  await expect(cardsSeen(page)).toHaveText('1');
});

test('a pack comes from a zip of its folder; a file that is no zip is refused, saying so', async ({
  app,
  tempDir,
}) => {
  const { page } = app;
  const dir = tempDir('zip');
  const zipped = path.join(dir, 'wnt-bone.zip');
  const entries = Object.fromEntries(
    readdirSync(wntBoneDir).map((name) => [
      `wnt-bone/${name}`,
      new Uint8Array(readFileSync(path.join(wntBoneDir, name))),
    ]),
  );
  writeFileSync(zipped, zipSync(entries));
  const notZip = path.join(dir, 'not-a-pack.zip');
  writeFileSync(notZip, 'hello');
  await openScreen(page, 'Settings');
  const picker = packsSection(page).getByLabel('Pack files or zip');
  await picker.setInputFiles(notZip);
  await expect(packsSection(page).getByRole('alert')).toContainText(
    'not-a-pack.zip could not be read as a zip file',
  );
  await picker.setInputFiles(zipped);
  await expect(packsSection(page)).toContainText(`Added “${wntBone}”`);
  await expect(packsSection(page).getByRole('button', { name: `Study ${wntBone}` })).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`Settings › Knowledge packs and the pack in the nav (${scheme})`, async ({ app }) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: scheme });
    await importWntBone(page);
    await studyPack(page, wntBone);
    await packsSection(page).scrollIntoViewIfNeeded();
    await expectNoAxeViolations(page, `settings, two packs (${scheme})`);
    await app.screenshot(`packs-settings-${scheme}`);
    await packsSection(page).screenshot({
      path: path.join(screenshotDir, `packs-panel-${scheme}.png`),
    });
    await openScreen(page, 'Home');
    await app.screenshot(`packs-home-${scheme}`);
  });
}

/** The first queued card's answer, for arranging progress through the contract. */
async function firstCard(app: AppHandle) {
  const next = await call<{ item: { card: { id: string }; stateVersion: string } | null }>(
    app,
    'review.next',
  );
  if (!next.item) throw new Error('no card queued');
  return {
    cardId: next.item.card.id,
    rating: 'good',
    durationMs: 3000,
    expectedVersion: next.item.stateVersion,
  };
}
