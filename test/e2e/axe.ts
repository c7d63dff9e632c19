import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import { coloursSettled } from './settled.ts';

/** The accessibility bar every screen is held to: WCAG 2.2 AA. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's violations on the page as it is now, one line each: rule, impact, elements. */
export async function axeViolations(page: Page): Promise<string[]> {
  await coloursSettled(page);
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact ?? '?'}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
  );
}

export async function expectNoAxeViolations(page: Page, where = 'page'): Promise<void> {
  expect(await axeViolations(page), where).toEqual([]);
}
