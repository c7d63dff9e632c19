import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  axeViolations,
  loadPack,
  openAllTables,
  openSource,
  reviewCards,
  searchBox,
  summary,
  takeQuiz,
  viewportShot,
} from './source-progress-helpers.ts';
import { resizeTo, screenSizes } from './study-helpers.ts';

// The Source screen's coverage map, for a new learner and with data; the page by keyboard alone;
// axe, screenshots and 200 % text. The review and its facts: source-facts.spec.ts.

test('coverage map of a new learner: every fact a cell, every topic a row, a legend and a table', async ({
  app,
}) => {
  const { page } = app;
  const pack = await loadPack(app);
  await openSource(app);
  const coverage = page.getByRole('region', { name: /^Coverage/ });
  await expect(coverage).toContainText(`0 of ${pack.facts.length} facts`);
  const grid = coverage.getByRole('grid');
  await expect(grid.getByRole('gridcell')).toHaveCount(pack.facts.length);
  await expect(grid.getByRole('rowheader')).toHaveCount(pack.manifest.topics.length);
  await expect(coverage.getByRole('list', { name: 'Legend' })).toContainText('Not tested yet');
  await coverage.getByText('Show as table').click();
  await expect(coverage.locator('tbody tr')).toHaveCount(pack.facts.length);
});

test('coverage map reflects reviews and quizzes, with a non-colour cue and table counts', async ({
  app,
}) => {
  const { page } = app;
  const reviewed = await reviewCards(page.request, app.preview(), 25);
  await takeQuiz(page.request, app.preview(), 4);
  await openSource(app);
  const coverage = page.getByRole('region', { name: /^Coverage/ });
  const grid = coverage.getByRole('grid');
  const tested = Number(
    /^(\d+) of/.exec((await coverage.locator('p strong').first().textContent()) ?? '')?.[1],
  );
  expect(tested).toBeGreaterThanOrEqual(reviewed.factIds.size);
  await coverage.getByText('Show as table').click();
  for (const factId of reviewed.factIds) {
    const cell = grid.locator(`button[data-fact="${factId}"]`);
    await expect(cell).not.toHaveClass(/level-untested/);
    // The level is readable without colour: in the name, and as a fill of one to four quarters.
    await expect(cell).toHaveAttribute('aria-label', /(Weak|Fair|Good|Strong), mastery \d+ %/);
    expect(Number(await cell.locator('.coverage-glyph').getAttribute('data-fill'))).toBeGreaterThan(
      0,
    );
    // Its table row counts its flashcard reviews.
    const row = coverage.locator(`tbody tr[data-row="${factId}"]`);
    await expect(row.locator('td').nth(3)).not.toHaveText('0');
  }
  // The fact card says so too.
  const [first] = reviewed.factIds;
  await expect(page.locator(`#fact-${first} .coverage-chip`)).not.toContainText('Not tested yet');
});

test('keyboard only: "/" to search, arrows across the coverage grid, Enter opens a fact, focus always visible', async ({
  app,
}) => {
  const page = await openSource(app);
  await page.locator('#source-title').click();
  await page.keyboard.press('/');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type('DKK');
  await expect(summary(page)).toContainText('“DKK”');
  // Tab reaches the filters, each with a visible focus ring.
  for (const name of ['Source tier', 'Topic', 'High-yield only']) {
    await page.keyboard.press('Tab');
    const control = page.getByLabel(name, { exact: true });
    await expect(control).toBeFocused();
    expect(await control.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  }
  await page.keyboard.press('Escape');
  await searchBox(page).press('Escape');

  // The coverage grid is a single tab stop; arrows move, Enter opens the fact.
  const grid = page.getByRole('grid');
  const first = grid.locator('button[data-row="0"][data-col="0"]');
  await grid.locator('button[tabindex="0"]').focus();
  await expect(first).toBeFocused();
  expect(await first.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  await page.keyboard.press('ArrowRight');
  const second = grid.locator('button[data-row="0"][data-col="1"]');
  await expect(second).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(grid.locator('button[data-row="1"][data-col="1"]')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  const factId = await second.getAttribute('data-fact');
  await page.keyboard.press('Enter');
  await expect(page.locator(`#fact-${factId}`)).toBeFocused();
  await expect(page.locator(`#fact-${factId}`)).toHaveClass(/fact-linked/);
  expect(page.url()).toContain(`fact=${factId}`);
});

// One test per mode: the page holds every fact and, opened, a table of them all, so each axe run
// takes a while.
for (const [scheme, motion] of [
  ['light', 'no-preference'],
  ['dark', 'no-preference'],
  ['light', 'reduce'],
] as const) {
  test(`axe finds nothing (${scheme}, motion ${motion}) with data and the tables open`, async ({
    app,
  }) => {
    test.slow();
    const { page } = app;
    await reviewCards(page.request, app.preview(), 20);
    await takeQuiz(page.request, app.preview(), 3);
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: motion });
    await openSource(app);
    await openAllTables(page);
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('axe finds nothing in search results with their entities (dark)', async ({ app }) => {
  test.slow();
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'dark' });
  await openSource(app);
  await searchBox(page).fill('Dickkopf');
  await expect(summary(page)).toContainText('“Dickkopf”');
  expect(await axeViolations(page)).toEqual([]);
});

// Each picture pair is its own test: the page holds every fact, and a screenshot of it takes
// seconds on a loaded machine.
const sourceSections = {
  'top and topics': async (page: Page, name: string) => {
    await viewportShot(page, `${name}-top`);
    await page.locator('#source-topics').scrollIntoViewIfNeeded();
    await viewportShot(page, `${name}-topics`);
  },
  'coverage and facts': async (page: Page, name: string) => {
    await page.locator('#source-coverage').evaluate((el) => el.scrollIntoView());
    await viewportShot(page, `${name}-coverage`);
    await page.locator('#source-facts').evaluate((el) => el.scrollIntoView());
    await viewportShot(page, `${name}-facts`);
  },
};

for (const state of ['empty', 'data'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    for (const size of screenSizes) {
      for (const [section, shoot] of Object.entries(sourceSections)) {
        test(`screenshots: ${section}, ${state === 'empty' ? 'a new learner' : 'with data'} (${scheme}, ${size.width}×${size.height})`, async ({
          app,
        }) => {
          const { page } = app;
          await page.emulateMedia({ colorScheme: scheme });
          await resizeTo(page, size);
          if (state === 'data') {
            await reviewCards(page.request, app.preview(), 30);
            await takeQuiz(page.request, app.preview(), 6);
          }
          await openSource(app);
          await shoot(page, `source-${state}-${scheme}-${size.width}`);
        });
      }
    }
  }
}

test('screenshots: search results, and the whole page with data (light, 1024×700)', async ({
  app,
}) => {
  const { page } = app;
  await resizeTo(page, { width: 1024, height: 700 });
  await reviewCards(page.request, app.preview(), 30);
  await takeQuiz(page.request, app.preview(), 6);
  await openSource(app);
  await searchBox(page).fill('Dickkopf');
  await expect(summary(page)).toContainText('“Dickkopf”');
  await page.locator('#source-facts').evaluate((el) => el.scrollIntoView());
  await viewportShot(page, 'source-search-light-1024');
  // The full page, for the record (it is long).
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await app.screenshot('source-data-light-1024-full');
});

test('readable at 200 % text size: nothing scrolls sideways, the coverage grid reflows', async ({
  app,
}) => {
  const { page } = app;
  await page.setViewportSize({ width: 1024, height: 700 });
  await reviewCards(page.request, app.preview(), 20);
  await openSource(app);
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
    true,
  );
  await page.locator('#source-coverage').evaluate((el) => el.scrollIntoView());
  await viewportShot(page, 'source-data-light-1024-text200-coverage');
  await page.locator('#fact-F001').evaluate((el) => el.scrollIntoView());
  await viewportShot(page, 'source-data-light-1024-text200-facts');
});
