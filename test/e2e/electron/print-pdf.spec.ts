import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readPdf } from '../../support/pdf-text.ts';
import { expect, test } from '../fixtures.ts';

// Runs wherever an Electron binary exists; skips with the reason otherwise (see global-setup output).
// The save dialog is the operating system's: the test answers it in main with a file of its own.

test('Save as PDF writes the printed document where the save dialog says', async ({
  app,
  tempDir,
}) => {
  const { page } = app;
  const file = path.join(tempDir('pdf'), 'exam.pdf');
  await app.electron().evaluate(({ dialog }, target) => {
    dialog.showSaveDialog = () => Promise.resolve({ canceled: false, filePath: target });
  }, file);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Print' }).click();
  await expect(page.locator('[data-screen-ready="print"]')).toBeVisible();
  await page.getByRole('spinbutton', { name: 'Seed' }).fill('7');
  await page.getByRole('button', { name: 'Show the document' }).click();
  await expect(page.locator('[data-print-document="exam"] [data-print-ready]')).toBeVisible();
  await page.getByRole('button', { name: 'Save as PDF…' }).click();
  await expect(page.getByText('Saved exam.pdf.')).toBeVisible();
  expect(existsSync(file)).toBe(true);
  const pages = readPdf(readFileSync(file));
  expect(pages.length).toBeGreaterThanOrEqual(2);
  expect(pages[0]?.text).toContain('Practice exam');
});

test('window.savePdf refuses a path for a file name', async ({ app }) => {
  const answer = await app.page.evaluate(() =>
    (
      window as unknown as {
        pathwise: { window: { savePdf: (r: unknown) => Promise<unknown> } };
      }
    ).pathwise.window.savePdf({ fileStem: '../../etc/passwd' }),
  );
  expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
});
