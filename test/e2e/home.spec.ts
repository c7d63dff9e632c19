import type { Page } from '@playwright/test';
import path from 'node:path';
import { loadPackFolder } from '../../services/packs/pack-folder.ts';
import { generateBank } from '../../shared/engine/bank.ts';
import { expect, test, type AppHandle } from './fixtures.ts';
import {
  call,
  dayFromNow,
  expectNoAxeViolations,
  expectNoSidewaysScroll,
  openScreen,
  reload,
  screenReady,
  resizeTo,
  screenSizes,
  shootAtSize,
  studyThroughContract,
} from './study-helpers.ts';

const stat = (page: Page, label: string) =>
  page.locator('.stat', { has: page.locator('.stat-label', { hasText: label }) });
const upNext = (page: Page) => page.getByRole('region', { name: 'Up next' });

const loaded = loadPackFolder(path.resolve('assets/packs/il32-gamma'));
if (!loaded.ok) throw new Error('The bundled pack does not load.');
/** The topics the bundled pack's cards fall in: each has a mastery bar. */
const cardTopics = new Set(generateBank(loaded.pack, { seed: 'e2e' }).cards.map((c) => c.topic));

test('a first start: today’s counts, no streak, mastery at zero, one button to start', async ({
  app,
}) => {
  const { page } = app;
  await expect(screenReady(page, 'home')).toBeVisible();
  await expect(page).toHaveTitle(/^Home · Pathwise/);
  await expect(stat(page, 'Due today').locator('.stat-value')).toHaveText('0');
  await expect(stat(page, 'New today').locator('.stat-value')).toHaveText('20');
  await expect(stat(page, 'New today')).toContainText('0 of 20 introduced');
  await expect(stat(page, 'Day streak').locator('.stat-value')).toHaveText('0');
  await expect(stat(page, 'Day streak')).toContainText('Study today to start one');
  const topics = page.getByRole('region', { name: 'Mastery by topic' }).getByRole('listitem');
  // Every topic that has cards (a topic taught only by quiz items has no card mastery).
  const summary = await call<{ masteryByTopic: unknown[] }>(app, 'progress.summary');
  expect(summary.masteryByTopic.length).toBe(cardTopics.size);
  await expect(topics).toHaveCount(summary.masteryByTopic.length);
  await expect(topics.first()).toContainText('IL-32: what it is and how it was found');
  await expect(topics.first()).toContainText('0 %');
  await expect(topics.first()).toContainText(/0 of \d+ cards? seen/);
  await expect(page.getByRole('region', { name: /^Exam/ })).toHaveCount(0);

  // Exactly one primary action, and it starts the new cards.
  await expect(page.locator('main .btn-primary')).toHaveCount(1);
  const start = upNext(page).getByRole('link', { name: 'Learn 20 new cards' });
  await expect(start).toHaveAttribute('href', '#/flashcards');
  await start.click();
  await expect(screenReady(page, 'flashcards')).toBeVisible();
});

test('the primary action follows the queue: learning first, then a quiz on the weakest topic', async ({
  app,
}) => {
  const { page } = app;
  await studyThroughContract(app, 1, 'again');
  await reload(page);
  await expect(upNext(page).getByRole('link')).toHaveText('Continue learning: 1 card');
  await expect(stat(page, 'Due today').locator('.stat-value')).toHaveText('1');
  await expect(stat(page, 'Day streak')).toContainText('Studied today');
  await expect(stat(page, 'Day streak').locator('.stat-value')).toHaveText('1');

  // Finish today: the learning card, and no new cards left.
  await call(app, 'settings.update', { newCardsPerDay: 1 });
  await studyThroughContract(app, 5, 'easy');
  await reload(page);
  const quiz = upNext(page).getByRole('link');
  await expect(quiz).toHaveText('Quiz on IL-32: what it is and how it was found');
  await expect(quiz).toHaveAttribute('href', '#/quiz?topic=il-32-basics');
  await expect(upNext(page)).toContainText(/caught up on flashcards; the next card is due/);
  await expect(stat(page, 'New today').locator('.stat-value')).toHaveText('0');
});

test('with an exam date: the countdown, the forecast both ways and the daily pace', async ({
  app,
}) => {
  const { page } = app;
  await studyThroughContract(app, 10, 'good');
  // One study day for the whole deck (about 40 cards): the pace must rise above the limit of 20.
  await call(app, 'settings.update', { examDate: dayFromNow(1) });
  await reload(page);
  const exam = page.getByRole('region', { name: 'Exam tomorrow' });
  await expect(exam).toBeVisible();
  const forecast = exam.locator('.forecast');
  await expect(forecast).toContainText(/If you stop now\s*\d+\s%/);
  await expect(forecast).toContainText(/If you keep up\s*\d+\s%/);
  const [stop, keepUp] = await forecast
    .locator('.bar-value')
    .evaluateAll((els) => els.map((el) => Number.parseInt(el.textContent, 10)));
  expect(keepUp).toBeGreaterThan(Number(stop));
  await expect(exam).toContainText(/\d+ new cards a day to see every card before the exam/);
  const pace = Number(
    ((await exam.locator('.home-pace strong').textContent()) ?? '').replace(/\D+/g, ''),
  );
  expect(pace).toBeGreaterThan(20);
  await expect(stat(page, 'New today')).toContainText(`of ${pace} introduced`);
});

for (const mode of ['light', 'dark', 'reduced motion'] as const) {
  test(`axe: Home passes WCAG 2.2 AA (${mode})`, async ({ app }) => {
    const { page } = app;
    if (mode === 'reduced motion') await page.emulateMedia({ reducedMotion: 'reduce' });
    else await page.emulateMedia({ colorScheme: mode });
    await studyThroughContract(app, 3, 'again');
    await call(app, 'settings.update', { examDate: dayFromNow(12) });
    await reload(page);
    await expect(page.getByRole('region', { name: 'Exam in 12 days' })).toBeVisible();
    await expectNoAxeViolations(page, 'home');
  });
}

/** Home with an exam in 21 days and some reviews done, as the screenshots show it. */
async function arrangeExamHome(app: AppHandle): Promise<void> {
  await studyThroughContract(app, 12, 'good');
  await studyThroughContract(app, 3, 'again');
  await call(app, 'settings.update', { examDate: dayFromNow(21) });
  await reload(app.page);
}

for (const size of screenSizes) {
  test(`screenshot: first start (light, ${size.width}×${size.height})`, async ({ app }) => {
    await resizeTo(app.page, size);
    await expect(screenReady(app.page, 'home')).toBeVisible();
    await shootAtSize(app, 'home-first-start-light');
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshot: with an exam date (${scheme}, ${size.width}×${size.height})`, async ({
      app,
    }) => {
      await app.page.emulateMedia({ colorScheme: scheme });
      await resizeTo(app.page, size);
      await arrangeExamHome(app);
      await shootAtSize(app, `home-exam-${scheme}`);
    });
  }
}

test('screenshot at 200 % text, 1024×700: nothing scrolls sideways on Home or Flashcards', async ({
  app,
}) => {
  const { page } = app;
  await arrangeExamHome(app);
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  await resizeTo(page, { width: 1024, height: 700 });
  await app.screenshot('home-exam-text200-1024');
  await expectNoSidewaysScroll(page);
  await openScreen(page, 'Flashcards');
  await expectNoSidewaysScroll(page);
});
