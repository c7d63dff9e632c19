import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { PublicQuizItem, QuizStart } from '../../shared/contract/quiz.ts';
import { expect, test, type AppHandle } from './fixtures.ts';
import {
  call,
  openScreen,
  progress,
  reload,
  screenReady,
  studyThroughContract,
} from './study-helpers.ts';

// Issue 12: one definition of a review (a rating not undone, from flashcards or from a quiz)
// behind every count a learner sees. A session with an undo and quiz-driven ratings, then Home,
// Flashcards, Progress and the export file are read as a learner reads them.

interface ExportedEvent {
  readonly id: string;
  readonly kind: string;
  readonly source: string;
  readonly undoes: string | null;
}

/** A response for any choice, true/false or typed item; null for kinds answered by dragging. */
function someResponse(item: PublicQuizItem): Record<string, unknown> | null {
  if (item.response === 'choice' && item.options)
    return { kind: 'choice', optionId: item.options[0]?.id };
  if (item.response === 'true-false') return { kind: 'true-false', value: false };
  if (item.response === 'text') return { kind: 'text', text: 'osteoblast' };
  return null;
}

/** A whole practice quiz answered without looking: about half wrong, each rating its cards. */
async function takeBlindQuiz(app: AppHandle): Promise<number> {
  const quiz = await call<QuizStart>(app, 'quiz.start', { mode: 'practice', count: 100 });
  let answered = 0;
  for (const item of quiz.items) {
    const response = someResponse(item);
    if (!response) continue;
    await call(app, 'quiz.answer', {
      sessionId: quiz.sessionId,
      itemId: item.id,
      response,
      durationMs: 1000,
    });
    answered++;
  }
  await call(app, 'quiz.finish', { sessionId: quiz.sessionId });
  return answered;
}

async function exportedEvents(page: Page): Promise<ExportedEvent[]> {
  await openScreen(page, 'Settings');
  const data = page.getByRole('region', { name: 'Your progress', exact: true });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    data.getByRole('button', { name: 'Export progress' }).click(),
  ]);
  const document = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
    events: ExportedEvent[];
  };
  return document.events;
}

test('after undos and quiz answers, Home, Flashcards, Progress and the export count the same reviews', async ({
  app,
}) => {
  const { page } = app;
  await call(app, 'settings.update', { newCardsPerDay: 60 });
  await reload(page);

  // Three ratings in Flashcards, one taken back: the session says two.
  await openScreen(page, 'Flashcards');
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Space');
    await expect(page.locator('.fc-card')).toHaveAttribute('data-side', 'back');
    await page.keyboard.press('3');
    await expect(progress(page)).toHaveAttribute('aria-valuenow', String(i + 1));
  }
  await page.keyboard.press('Control+z');
  await expect(progress(page)).toHaveAttribute('aria-valuenow', '2');
  await expect(page.getByText(/^2 done · \d+ left today$/)).toBeVisible();

  // The rest of the deck through the contract, then a quiz that rates the cards of its facts.
  const studied = await studyThroughContract(app, 100, 'good');
  expect(studied).toBeGreaterThan(10);
  expect(await takeBlindQuiz(app)).toBeGreaterThan(20);

  const events = await exportedEvents(page);
  const undone = new Set(events.map((event) => event.undoes).filter(Boolean));
  const reviews = events.filter((event) => event.kind === 'rating' && !undone.has(event.id));
  expect(reviews.filter((event) => event.source === 'quiz').length).toBeGreaterThan(0);
  expect(undone.size).toBeGreaterThan(0);
  const expected = reviews.length;
  expect(expected).toBe(2 + studied + reviews.filter((event) => event.source === 'quiz').length);

  await openScreen(page, 'Home');
  const seen = page.locator('.stat').filter({ hasText: 'Cards seen' });
  await expect(seen.locator('.stat-hint')).toContainText(`· ${expected} reviews`);

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Progress', exact: true })
    .click();
  await expect(screenReady(page, 'progress')).toBeVisible();
  const allTime = page.locator('.stat').filter({ hasText: 'Reviews, all time' });
  await expect(allTime.locator('.stat-value')).toHaveText(String(expected));
});
