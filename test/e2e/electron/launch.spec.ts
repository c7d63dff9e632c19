import { expect, test } from '../fixtures.ts';

// Runs wherever an Electron binary exists; skips with the reason otherwise (see global-setup output).

test('the window loads the renderer from app://, never file://', async ({ app }) => {
  const url = await app
    .electron()
    .evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.getURL());
  expect(url).toMatch(/^app:\/\/pathwise\//);
  expect(
    await app.electron().evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length),
  ).toBe(1);
});

test('the renderer has no Node and cannot navigate away or open windows', async ({ app }) => {
  const { page } = app;
  const before = page.url();
  expect(await page.evaluate(() => typeof (globalThis as Record<string, unknown>).require)).toBe(
    'undefined',
  );
  expect(await page.evaluate(() => typeof (globalThis as Record<string, unknown>).process)).toBe(
    'undefined',
  );
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);
  const opened = await page.evaluate(() => window.open('https://example.com/') === null);
  expect(opened).toBe(true);
  expect(app.electron().windows()).toHaveLength(1);
});

test('the preload exposes only named contract functions', async ({ app }) => {
  const shape = await app.page.evaluate(() => {
    const api = (window as unknown as { pathwise: Record<string, Record<string, unknown>> })
      .pathwise;
    return Object.fromEntries(Object.entries(api).map(([d, fns]) => [d, Object.keys(fns).sort()]));
  });
  expect(shape.app).toContain('info');
  expect(Object.keys(shape)).not.toContain('send');
  expect(await app.page.evaluate(() => 'ipcRenderer' in window)).toBe(false);
});

test('progress survives a relaunch on the same data directory', async ({ app }) => {
  await app.relaunch();
  await expect(app.page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});
