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
  const violations = await app.page.evaluate(async () => {
    const seen: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
    const inline = document.createElement('script');
    inline.textContent = 'window.__inlineRan = true';
    document.body.append(inline);
    const remote = document.createElement('script');
    remote.src = 'https://example.com/evil.js';
    document.body.append(remote);
    await new Promise((r) => setTimeout(r, 300));
    return { seen, inlineRan: (window as unknown as Record<string, unknown>).__inlineRan === true };
  });
  expect(violations.inlineRan).toBe(false);
  expect(violations.seen.some((v) => v.startsWith('script-src') && v.includes('inline'))).toBe(
    true,
  );
  expect(violations.seen.some((v) => v.includes('https://example.com/evil.js'))).toBe(true);
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
  for (const name of ['Home', 'Flashcards', 'Quiz', 'Pathways', 'Source', 'Progress', 'Settings']) {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name, exact: true })
      .click();
    await expect(page).toHaveTitle(new RegExp(`${name} · Pathwise`));
  }
  expect(foreign).toEqual([]);
});
