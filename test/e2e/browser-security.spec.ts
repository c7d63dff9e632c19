import { expect, test } from './fixtures.ts';

test('the renderer has no Node: no require, no process, no Buffer', async ({ app }) => {
  const globals = await app.page.evaluate(() => ({
    require: typeof (globalThis as Record<string, unknown>).require,
    process: typeof (globalThis as Record<string, unknown>).process,
    buffer: typeof (globalThis as Record<string, unknown>).Buffer,
  }));
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', buffer: 'undefined' });
});

test('the CSP blocks an inline script and a remote script', async ({ app }) => {
  const { page } = app;
  type Probe = Window & { __cspReports?: string[]; __inlineRan?: boolean };
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as Probe).__cspReports = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
    const inline = document.createElement('script');
    inline.textContent = 'window.__inlineRan = true';
    document.body.append(inline);
    const remote = document.createElement('script');
    remote.src = 'https://example.com/evil.js';
    document.body.append(remote);
  });
  // Each script is reported in its own time: wait for both reports, not for a delay.
  const reported = (match: (report: string) => boolean) => () =>
    page.evaluate(() => (window as Probe).__cspReports ?? []).then((seen) => seen.some(match));
  await expect.poll(reported((v) => v.startsWith('script-src') && v.includes('inline'))).toBe(true);
  await expect.poll(reported((v) => v.includes('https://example.com/evil.js'))).toBe(true);
  expect(await page.evaluate(() => (window as Probe).__inlineRan === true)).toBe(false);
});

test('the app itself never trips its CSP, from the first script on, on any screen', async ({
  app,
}) => {
  const { page } = app;
  type Probe = Window & { __ownCspReports?: string[] };
  // Installed before any of the app's scripts run, so a report at start-up is caught too (zod's
  // probe for eval was one: it ran on the first parse and was reported although it was caught).
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as Probe).__ownCspReports = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`),
    );
  });
  await page.reload();
  for (const name of [
    'Home',
    'Flashcards',
    'Quiz',
    'Pathways',
    'Source',
    'Progress',
    'Print',
    'Settings',
  ]) {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name, exact: true })
      .click();
    await expect(page.locator('[data-screen-ready]')).toBeVisible();
  }
  expect(await page.evaluate(() => (window as Probe).__ownCspReports ?? [])).toEqual([]);
});

test('the UI requests nothing outside its own origin', async ({ app }) => {
  const { page } = app;
  const origin = new URL(page.url()).origin;
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      foreign.push(url);
  });
  for (const name of [
    'Home',
    'Flashcards',
    'Quiz',
    'Pathways',
    'Source',
    'Progress',
    'Print',
    'Settings',
  ]) {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name, exact: true })
      .click();
    await expect(page).toHaveTitle(new RegExp(`${name} · Pathwise`));
  }
  expect(foreign).toEqual([]);
});

test('external links never navigate the app itself; following one leaves the app where it was', async ({
  app,
}) => {
  const { page } = app;
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of [
    'Home',
    'Flashcards',
    'Quiz',
    'Pathways',
    'Source',
    'Progress',
    'Print',
    'Settings',
  ]) {
    await nav.getByRole('link', { name, exact: true }).click();
    await expect(page).toHaveTitle(new RegExp(`${name} · Pathwise`));
    await page.waitForLoadState('networkidle');
    const external = await page.$$eval('a[href]', (anchors) =>
      anchors
        .filter((a) => /^https?:/.test(a.getAttribute('href') ?? ''))
        .map((a) => ({
          href: a.getAttribute('href'),
          target: a.getAttribute('target'),
          rel: a.getAttribute('rel') ?? '',
        })),
    );
    for (const link of external) {
      expect(link.target, `${name}: ${link.href}`).toBe('_blank');
      expect(link.rel, `${name}: ${link.href}`).toMatch(/noreferrer/);
    }
  }

  await nav.getByRole('link', { name: 'Source', exact: true }).click();
  const doi = page.getByRole('link', { name: /doi\.org|10\.4078\/jrd\.2017\.24\.1\.14/ }).first();
  const before = page.url();
  const [popup] = await Promise.all([page.waitForEvent('popup'), doi.click()]);
  expect(page.url()).toBe(before);
  await popup.close();

  // A script that tries to open a window or redirect cannot take the app's own tab elsewhere.
  await page.evaluate(() => window.open('https://example.com/'));
  expect(page.url()).toBe(before);
});
