import type { Page } from '@playwright/test';
import { expect, test, type AppHandle } from './fixtures.ts';
import {
  axeViolations,
  call,
  openAllTables,
  reviewCards,
  takeQuiz,
  viewportShot,
  watchCspViolations,
  watchForeignRequests,
} from './source-progress-helpers.ts';
import { resizeTo, screenSizes } from './study-helpers.ts';

const drawnCharts = '.plot-chart svg[role="img"]';

async function openProgress(app: AppHandle): Promise<Page> {
  const { page } = app;
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Progress', exact: true })
    .click();
  await expect(page.locator('[data-screen-ready="progress"]')).toBeVisible();
  return page;
}

function card(page: Page, title: string) {
  return page.locator(`[data-chart-card="${title}"]`);
}

/** The rows of a chart's table alternative, each as its cells' texts. */
async function tableRows(page: Page, title: string): Promise<string[][]> {
  const section = card(page, title);
  await section.getByText('Show as table').click();
  return section
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent.trim())),
    );
}

interface Charts {
  readonly activity: readonly { day: string; reviews: number; quizAnswers: number }[];
  readonly dueForecast: readonly { day: string; due: number }[];
}

test('a new learner sees what will appear, links to start, and the charts that make sense empty', async ({
  app,
}) => {
  const page = await openProgress(app);
  const empty = page.getByRole('heading', { name: 'Your charts fill in as you study' });
  await expect(empty).toBeVisible();
  await expect(page.getByRole('link', { name: 'Start with flashcards' })).toHaveAttribute(
    'href',
    '#/flashcards',
  );
  await expect(page.getByRole('link', { name: 'Take a quiz' }).first()).toHaveAttribute(
    'href',
    '#/quiz',
  );
  // The calendar, the forecast and every topic at 0 % are drawn empty; the others explain what
  // they will show.
  for (const title of ['Study calendar', 'Due in the next 30 days', 'Mastery by topic']) {
    await expect(card(page, title).locator(drawnCharts), title).toHaveCount(1);
  }
  await expect(page.locator(drawnCharts)).toHaveCount(3);
  await expect(card(page, 'Reviews per day')).toContainText('bar split into Again, Hard');
  await expect(card(page, 'Quiz scores')).toContainText('No finished quizzes yet.');
  // The calendar has a cell for each of 365 days, and its table says there is nothing yet.
  await expect(card(page, 'Study calendar').locator('svg rect')).toHaveCount(365);
  expect(await tableRows(page, 'Study calendar')).toEqual([]);
  await expect(card(page, 'Study calendar')).toContainText('No study days yet.');

  await page.setViewportSize({ width: 1024, height: 700 });
  await app.screenshot('progress-empty-light-1024');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('progress-empty-dark-1024');
  expect(await axeViolations(page)).toEqual([]);
});

test('charts and their tables reflect reviews and a quiz done through the contract', async ({
  app,
}) => {
  const { page } = app;
  const preview = app.preview();
  const reviewed = await reviewCards(page.request, preview, 25);
  const total = Object.values(reviewed.ratings).reduce((a, b) => a + b, 0);
  expect(total).toBe(25);

  await openProgress(app);
  await expect(page.getByText('Your charts fill in as you study')).toHaveCount(0);
  await expect(page.locator('.stat').filter({ hasText: 'Reviews, all time' })).toContainText('25');

  // The reviews-per-day table's row for today holds exactly the ratings given.
  const [today] = await tableRows(page, 'Reviews per day');
  expect(today?.slice(1, 6)).toEqual([
    String(reviewed.ratings.again),
    String(reviewed.ratings.hard),
    String(reviewed.ratings.good),
    String(reviewed.ratings.easy),
    '25',
  ]);
  // The calendar's table and the forecast's table match what the contract says.
  const charts = await call<Charts>(page.request, preview, 'progress.charts');
  const active = charts.activity.filter((d) => d.reviews + d.quizAnswers > 0);
  expect((await tableRows(page, 'Study calendar')).map((row) => row.slice(1))).toEqual(
    active.reverse().map((d) => [String(d.reviews), String(d.quizAnswers)]),
  );
  expect((await tableRows(page, 'Due in the next 30 days')).map((row) => row[1])).toEqual(
    charts.dueForecast.filter((d) => d.due > 0).map((d) => String(d.due)),
  );

  const quiz = await takeQuiz(page.request, preview, 5);
  await page.reload();
  await expect(page.locator('[data-screen-ready="progress"]')).toBeVisible();
  expect((await tableRows(page, 'Quiz scores'))[0]?.slice(2)).toEqual([
    `${quiz.correct} of ${quiz.total}`,
    `${Math.round((quiz.correct / quiz.total) * 100)} %`,
  ]);
  const calendar = await tableRows(page, 'Study calendar');
  expect(calendar[0]?.[2]).toBe(String(quiz.total));

  // Calendar, reviews, forecast, quiz scores and mastery are drawn; retention needs a later day.
  await expect(page.locator(drawnCharts)).toHaveCount(5);
  await expect(card(page, 'True retention by week').locator(drawnCharts)).toHaveCount(0);
  await expect(card(page, 'True retention by week')).toContainText('No reviews of learned cards');
  const mastery = await tableRows(page, 'Mastery by topic');
  expect(mastery.length).toBeGreaterThan(0);
  expect(mastery.some((row) => row[2] !== undefined && !row[2].startsWith('0 of'))).toBe(true);
  // The mastery chart names each topic of the table.
  for (const [title] of mastery) {
    await expect(card(page, 'Mastery by topic').locator('svg')).toContainText(
      (title ?? '').slice(0, 12),
    );
  }
});

// One test per scheme: axe over five charts and their open tables takes a while on a slow core.
for (const [scheme, motion] of [
  ['light', 'no-preference'],
  ['dark', 'no-preference'],
  ['light', 'reduce'],
] as const) {
  test(`charts render under the CSP, request nothing foreign, and pass axe (${scheme}, motion ${motion})`, async ({
    app,
  }) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: motion });
    const foreign = watchForeignRequests(page);
    const violations = await watchCspViolations(page);
    await reviewCards(page.request, app.preview(), 20);
    await takeQuiz(page.request, app.preview(), 4);
    await openProgress(app);
    await expect(page.locator(drawnCharts)).toHaveCount(5);
    await openAllTables(page);
    expect(await axeViolations(page), `${scheme}, motion ${motion}`).toEqual([]);
    expect(await violations()).toEqual([]);
    expect(foreign).toEqual([]);
    // Plot is a chunk of its own, fetched by this screen.
    const scripts = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => entry.name),
    );
    expect(scripts.some((name) => /\/assets\/plot-[\w-]+\.js$/.test(name))).toBe(true);
  });
}

/** Progress after 30 reviews and a quiz of 6, with its five charts drawn. */
async function openProgressWithData(app: AppHandle): Promise<Page> {
  const { page } = app;
  await reviewCards(page.request, app.preview(), 30);
  await takeQuiz(page.request, app.preview(), 6);
  await openProgress(app);
  await expect(page.locator(drawnCharts)).toHaveCount(5);
  return page;
}

// Light and dark in one test per size: the test compares the two.
for (const size of screenSizes) {
  test(`charts follow the theme and fit their panels at ${size.width}×${size.height}`, async ({
    app,
  }) => {
    const { page } = app;
    await resizeTo(page, size);
    await openProgressWithData(app);
    const axisColour = () =>
      card(page, 'Due in the next 30 days')
        .locator('svg')
        .evaluate((svg) => getComputedStyle(svg).color);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await axisColour();
    await app.screenshot(`progress-data-light-${size.width}`);
    await viewportShot(page, `progress-data-light-${size.width}-top`);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axisColour()).not.toBe(light);
    await app.screenshot(`progress-data-dark-${size.width}`);
    await viewportShot(page, `progress-data-dark-${size.width}-top`);
    // No chart spills out of its panel.
    for (const svg of await page.locator(drawnCharts).all()) {
      const fits = await svg.evaluate((el) => {
        const panel = el.closest('.chart-card');
        return (
          panel !== null && el.getBoundingClientRect().right <= panel.getBoundingClientRect().right
        );
      });
      expect(fits).toBe(true);
    }
  });
}

test('charts redraw at 200 % text, 1024×700, and nothing scrolls sideways', async ({ app }) => {
  const { page } = app;
  await resizeTo(page, { width: 1024, height: 700 });
  await openProgressWithData(app);
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  // Charts redraw with twice the text size, and the page does not scroll sideways.
  await expect(card(page, 'Quiz scores').locator('svg')).toHaveAttribute(
    'style',
    /font-size: 25\.6px/,
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
    true,
  );
  await card(page, 'Reviews per day').scrollIntoViewIfNeeded();
  await viewportShot(page, 'progress-data-light-1024-text200');
  await card(page, 'Mastery by topic').scrollIntoViewIfNeeded();
  await viewportShot(page, 'progress-data-light-1024-text200-mastery');
});

test('keyboard only: every table opens from the keyboard, with a visible focus ring', async ({
  app,
}) => {
  const page = await openProgress(app);
  const summary = card(page, 'Study calendar').locator('summary');
  // Tab from the heading until the calendar's "Show as table" has focus.
  await page.locator('#progress-title').focus();
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (await summary.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(summary).toBeFocused();
  const outline = await summary.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(card(page, 'Study calendar').locator('details')).toHaveAttribute('open', '');
});
