import { expect, test } from './fixtures.ts';
import {
  factCards,
  loadPack,
  openSource,
  searchBox,
  summary,
  viewportShot,
  watchForeignRequests,
} from './source-progress-helpers.ts';

// The Source screen's review and facts: the citation, each fact's marks and links, search,
// filters, deep links, and no request leaving the app. The coverage map, keyboard use, axe and
// screenshots: source-coverage-looks.spec.ts.

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
