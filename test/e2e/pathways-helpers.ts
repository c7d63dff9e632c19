import type { Page } from '@playwright/test';
import { expect, type AppHandle } from './fixtures.ts';

/** Shared steps of the pathways-*.spec.ts files. */

/** Opens the Pathways screen (through the navigation, or at a deep link) and waits for the diagram. */
export async function openPathways(app: AppHandle, hash?: string): Promise<Page> {
  const { page } = app;
  if (hash) await page.evaluate((h) => (window.location.hash = h), hash);
  else
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Pathways', exact: true })
      .click();
  await expect(page.locator('[data-screen-ready="pathways"]')).toBeVisible();
  await expect(page.locator('.react-flow__node-entity').first()).toBeVisible();
  return page;
}

export const diagram = (page: Page) => page.getByTestId('pathway-diagram');
export const nodeLabels = (page: Page) =>
  diagram(page)
    .locator('.react-flow__node-entity')
    .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
export const chooseMode = (page: Page, name: string) =>
  page.getByRole('group', { name: 'Mode' }).getByRole('radio', { name }).check();
