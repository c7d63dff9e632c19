import type { Page } from '@playwright/test';
import { expect, test, type AppHandle } from './fixtures.ts';
import { call, expectNoAxeViolations, screenReady, studyThroughContract } from './study-helpers.ts';

/** Browse (issue 12): search, history, card actions and a study session on a selection. */

async function openBrowse(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Browse', exact: true })
    .click();
  await expect(page).toHaveTitle(/^Browse · Pathwise/);
  await expect(screenReady(page, 'browse')).toBeVisible();
  await expect(page.getByRole('listbox', { name: 'Cards and quiz items' })).toBeVisible();
}

const list = (page: Page) => page.getByRole('listbox', { name: 'Cards and quiz items' });
const count = (page: Page) => page.locator('.browse-count');
const status = (page: Page) => page.locator('.browse-status');
const activeRow = (page: Page) => list(page).locator('.browse-row.is-active');
const detail = (page: Page) => page.locator('.browse-detail');

async function activeRowId(page: Page): Promise<string> {
  const id = await activeRow(page).getAttribute('data-row-id');
  if (!id) throw new Error('no active row');
  return id;
}

/** Every card the flashcard queue shows today, each answered Easy; limits lifted first. */
async function drainQueue(app: AppHandle): Promise<string[]> {
  await call(app, 'settings.update', { newCardsPerDay: 9999, burySiblings: false });
  const seen: string[] = [];
  for (;;) {
    const next = await call<{ item: { card: { id: string }; stateVersion: string } | null }>(
      app,
      'review.next',
    );
    if (!next.item) return seen;
    seen.push(next.item.card.id);
    await call(app, 'review.answer', {
      cardId: next.item.card.id,
      rating: 'easy',
      durationMs: 2000,
      expectedVersion: next.item.stateVersion,
    });
  }
}

test('searches RANKL, opens a studied card’s history and memory, light and dark, axe-clean', async ({
  app,
}) => {
  const { page } = app;
  expect(await studyThroughContract(app, 3)).toBe(3);
  await openBrowse(page);
  const before = (await count(page).textContent()) ?? '';
  await page.getByRole('searchbox', { name: 'Search' }).fill('RANKL');
  await expect(count(page)).not.toHaveText(before);
  const shown = Number(/^(\d+) of (\d+)/.exec((await count(page).textContent()) ?? '')?.[1]);
  const total = Number(/^(\d+) of (\d+)/.exec((await count(page).textContent()) ?? '')?.[2]);
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(total);

  // A studied card: its history lists the rating, its memory state the FSRS figures.
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await page.getByRole('combobox', { name: 'State' }).selectOption('learning');
  await expect(count(page)).toHaveText(/^3 of /);
  await list(page).focus();
  await expect(detail(page).getByRole('list', { name: 'History' })).toContainText('Rated Good');
  await expect(detail(page)).toContainText('Stability');
  await expect(detail(page)).toContainText('Recall today');

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoAxeViolations(page, `browse (${scheme})`);
    await app.screenshot(`browse-history-${scheme}`);
  }
});

test('suspends, buries and flags with the keyboard; the queue leaves them out; studies a selection', async ({
  app,
}) => {
  const { page } = app;
  await openBrowse(page);
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('fact-cloze');
  await list(page).focus();

  // Suspend the first card.
  const suspended = await activeRowId(page);
  await page.keyboard.press('Space');
  await expect(activeRow(page)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('s');
  await expect(status(page)).toHaveText('Suspended: 1 card.');
  await expect(activeRow(page).locator('.browse-state')).toHaveText('Suspended');

  // Bury the second.
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  const buried = await activeRowId(page);
  expect(buried).not.toBe(suspended);
  await page.keyboard.press('Space');
  await page.keyboard.press('b');
  await expect(status(page)).toHaveText('Buried until tomorrow: 1 card.');
  await expect(detail(page)).toContainText('Buried until tomorrow');

  // Flag the third green, then filter by the green flag.
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  const flagged = await activeRowId(page);
  await page.getByRole('combobox', { name: 'Flag colour' }).selectOption('green');
  await page.getByRole('button', { name: 'Flag', exact: true }).click();
  await expect(status(page)).toHaveText('Flagged: 1 card.');
  await page.getByRole('combobox', { name: 'Flag', exact: true }).selectOption('green');
  await expect(count(page)).toHaveText(/^1 of /);
  await expect(activeRow(page)).toHaveAttribute('data-row-id', flagged);
  await app.screenshot('browse-flagged-light');
  await page.getByRole('combobox', { name: 'Flag', exact: true }).selectOption('');

  // Neither the suspended nor the buried card comes up in today's flashcards.
  const queued = await drainQueue(app);
  expect(queued.length).toBeGreaterThan(10);
  expect(queued).not.toContain(suspended);
  expect(queued).not.toContain(buried);
  expect(queued).toContain(flagged);

  // Study these: two cards selected, answered in turn.
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('fact-cloze');
  await page.getByRole('combobox', { name: 'State' }).selectOption('review');
  await expect(count(page)).not.toHaveText(/^0 of /);
  await list(page).focus();
  await page.keyboard.press('Space');
  const first = await activeRowId(page);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(count(page)).toContainText('2 selected');
  await page.keyboard.press('t');
  await expect(page.getByRole('heading', { name: 'Studying the selection' })).toBeVisible();
  for (const position of [1, 2]) {
    await expect(page.getByText(`Card ${position} of 2`)).toBeVisible();
    await expect(page.getByRole('button', { name: /Show answer/ })).toBeFocused();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: /^Good/ }).click();
  }
  await expect(page.getByRole('status').filter({ hasText: 'you studied 2 cards' })).toBeVisible();
  await page.getByRole('button', { name: 'Back to Browse' }).first().click();
  await expect(screenReady(page, 'browse')).toBeVisible();
  await page.getByRole('combobox', { name: 'State' }).selectOption('');
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  const history = await call<{ events: { kind: string; rating: string | null }[] }>(
    app,
    'browse.detail',
    { id: first },
  );
  const ratings = history.events.filter((event) => event.kind === 'rating');
  expect(ratings.map((event) => event.rating)).toEqual(['easy', 'good']);
});
