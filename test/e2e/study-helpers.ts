import type { Page } from '@playwright/test';
import { addDays, studyDayOf } from '../../shared/engine/study-day.ts';
import { expect, type AppHandle } from './fixtures.ts';

/** Shared steps of the Home, Flashcards, Settings and relaunch specs. */

export { expectNoAxeViolations } from './axe.ts';

export const screenReady = (page: Page, screen: string) =>
  page.locator(`[data-screen-ready="${screen}"]`);

/** Opens a screen through the main navigation and waits until its data is shown. */
export async function openScreen(
  page: Page,
  name: 'Home' | 'Flashcards' | 'Settings',
): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name, exact: true })
    .click();
  await expect(page).toHaveTitle(new RegExp(`^${name} · Pathwise`));
  await expect(screenReady(page, name.toLowerCase())).toBeVisible();
}

/** Calls a channel directly, as the renderer would: for arranging data before a test. */
export async function call<T = Record<string, unknown>>(
  app: AppHandle,
  channel: string,
  body?: unknown,
): Promise<T> {
  const { origin, token } = app.preview();
  const response = await fetch(`${origin}/ipc/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? '' : JSON.stringify(body),
  });
  const answer = (await response.json()) as
    { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.code} ${answer.error.message}`);
  return answer.value;
}

interface NextItem {
  readonly item: { card: { id: string }; stateVersion: string } | null;
}

/** Answers up to `count` queued cards through the contract; returns how many it answered. */
export async function studyThroughContract(
  app: AppHandle,
  count: number,
  rating: 'again' | 'hard' | 'good' | 'easy' = 'good',
): Promise<number> {
  let answered = 0;
  for (; answered < count; answered++) {
    const next = await call<NextItem>(app, 'review.next');
    if (!next.item) break;
    await call(app, 'review.answer', {
      cardId: next.item.card.id,
      rating,
      durationMs: 3000,
      expectedVersion: next.item.stateVersion,
    });
  }
  return answered;
}

/** Reloads the page so every store reads what the test arranged through the contract. */
export async function reload(page: Page, screen = 'home'): Promise<void> {
  await page.reload();
  await expect(screenReady(page, screen)).toBeVisible();
}

/** The two window sizes the layout must hold at. */
export const screenSizes = [
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 },
] as const;
export type ScreenSize = (typeof screenSizes)[number];

/** Resizes the window and waits until the page has laid itself out and painted at that width. */
export async function resizeTo(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await page.waitForFunction((width) => window.innerWidth === width, size.width);
  await page.evaluate(
    () => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted))),
  );
}

/** Screenshots the page at its current size as <name>-<width>; nothing may scroll sideways. */
export async function shootAtSize(app: AppHandle, name: string): Promise<void> {
  const width = app.page.viewportSize()?.width ?? 0;
  await app.screenshot(`${name}-${width}`);
  await expectNoSidewaysScroll(app.page, `${name} at ${width}`);
}

/** Screenshots at both window sizes (see shootAtSize); then back to the default size. */
export async function shootSizes(app: AppHandle, name: string): Promise<void> {
  for (const size of screenSizes) {
    await resizeTo(app.page, size);
    await shootAtSize(app, name);
  }
  await resizeTo(app.page, { width: 1280, height: 800 });
}

/** The page never scrolls sideways. */
export async function expectNoSidewaysScroll(page: Page, where?: string): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, where && `${where} scrolls sideways`).toBeLessThanOrEqual(0);
}

/** Collects every request the page makes outside its own origin (there must be none). */
export function foreignRequests(page: Page): string[] {
  const origin = new URL(page.url()).origin;
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      foreign.push(url);
  });
  return foreign;
}

export const progress = (page: Page) => page.getByRole('progressbar', { name: 'Session progress' });

/** Space to reveal, then a rating key; waits until main has taken the answer. */
export async function review(page: Page, key: '1' | '2' | '3' | '4'): Promise<void> {
  const done = Number((await progress(page).getAttribute('aria-valuenow')) ?? '0');
  await expect(page.locator('.fc-card')).toHaveAttribute('data-side', 'front');
  await page.keyboard.press('Space');
  await expect(page.locator('.fc-card')).toHaveAttribute('data-side', 'back');
  // A card shown ahead of its confirmation takes a rating once main has confirmed it.
  await expect(page.locator('.fc-area')).not.toHaveAttribute('aria-busy', 'true');
  await page.keyboard.press(key);
  await expect(progress(page)).toHaveAttribute('aria-valuenow', String(done + 1));
  await expect(page.locator('.fc-area')).not.toHaveAttribute('aria-busy', 'true');
}

/**
 * The study day `days` after today's, as the exam date input takes it. The app's day starts at
 * 04:00 (study-day.ts), so between midnight and 04:00 "today" is still the calendar's yesterday:
 * a calendar date would put the exam a day further off than the test says.
 */
export function dayFromNow(days: number): string {
  return addDays(studyDayOf(Date.now()), days);
}
