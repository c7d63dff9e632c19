import type { APIRequestContext, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Pack } from '../../shared/pack/schema.ts';
import type { RunningPreview } from '../support/preview-process.ts';
export { axeViolations } from './axe.ts';
import { expect, screenshotDir, type AppHandle } from './fixtures.ts';

/**
 * Helpers for the Source and Progress end-to-end tests. Learner data is created through the real
 * contract, as the Flashcards and Quiz screens would: the
 * preview's HTTP transport with its token. Answers are shaped only by what the contract returns.
 */

interface Envelope {
  readonly ok: boolean;
  readonly value?: unknown;
  readonly error?: { readonly code: string; readonly message: string };
}

export async function call<T>(
  request: APIRequestContext,
  preview: RunningPreview,
  channel: string,
  payload?: unknown,
): Promise<T> {
  const response = await request.post(`${preview.origin}/ipc/${channel}`, {
    headers: { Authorization: `Bearer ${preview.token}`, 'Content-Type': 'application/json' },
    data: JSON.stringify(payload ?? {}),
  });
  const envelope = (await response.json()) as Envelope;
  if (!envelope.ok) {
    throw new Error(`${channel}: ${envelope.error?.code ?? '?'} ${envelope.error?.message ?? ''}`);
  }
  return envelope.value as T;
}

interface ReviewNext {
  readonly item: {
    readonly card: { readonly id: string; readonly factIds: readonly string[] };
    readonly stateVersion: string;
  } | null;
}

const ratingCycle = ['good', 'again', 'easy', 'hard', 'good'] as const;

export interface Reviewed {
  readonly ratings: Record<(typeof ratingCycle)[number], number>;
  /** Facts whose cards were rated. */
  readonly factIds: ReadonlySet<string>;
}

/** Rates the next `count` cards the queue offers, cycling through the four buttons. */
export async function reviewCards(
  request: APIRequestContext,
  preview: RunningPreview,
  count: number,
): Promise<Reviewed> {
  const ratings = { good: 0, again: 0, easy: 0, hard: 0 };
  const factIds = new Set<string>();
  for (let i = 0; i < count; i++) {
    const next = await call<ReviewNext>(request, preview, 'review.next');
    if (!next.item) break;
    const rating = ratingCycle[i % ratingCycle.length] ?? 'good';
    await call(request, preview, 'review.answer', {
      cardId: next.item.card.id,
      rating,
      durationMs: 3000,
      expectedVersion: next.item.stateVersion,
    });
    ratings[rating] += 1;
    for (const id of next.item.card.factIds) factIds.add(id);
  }
  return { ratings, factIds };
}

interface QuizStart {
  readonly sessionId: string;
  readonly items: readonly {
    readonly id: string;
    readonly options: readonly { readonly id: string }[] | null;
  }[];
}

interface QuizFinish {
  readonly summary: { readonly correct: number; readonly total: number };
}

/** A practice quiz of single-best-answer items, answering each with its first option. */
export async function takeQuiz(
  request: APIRequestContext,
  preview: RunningPreview,
  count: number,
): Promise<QuizFinish['summary']> {
  const quiz = await call<QuizStart>(request, preview, 'quiz.start', {
    mode: 'practice',
    count,
    kinds: ['mcq'],
  });
  for (const item of quiz.items) {
    const optionId = item.options?.[0]?.id;
    if (!optionId) throw new Error(`Item ${item.id} has no options.`);
    await call(request, preview, 'quiz.answer', {
      sessionId: quiz.sessionId,
      itemId: item.id,
      response: { kind: 'choice', optionId },
      durationMs: 5000,
    });
  }
  const finish = await call<QuizFinish>(request, preview, 'quiz.finish', {
    sessionId: quiz.sessionId,
  });
  return finish.summary;
}

/** The WCAG 2.2 AA rule set the study screens are held to. */
/** Opens every "Show as table" on the page, so axe checks the tables too. */
export async function openAllTables(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details.table-alternative')) {
      (details as HTMLDetailsElement).open = true;
    }
  });
}

/**
 * A viewport screenshot next to the fixture's full-page ones: the Source screen is tens of
 * thousands of pixels tall, too tall to look at in one image.
 */
export async function viewportShot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Requests that left the app's origin (data: and blob: URLs stay inside). */
export function watchForeignRequests(page: Page): string[] {
  const origin = new URL(page.url()).origin;
  const foreign: string[] = [];
  page.context().on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      foreign.push(url);
    }
  });
  return foreign;
}

/** CSP violations the page reports from now on. */
export async function watchCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      w.__csp.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`.trim());
    });
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

/** Opens the Source screen (through the navigation, or at a deep link) and waits for it. */
export async function openSource(app: AppHandle, hash = '#/source'): Promise<Page> {
  const { page } = app;
  if (hash === '#/source') {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Source', exact: true })
      .click();
  } else {
    await page.evaluate((h) => {
      window.location.hash = h;
    }, hash);
  }
  await expect(page.locator('[data-screen-ready="source"]')).toBeVisible();
  return page;
}

export const loadPack = (app: AppHandle) => call<Pack>(app.page.request, app.preview(), 'pack.get');
export const summary = (page: Page) => page.locator('.search-summary');
export const factCards = (page: Page) => page.locator('article.fact');
export const searchBox = (page: Page) =>
  page.getByRole('searchbox', { name: 'Search facts and entities' });
