import type { Page } from '@playwright/test';
import type { PackSummary } from '../../shared/contract/pack.ts';
import { expect, test, type AppHandle } from './fixtures.ts';
import {
  call,
  expectNoAxeViolations,
  expectNoSidewaysScroll,
  foreignRequests,
  openScreen,
  progress,
  reload,
  resizeTo,
  review,
  screenSizes,
  shootAtSize,
} from './study-helpers.ts';

const counts = (page: Page) => page.getByRole('group', { name: 'Cards left today' });
const count = (page: Page, queue: 'new' | 'learning' | 'review') =>
  counts(page).locator(`.fc-count-${queue} dd`);
const card = (page: Page) => page.locator('.fc-card');
const rating = (page: Page, name: 'Again' | 'Hard' | 'Good' | 'Easy') =>
  page.getByRole('button', { name, exact: true });

test('review by keyboard: Space reveals, 1–4 rate, Ctrl+Z undoes; counts follow', async ({
  app,
}) => {
  const { page } = app;
  const foreign = foreignRequests(page);
  await openScreen(page, 'Flashcards');
  await expect(count(page, 'new')).toHaveText('20');
  await expect(count(page, 'learning')).toHaveText('0');
  const first = await card(page).getAttribute('data-card-id');
  await expect(card(page)).toHaveAttribute('data-side', 'front');
  await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();

  await page.keyboard.press('Space');
  await expect(card(page)).toHaveAttribute('data-side', 'back');
  // The answer sits in a live region, so it is read out when revealed.
  await expect(card(page).locator('.fc-back')).toHaveAttribute('aria-live', 'polite');
  for (const name of ['Again', 'Hard', 'Good', 'Easy'] as const)
    await expect(rating(page, name)).toBeVisible();
  await expect(rating(page, 'Again')).toContainText('1 min');
  await expect(rating(page, 'Good')).toContainText('10 min');
  await expect(rating(page, 'Easy')).toContainText(/\d+\s+d/);
  await expect(rating(page, 'Good')).toHaveAccessibleDescription('Next review in 10 minutes');
  await page.keyboard.press('3');
  await expect(card(page)).not.toHaveAttribute('data-card-id', first ?? '');
  await expect(count(page, 'new')).toHaveText('19');
  await expect(count(page, 'learning')).toHaveText('1');
  await expect(page.getByRole('status').filter({ hasText: 'Card 1 rated Good' })).toHaveText(
    'Card 1 rated Good: back in 10 minutes.',
  );
  const second = await card(page).getAttribute('data-card-id');

  await page.keyboard.press('Space');
  await page.keyboard.press('1');
  await expect(count(page, 'new')).toHaveText('18');
  await expect(count(page, 'learning')).toHaveText('2');
  await expect(progress(page)).toHaveAttribute('aria-valuenow', '2');

  // Undo brings the second card back, front first, and the counts with it.
  await page.keyboard.press('Control+z');
  await expect(card(page)).toHaveAttribute('data-card-id', second ?? '');
  await expect(card(page)).toHaveAttribute('data-side', 'front');
  await expect(count(page, 'new')).toHaveText('19');
  await expect(count(page, 'learning')).toHaveText('1');
  await expect(progress(page)).toHaveAttribute('aria-valuenow', '1');

  // The Undo button does the same.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(card(page)).toHaveAttribute('data-card-id', first ?? '');
  await expect(count(page, 'new')).toHaveText('20');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();

  // Home reflects what was answered.
  await review(page, '4');
  await openScreen(page, 'Home');
  await expect(page.locator('.stat', { hasText: 'New today' }).locator('.stat-value')).toHaveText(
    '19',
  );
  await expect(page.locator('.stat', { hasText: 'Cards seen' }).locator('.stat-value')).toHaveText(
    '1',
  );
  expect(foreign).toEqual([]);
});

test('a rating given while the previous answer is still on its way is kept, not dropped', async ({
  app,
}) => {
  const { page } = app;
  // Every answer takes 300 ms to come back, so each rating below lands on the predicted card
  // while the previous answer is still in flight.
  await page.route('**/ipc/review.answer', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await route.continue();
  });
  await openScreen(page, 'Flashcards');
  await expect(count(page, 'new')).toHaveText('20');
  for (let i = 0; i < 5; i++) {
    const shown = await card(page).getAttribute('data-card-id');
    await page.keyboard.press('Space');
    await page.keyboard.press('3');
    // The rating is kept: the next card comes once the previous answer returns, not never.
    await expect(card(page)).not.toHaveAttribute('data-card-id', shown ?? '', { timeout: 3000 });
  }
  await expect(progress(page)).toHaveAttribute('aria-valuenow', '5');
  await expect(count(page, 'new')).toHaveText('15');
  await expect(count(page, 'learning')).toHaveText('5');
  const stored = await call<{ introducedToday: number }>(app, 'review.counts');
  expect(stored.introducedToday).toBe(5);
});

test('Ctrl+Z pressed while the answer is still on its way takes that answer back', async ({
  app,
}) => {
  const { page } = app;
  // The answer is held until the undo has been pressed, as on a slow machine.
  let release: () => void = () => undefined;
  const undoPressed = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/ipc/review.answer', async (route) => {
    await undoPressed;
    await route.continue();
  });
  await openScreen(page, 'Flashcards');
  await expect(count(page, 'new')).toHaveText('20');
  const first = await card(page).getAttribute('data-card-id');
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await expect(progress(page)).toHaveAttribute('aria-valuenow', '1');
  await page.keyboard.press('Control+z');
  release();
  await expect(progress(page)).toHaveAttribute('aria-valuenow', '0');
  await expect(card(page)).toHaveAttribute('data-card-id', first ?? '');
  await expect(card(page)).toHaveAttribute('data-side', 'front');
  await expect(count(page, 'new')).toHaveText('20');
  const stored = await call<{ introducedToday: number }>(app, 'review.counts');
  expect(stored.introducedToday).toBe(0);
});

test('Space on the focused button keeps the flow: reveal, Good, reveal…', async ({ app }) => {
  const { page } = app;
  await openScreen(page, 'Flashcards');
  await page.getByRole('button', { name: 'Show answer' }).focus();
  await page.keyboard.press('Space');
  // The button that vanished hands focus to the one Space would press next.
  await expect(rating(page, 'Good')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(count(page, 'new')).toHaveText('19');
  await expect(page.getByRole('button', { name: 'Show answer' })).toBeFocused();
  // Enter on a link still follows the link.
  await page.keyboard.press('Space');
  const sourceLink = page.locator('.fc-links a').first();
  await sourceLink.focus();
  const href = await sourceLink.getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${(href ?? '').replace(/[?]/g, '\\?')}$`));
});

test('the card shows its source, with links to the fact and its pathway', async ({ app }) => {
  const { page } = app;
  await call(app, 'settings.update', { newCardsPerDay: 500 });
  // Move past the entity cards to the first fact card that sits on a pathway.
  for (let i = 0; i < 200; i++) {
    const next = await call<{
      item: {
        card: { id: string; factIds: string[]; pathwayIds: string[] };
        stateVersion: string;
      } | null;
    }>(app, 'review.next');
    const item = next.item;
    if (!item || (item.card.factIds.length > 0 && item.card.pathwayIds.length > 0)) break;
    await call(app, 'review.answer', {
      cardId: item.card.id,
      rating: 'easy',
      durationMs: 1000,
      expectedVersion: item.stateVersion,
    });
  }
  await openScreen(page, 'Flashcards');
  await page.getByRole('button', { name: 'Show answer' }).click();
  const source = page.getByRole('region', { name: 'Where this comes from' });
  await expect(source.locator('.badge').first()).toBeVisible();
  await expect(source.locator('cite').first()).not.toBeEmpty();
  const factLink = source.getByRole('link', { name: /^Fact F\d{3} in Source$/ });
  const factId = ((await factLink.textContent()) ?? '').replace(/^Fact (F\d{3}).*$/, '$1');
  await expect(factLink).toHaveAttribute('href', `#/source?fact=${factId}`);
  const pathwayLink = source.getByRole('link', { name: /^Show in pathway: / }).first();
  await expect(pathwayLink).toHaveAttribute(
    'href',
    new RegExp(`^#/pathways/D\\d\\?fact=${factId}$`),
  );
  // Named by its figure and title, as the Pathways screen names it, not by its id.
  const pathwayId = /pathways\/(D\d)/.exec((await pathwayLink.getAttribute('href')) ?? '')?.[1];
  const packs = await call<PackSummary[]>(app, 'pack.list');
  const pathway = packs.find((p) => p.active)?.pathways.find((p) => p.id === pathwayId);
  expect(pathway).toBeDefined();
  await expect(pathwayLink).toHaveText(
    `Show in pathway: ${[pathway?.figure, pathway?.title].filter(Boolean).join(' · ')}`,
  );
  await pathwayLink.click();
  await expect(page.locator('[data-screen-ready="pathways"]')).toBeVisible();
  await expect(page.locator('.pw-details h2')).toHaveText(`Fact ${factId} on this diagram`);
});

test('end of session: a summary with count, again rate, time and what is next', async ({ app }) => {
  const { page } = app;
  await call(app, 'settings.update', { newCardsPerDay: 3 });
  await openScreen(page, 'Flashcards');
  await expect(count(page, 'new')).toHaveText('3');
  for (const key of ['4', '1', '4'] as const) await review(page, key);
  // Again brought the second card back within the learn-ahead window: finish it.
  await expect(count(page, 'learning')).toHaveText('1');
  await review(page, '4');
  const summary = page.getByRole('region', { name: 'Session complete' });
  await expect(summary).toBeVisible();
  await expect(summary.locator('.stat', { hasText: 'Cards reviewed' })).toContainText('4');
  await expect(summary.locator('.stat', { hasText: 'Again rate' })).toContainText('25 %');
  await expect(summary.locator('.stat', { hasText: 'Time' })).toContainText(/\d+\s+s/);
  await expect(summary).toContainText(/The next card is due (tomorrow|on|today)/);
  await expect(summary).toContainText('Today’s 3 new cards are done');
  await expect(summary.getByRole('link', { name: 'Take a quiz' })).toHaveAttribute(
    'href',
    '#/quiz',
  );
  await expect(summary.getByRole('link', { name: 'Home' })).toHaveAttribute('href', '#/');
  await summary.getByRole('button', { name: 'Continue studying' }).click();
  // No dead end: with nothing due, custom study is offered in its place.
  await expect(
    page.getByRole('status').filter({ hasText: 'Nothing more is due today.' }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Custom study' })).toBeVisible();
  // Undo from the summary brings the last card back.
  await page.keyboard.press('Control+z');
  await expect(card(page)).toHaveAttribute('data-side', 'front');
  await expect(page.getByRole('button', { name: 'Show answer' })).toBeFocused();
});

test('a card changed elsewhere (stale) is reloaded, not answered twice', async ({ app }) => {
  const { page } = app;
  await openScreen(page, 'Flashcards');
  const shown = await card(page).getAttribute('data-card-id');
  await page.keyboard.press('Space');
  // Answer the same card behind the screen's back, as another window would.
  await studyOnce(app, shown ?? '');
  await page.keyboard.press('3');
  await expect(
    page.getByRole('status').filter({ hasText: 'changed after it was shown' }),
  ).toBeVisible();
  await expect(card(page)).not.toHaveAttribute('data-card-id', shown ?? '');
  await expect(count(page, 'new')).toHaveText('19');
});

async function studyOnce(app: Parameters<typeof call>[0], cardId: string): Promise<void> {
  await call(app, 'review.answer', {
    cardId,
    rating: 'good',
    durationMs: 1000,
    expectedVersion: 'new',
  });
}

test('nothing due: caught up, with when the next card is due', async ({ app }) => {
  const { page } = app;
  await call(app, 'settings.update', { newCardsPerDay: 1 });
  await call(app, 'review.answer', {
    cardId: (await call<{ item: { card: { id: string } } }>(app, 'review.next')).item.card.id,
    rating: 'easy',
    durationMs: 1000,
    expectedVersion: 'new',
  });
  await openScreen(page, 'Flashcards');
  const empty = page.getByRole('region', { name: 'You are caught up' });
  await expect(empty).toBeVisible();
  await expect(empty).toContainText(/The next card is due on \w+/);
  await expect(page.getByRole('button', { name: 'Show answer' })).toHaveCount(0);
});

// Two tests per mode: all four states in one test used a third of its timeout on one loaded core.
for (const mode of ['light', 'dark', 'reduced motion'] as const) {
  test(`axe: front and revealed pass WCAG 2.2 AA (${mode})`, async ({ app }) => {
    const { page } = app;
    await openOneCard(app, mode);
    await expectNoAxeViolations(page, 'front');
    await page.keyboard.press('Space');
    await expect(card(page)).toHaveAttribute('data-side', 'back');
    await expectNoAxeViolations(page, 'revealed');
  });

  test(`axe: summary and empty pass WCAG 2.2 AA (${mode})`, async ({ app }) => {
    const { page } = app;
    await openOneCard(app, mode);
    await page.keyboard.press('Space');
    await expect(card(page)).toHaveAttribute('data-side', 'back');
    await page.keyboard.press('4');
    await expect(page.getByRole('region', { name: 'Session complete' })).toBeVisible();
    await expectNoAxeViolations(page, 'summary');
    await openScreen(page, 'Home');
    await openScreen(page, 'Flashcards');
    await expect(page.getByRole('region', { name: 'You are caught up' })).toBeVisible();
    await expectNoAxeViolations(page, 'empty');
  });
}

/** Flashcards with one new card today, in the given look. */
async function openOneCard(
  app: AppHandle,
  mode: 'light' | 'dark' | 'reduced motion',
): Promise<void> {
  const { page } = app;
  if (mode === 'reduced motion') await page.emulateMedia({ reducedMotion: 'reduce' });
  else await page.emulateMedia({ colorScheme: mode });
  await call(app, 'settings.update', { newCardsPerDay: 1 });
  await reload(page);
  await openScreen(page, 'Flashcards');
  await expect(card(page)).toHaveAttribute('data-side', 'front');
}

for (const scheme of ['light', 'dark'] as const) {
  for (const size of screenSizes) {
    test(`screenshots: front, revealed, summary, empty (${scheme}, ${size.width}×${size.height})`, async ({
      app,
    }) => {
      const { page } = app;
      await page.emulateMedia({ colorScheme: scheme });
      await resizeTo(page, size);
      await call(app, 'settings.update', { newCardsPerDay: 2 });
      await reload(page);
      await openScreen(page, 'Flashcards');
      await expect(card(page)).toHaveAttribute('data-side', 'front');
      await shootAtSize(app, `flashcards-front-${scheme}`);
      await page.keyboard.press('Space');
      await expect(card(page)).toHaveAttribute('data-side', 'back');
      await shootAtSize(app, `flashcards-revealed-${scheme}`);
      await page.keyboard.press('4');
      await expect(progress(page)).toHaveAttribute('aria-valuenow', '1');
      await review(page, '1');
      await review(page, '4');
      await expect(page.getByRole('region', { name: 'Session complete' })).toBeVisible();
      await shootAtSize(app, `flashcards-summary-${scheme}`);
      await openScreen(page, 'Home');
      await openScreen(page, 'Flashcards');
      await expect(page.getByRole('region', { name: 'You are caught up' })).toBeVisible();
      await shootAtSize(app, `flashcards-empty-${scheme}`);
    });
  }
}

test('screenshot at 200 % text, 1024×700: the revealed card; nothing scrolls sideways', async ({
  app,
}) => {
  const { page } = app;
  await openScreen(page, 'Flashcards');
  await page.keyboard.press('Space');
  await expect(card(page)).toHaveAttribute('data-side', 'back');
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  await resizeTo(page, { width: 1024, height: 700 });
  await app.screenshot('flashcards-revealed-text200-1024');
  await expectNoSidewaysScroll(page);
});

test('leaving mid-card and coming back keeps the card and its answer, with fresh counts', async ({
  app,
}) => {
  const { page } = app;
  await openScreen(page, 'Flashcards');
  const shown = await card(page).getAttribute('data-card-id');
  await page.keyboard.press('Space');
  await expect(card(page)).toHaveAttribute('data-side', 'back');
  await openScreen(page, 'Settings');
  const newCards = page.getByRole('spinbutton', { name: 'New cards a day' });
  await newCards.fill('5');
  await page.keyboard.press('Enter');
  await expect(page.locator('.settings-saved')).toHaveText('New cards a day: saved.');
  await openScreen(page, 'Flashcards');
  await expect(card(page)).toHaveAttribute('data-card-id', shown ?? '');
  await expect(card(page)).toHaveAttribute('data-side', 'back');
  await expect(count(page, 'new')).toHaveText('5');
  await page.keyboard.press('3');
  await expect(count(page, 'new')).toHaveText('4');
});
