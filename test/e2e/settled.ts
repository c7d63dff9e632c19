import type { Page } from '@playwright/test';

/**
 * Waits until no finite animation runs: a theme switch fades colours in, and a picture or a
 * contrast check taken mid-fade sees neither theme (a dark-mode axe run once measured a button
 * halfway from its light colours). Endless animations (a spinner) do not count.
 */
export async function coloursSettled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
}
