import { expect, test } from './fixtures.ts';

const screens = [
  'Home',
  'Flashcards',
  'Quiz',
  'Pathways',
  'Source',
  'Progress',
  'Print',
  'Settings',
];

test('the shell renders the main navigation and names the current screen', async ({ app }) => {
  const { page } = app;
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of screens)
    await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  await expect(page).toHaveTitle(/Home · Pathwise/);
  await expect(nav.getByRole('link', { name: 'Home', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  // The token left the address bar once the renderer took it.
  expect(page.url()).not.toContain('token=');
  await app.screenshot('shell-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('shell-dark');
});

test('the renderer talks to the real services through the contract', async ({ app }) => {
  await expect(app.page.getByText(/Pathwise \d+\.\d+\.\d+ · http/)).toBeVisible();
});

test('the page names its icon and the icon loads, so no favicon request fails', async ({ app }) => {
  const href = await app.page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).toBe('./favicon.svg');
  const loaded = await app.page.evaluate(async (url) => {
    const response = await fetch(url);
    return `${response.status} ${response.headers.get('content-type') ?? ''}`;
  }, href ?? '');
  expect(loaded).toBe('200 image/svg+xml');
});
