import type { Page } from '@playwright/test';
import type { Pack } from '../../shared/pack/schema.ts';
import { expect, test, type AppHandle } from './fixtures.ts';
import {
  axeViolations,
  call,
  openAllTables,
  reviewCards,
  takeQuiz,
  viewportShot,
  watchForeignRequests,
} from './source-progress-helpers.ts';
import { resizeTo, screenSizes } from './study-helpers.ts';

async function openSource(app: AppHandle, hash = '#/source'): Promise<Page> {
  const { page } = app;
  if (hash === '#/source') {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Source', exact: true })
      .click();
  } else {
    await page.evaluate((h) => {
      window.location.hash = h;
    }, hash);
  }
  await expect(page.locator('[data-screen-ready="source"]')).toBeVisible();
  return page;
}

const loadPack = (app: AppHandle) => call<Pack>(app.page.request, app.preview(), 'pack.get');
const summary = (page: Page) => page.locator('.search-summary');
const factCards = (page: Page) => page.locator('article.fact');
const searchBox = (page: Page) =>
  page.getByRole('searchbox', { name: 'Search facts and entities' });

test('shows the review citation with its DOI, the licence, the limits and the inferences as not facts', async ({
  app,
}) => {
  const page = await openSource(app);
  const pack = await loadPack(app);
  const review = page.getByRole('region', { name: 'The review' });
  await expect(review).toContainText('Lee E-J, Choi B, Hwang E-S, Chang E-J.');
  await expect(review).toContainText(
    'Interleukin-32 Gamma as a New Face in Inflammatory Bone Diseases',
  );
  await expect(review).toContainText('J Rheum Dis 2017;24(1):14-20.');
  const doi = review.getByRole('link', { name: /doi:10\.4078\/jrd\.2017\.24\.1\.14/ });
  await expect(doi).toHaveAttribute('href', 'https://doi.org/10.4078/jrd.2017.24.1.14');
  await expect(doi).toHaveAttribute('target', '_blank');
  await expect(doi).toHaveAttribute('rel', 'noreferrer');
  await expect(review).toContainText(pack.manifest.licence);
  await expect(review).toContainText(pack.manifest.attribution);

  const limits = page.getByRole('region', { name: 'What the sources could not tell us' });
  await expect(limits.getByRole('listitem')).toHaveCount(pack.manifest.limitations.length);
  const inferences = page.getByRole('region', { name: /Inferences/ });
  await expect(inferences).toContainText('They are not facts');
  for (const inference of pack.manifest.inferences) {
    await expect(inferences).toContainText(`Inference ${inference.id} · not a fact`);
  }
  await expect(
    inferences.getByRole('link', { name: /^Show the dashed edge in pathway: Figure 1 · / }).first(),
  ).toHaveAttribute('href', /^#\/pathways\/D1\?edge=/);

  // Topics with their fact counts; every fact listed, grouped by topic.
  for (const topic of pack.manifest.topics) {
    const count = pack.facts.filter((f) => f.topic === topic.id).length;
    await expect(
      page.locator('.topic-card').filter({ hasText: topic.title }).locator('.topic-counts'),
    ).toContainText(`${count} facts`);
  }
  await expect(factCards(page)).toHaveCount(pack.facts.length);
  await expect(summary(page)).toHaveText(`${pack.facts.length} facts`);
});

test('a fact shows its tier, marks, context, references and pathway links', async ({ app }) => {
  const page = await openSource(app);
  const pack = await loadPack(app);
  const contested = pack.facts.find((f) => f.contested && f.highYield);
  if (!contested?.contested) throw new Error('The pack has no high-yield contested fact.');
  const fact = page.locator(`#fact-${contested.id}`);
  await expect(fact.locator('.badge').first()).toBeVisible();
  await expect(fact).toContainText('★ High-yield');
  await expect(fact).toContainText('⚑ Contested');
  await expect(fact).toContainText(contested.contested.note);
  for (const other of contested.contested.with) {
    await expect(fact.getByRole('link', { name: other, exact: true })).toHaveAttribute(
      'href',
      `#/source?fact=${other}`,
    );
  }
  // F099 rests on the review's Figure 1 caption and sits on a pathway edge.
  const f099 = page.locator('#fact-F099');
  await expect(f099).toContainText('Lee et al. 2017 — Figure 1 caption');
  await expect(f099.getByRole('link', { name: /doi:10\.4078/ })).toHaveAttribute(
    'href',
    'https://doi.org/10.4078/jrd.2017.24.1.14',
  );
  await expect(
    f099.getByRole('link', { name: /^Show in pathway: Figure 1 · IL-32γ in both bone formation/ }),
  ).toHaveAttribute('href', /^#\/pathways\/D1\?edge=[a-z0-9-]+$/);
  await expect(f099.locator('.fact-context dt')).toHaveText(['Cell']);
  await expect(f099.locator('.fact-context dd')).toHaveText(['Osteoblast']);
  // A reference the review lists by number says so.
  const numbered = pack.references.find((r) => r.reviewReferenceNumber !== undefined);
  const withNumbered = pack.facts.find((f) => numbered && f.references.includes(numbered.id));
  if (numbered && withNumbered) {
    await expect(page.locator(`#fact-${withNumbered.id}`)).toContainText(
      `reference ${numbered.reviewReferenceNumber} of the review`,
    );
  }
});

test('search: "Dickkopf" finds DKK-1 facts and announces the count; aliases find IL-32γ', async ({
  app,
}) => {
  const page = await openSource(app);
  const pack = await loadPack(app);
  const dkk = pack.facts.filter(
    (f) => f.subject === 'dkk-1' || f.object === 'dkk-1' || f.coSubjects.includes('dkk-1'),
  );
  await expect(summary(page)).toHaveAttribute('aria-live', 'polite');
  await expect(summary(page)).toHaveAttribute('role', 'status');

  await searchBox(page).fill('Dickkopf');
  await expect(summary(page)).toHaveText(/^\d+ facts? and \d+ entit(y|ies) match “Dickkopf”$/);
  const ids = await factCards(page).evaluateAll((cards) =>
    cards.map((c) => c.getAttribute('data-fact')),
  );
  expect(ids.slice(0, dkk.length).toSorted()).toEqual(dkk.map((f) => f.id).toSorted());
  const count = Number(/^(\d+)/.exec((await summary(page).textContent()) ?? '')?.[1]);
  expect(count).toBe(ids.length);
  await expect(page.locator('.entity-card').first()).toContainText('DKK-1');
  await expect(page.locator('.entity-card').first()).toContainText('Dickkopf-1');

  const gamma = pack.facts.filter((f) => f.subject === 'il-32-gamma' || f.object === 'il-32-gamma');
  for (const query of ['il32g', 'IL-32 gamma']) {
    await searchBox(page).fill(query);
    await expect(summary(page)).toContainText(`“${query}”`);
    const found = await factCards(page).evaluateAll((cards) =>
      cards.map((c) => c.getAttribute('data-fact')),
    );
    for (const fact of gamma) expect(found, query).toContain(fact.id);
  }
  // Escape clears the search.
  await searchBox(page).press('Escape');
  await expect(searchBox(page)).toHaveValue('');
  await expect(summary(page)).toHaveText(`${pack.facts.length} facts`);
});

test('filters by tier, high-yield and topic, alone and with a search', async ({ app }) => {
  const page = await openSource(app);
  const pack = await loadPack(app);
  await page.getByLabel('Source tier').selectOption('review');
  const review = pack.facts.filter((f) => f.tier === 'review');
  await expect(summary(page)).toHaveText(`${review.length} facts match the filters`);
  await expect(factCards(page)).toHaveCount(review.length);
  const badges = await factCards(page).evaluateAll((cards) =>
    cards.map((c) => c.querySelector('.badge')?.textContent),
  );
  expect(new Set(badges)).toEqual(new Set(['Review']));

  await page.getByLabel('High-yield only').check();
  const reviewHy = review.filter((f) => f.highYield);
  await expect(factCards(page)).toHaveCount(reviewHy.length);

  const topic = pack.manifest.topics.find((t) => reviewHy.some((f) => f.topic === t.id));
  if (!topic) throw new Error('no topic');
  await page.getByLabel('Topic', { exact: true }).selectOption(topic.id);
  await expect(factCards(page)).toHaveCount(reviewHy.filter((f) => f.topic === topic.id).length);

  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await expect(factCards(page)).toHaveCount(pack.facts.length);

  // A topic card's "Show these facts" sets the topic filter and moves focus to the facts.
  await page.getByRole('button', { name: `Show these facts: ${topic.title}` }).click();
  await expect(page.locator('#source-facts')).toBeFocused();
  await expect(factCards(page)).toHaveCount(pack.facts.filter((f) => f.topic === topic.id).length);
});

test('the deep link #/source?fact=F099 scrolls to the fact, focuses and highlights it, clearing a search that hid it', async ({
  app,
}) => {
  const page = await openSource(app);
  await searchBox(page).fill('Dickkopf');
  await expect(summary(page)).toContainText('“Dickkopf”');
  await page.evaluate(() => {
    window.location.hash = '#/source?fact=F099';
  });
  const fact = page.locator('#fact-F099');
  await expect(fact).toBeFocused();
  await expect(fact).toHaveClass(/fact-linked/);
  await expect(fact).toContainText('◆ Linked fact');
  await expect(fact).toBeInViewport();
  await expect(page.locator('.fact-linked')).toHaveCount(1);
  await expect(page).toHaveTitle(/Source · Pathwise/);

  // A fresh start on the deep link works too.
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${app.preview().origin}/#/source?fact=F012`);
  await expect(page.locator('#fact-F012')).toBeFocused();
  await expect(page.locator('#fact-F012')).toBeInViewport();
  await viewportShot(page, 'source-linked-fact-light-1024');
});

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

test('no request leaves the app, the DOI link cannot navigate the app, and fuse.js loads on first search', async ({
  app,
}) => {
  const { page } = app;
  await page.context().route(/^https:\/\//, (route) => route.abort());
  const foreign = watchForeignRequests(page);
  await openSource(app);
  const appUrl = page.url();
  const loaded = () =>
    page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
  expect((await loaded()).some((name) => /\/assets\/fuse-[\w-]+\.js$/.test(name))).toBe(false);
  await searchBox(page).fill('RANKL');
  await expect(summary(page)).toContainText('“RANKL”');
  expect((await loaded()).some((name) => /\/assets\/fuse-[\w-]+\.js$/.test(name))).toBe(true);

  // Following the DOI opens another window (the system browser, in Electron); the app stays put.
  const popup = page.waitForEvent('popup');
  await page
    .getByRole('region', { name: 'The review' })
    .getByRole('link', { name: /doi:/ })
    .click();
  await (await popup).close();
  expect(page.url()).toBe(appUrl);
  expect(foreign.filter((url) => !url.startsWith('https://doi.org/'))).toEqual([]);
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

test('"Show in pathway" opens the Pathways screen on the fact\'s edge', async ({ app }) => {
  const page = await openSource(app, '#/source?fact=F099');
  await page
    .locator('#fact-F099')
    .getByRole('link', { name: /^Show in pathway: Figure 1 · IL-32γ in both bone formation/ })
    .click();
  await expect(page).toHaveURL(/#\/pathways\/D1\?edge=il-32-gamma-to-mir-29a$/);
  await expect(page.locator('.pw-details').getByRole('heading', { level: 2 })).toHaveText(
    'IL-32γ increases the level of miR-29a',
  );
});
