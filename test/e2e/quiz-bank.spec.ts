import path from 'node:path';
import type { Page } from '@playwright/test';
import { generateBank } from '../../shared/engine/bank.ts';
import type { QuizItem } from '../../shared/engine/types.ts';
import { loadPackFolder } from '../../services/packs/pack-folder.ts';
import { publicItemId } from '../../services/quiz/public-id.ts';
import { expectNoAxeViolations } from './axe.ts';
import { expect, test, type AppHandle } from './fixtures.ts';
import { call, resizeTo } from './study-helpers.ts';

// The question bank (issue 12 items 3 and 5): pools and marking, the exam's navigator with going
// back, numbers that survive a skip and a reload, and the quiz–schedule link in the feedback.
// Only true/false questions are asked here, answered with T and F; the answers come from the
// engine run here over the bundled pack, mapped from each item's opaque public id.

const loaded = loadPackFolder(path.resolve('assets/packs/il32-gamma'));
if (!loaded.ok) throw new Error('The bundled pack does not load.');
const generated = generateBank(loaded.pack, { seed: 'e2e' });
const bank = new Map(generated.quiz.map((item) => [publicItemId(item.id), item]));

const heading = (page: Page) => page.locator('.qz-question-heading');
const summary = (page: Page) => page.locator('.qz-match');

async function openQuiz(app: AppHandle): Promise<Page> {
  const { page } = app;
  await page.evaluate(() => (window.location.hash = '#/quiz'));
  await expect(page.locator('[data-screen-ready="quiz-idle"]')).toBeVisible();
  await expect(summary(page)).toHaveText(/questions? match/);
  return page;
}

async function startTrueFalse(page: Page, mode: 'Practice' | 'Exam', count: number) {
  await page.getByRole('button', { name: 'Clear kinds' }).click();
  await page
    .getByRole('group', { name: 'Kinds of question' })
    .getByRole('checkbox', { name: /^True or false/ })
    .check();
  await page.getByRole('radio', { name: mode }).check();
  await page.getByLabel('Number of questions').fill(String(count));
  await expect(summary(page)).toHaveText(/match/);
  await page.getByRole('button', { name: `Start ${mode.toLowerCase()}` }).click();
  await expect(heading(page)).toHaveText(`Question 1 of ${count}`);
}

async function currentItem(page: Page): Promise<QuizItem & { publicId: string }> {
  const id = await page.locator('.qz-question').getAttribute('data-item-id');
  const item = id ? bank.get(id) : undefined;
  if (!id || !item) throw new Error('No known question on screen.');
  return { ...item, publicId: id };
}

async function answerTrueFalse(page: Page, right: boolean): Promise<QuizItem> {
  const item = await currentItem(page);
  if (item.kind !== 'true-false') throw new Error(`Expected true/false, got ${item.kind}.`);
  await page.keyboard.press(item.answer === right ? 't' : 'f');
  await page.keyboard.press('Enter');
  return item;
}

test('question-bank pools and marking', async ({ app }) => {
  let page = await openQuiz(app);
  await startTrueFalse(page, 'Practice', 3);
  const wrong = await answerTrueFalse(page, false);
  await expect(page.locator('.qz-feedback .qz-verdict')).toHaveText(/Not quite/);
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText('Question 2 of 3');
  const marked = await currentItem(page);
  const mark = page.getByRole('button', { name: /Mark/ });
  await expect(mark).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('m');
  await expect(mark).toHaveAttribute('aria-pressed', 'true');
  await expect(mark).toHaveText(/Marked/);
  await answerTrueFalse(page, true);
  await expect(page.locator('.qz-feedback .qz-verdict')).toHaveText(/Correct/);
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText('Question 3 of 3');
  await answerTrueFalse(page, true);
  await expect(page.locator('.qz-feedback .qz-verdict')).toHaveText(/Correct/);
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-screen-ready="quiz-results"]')).toBeVisible();
  await expect(page.locator('.qz-question-time').first()).toHaveText(/Time: \d+ s/);

  await page.getByRole('button', { name: 'New quiz' }).click();
  page = await openQuiz(app);
  const pools = page.getByRole('group', { name: 'Question bank' });
  await pools.getByRole('radio', { name: /^Incorrect/ }).check();
  await expect(summary(page)).toHaveText(/^Only 1 question matches/);
  await pools.getByRole('radio', { name: /^Unused/ }).check();
  await expect(summary(page)).toHaveText(/questions match/);
  await pools.getByRole('radio', { name: /^Marked/ }).check();
  await expect(summary(page)).toHaveText(/^Only 1 question matches/);
  await expectNoAxeViolations(page, 'quiz setup with the question bank');
  await page.getByRole('button', { name: 'Start practice' }).click();
  await expect(heading(page)).toHaveText('Question 1 of 1');
  expect((await currentItem(page)).publicId).toBe(marked.publicId);
  expect(marked.id).not.toBe(wrong.id);
  // Unmarked with the button: the marked pool is empty again.
  await page.getByRole('button', { name: /Marked/ }).click();
  await expect(page.getByRole('button', { name: /Mark/ })).toHaveAttribute('aria-pressed', 'false');
  await page.getByRole('button', { name: 'Finish quiz' }).click();
  await page.getByRole('button', { name: 'Finish and see results' }).click();
  await page.getByRole('button', { name: 'New quiz' }).click();
  page = await openQuiz(app);
  await page
    .getByRole('group', { name: 'Question bank' })
    .getByRole('radio', { name: /^Marked/ })
    .check();
  await expect(summary(page)).toHaveText(/^No questions match/);
});

test('exam navigator: going back, and numbers kept through a skip and a reload', async ({
  app,
}) => {
  let page = await openQuiz(app);
  await resizeTo(page, { width: 1280, height: 800 });
  await startTrueFalse(page, 'Exam', 4);
  const navigator = page.getByRole('navigation', { name: 'Questions' });
  const first = await currentItem(page);
  await page.keyboard.press('s');
  await expect(heading(page)).toHaveText('Question 2 of 4');
  const second = await answerTrueFalse(page, true);
  await expect(heading(page)).toHaveText('Question 3 of 4');
  await expect(navigator.getByRole('button', { name: 'Question 2, answered' })).toBeVisible();
  await expect(navigator.getByRole('button', { name: /^Question 3/ })).toHaveAttribute(
    'aria-current',
    'step',
  );
  await page.keyboard.press('m');
  await expect(
    navigator.getByRole('button', { name: 'Question 3, not answered, marked' }),
  ).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await app.screenshot(`quiz-bank-navigator-${scheme}-1280`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await expectNoAxeViolations(page, 'exam with the question navigator');

  // Going back: [ shows question 2 as answered, and the navigator reaches question 1.
  await page.keyboard.press('[');
  await expect(heading(page)).toHaveText('Question 2 of 4');
  expect((await currentItem(page)).id).toBe(second.id);
  await expect(page.getByText('Answered. Your answer is kept as sent')).toBeVisible();
  await navigator.getByRole('button', { name: 'Question 1, not answered' }).click();
  await expect(heading(page)).toHaveText('Question 1 of 4');
  expect((await currentItem(page)).id).toBe(first.id);

  // After a reload the quiz resumes at question 1, still question 1, and the mark is kept.
  await page.reload();
  page = await openQuiz(app);
  await page.getByRole('button', { name: 'Resume exam' }).click();
  await expect(heading(page)).toHaveText('Question 1 of 4');
  expect((await currentItem(page)).id).toBe(first.id);
  const again = page.getByRole('navigation', { name: 'Questions' });
  await expect(again.getByRole('button', { name: 'Question 2, answered' })).toBeVisible();
  await expect(
    again.getByRole('button', { name: 'Question 3, not answered, marked' }),
  ).toBeVisible();
  await answerTrueFalse(page, true);
  // The next open question after 1 is 3 (2 is answered), then 4.
  await expect(heading(page)).toHaveText('Question 3 of 4');
  await answerTrueFalse(page, true);
  await expect(heading(page)).toHaveText('Question 4 of 4');
  await answerTrueFalse(page, true);
  await expect(page.locator('[data-screen-ready="quiz-results"]')).toBeVisible();
  await expect(page.locator('.stat').filter({ hasText: 'Correct' })).toContainText('4 / 4');
  await page.locator('.qz-all summary').click();
  await expect(page.locator('.qz-all-list .qz-question-time')).toHaveCount(4);
});

test('a wrong answer says which cards it sent back to learning, beside the question', async ({
  app,
}) => {
  // Every card studied once, Easy: each is in review, so a wrong answer lapses it.
  await call(app, 'settings.update', { newCardsPerDay: 9999 });
  for (;;) {
    const next = await call<{
      item: { card: { id: string }; queue: string; stateVersion: string } | null;
    }>(app, 'review.next');
    if (!next.item || next.item.queue !== 'new') break;
    await call(app, 'review.answer', {
      cardId: next.item.card.id,
      rating: 'easy',
      durationMs: 1000,
      expectedVersion: next.item.stateVersion,
    });
  }
  const page = await openQuiz(app);
  await resizeTo(page, { width: 1280, height: 800 });
  // Long enough that a true statement on a fact with a card comes up (the bank's cards cover 32
  // facts' topics since the card rules of stop 26; ten questions did not always reach one).
  const questions = 30;
  await startTrueFalse(page, 'Practice', questions);
  const lapsed = new Set<string>();
  let shown = 0;
  for (let n = 1; n <= questions && shown === 0; n++) {
    const item = await answerTrueFalse(page, false);
    const facts = new Set(item.factIds);
    const moved = generated.cards.filter(
      (card) => !lapsed.has(card.id) && facts.size <= 3 && card.factIds.some((f) => facts.has(f)),
    );
    for (const card of moved) lapsed.add(card.id);
    const note = page.locator('.qz-schedule-note');
    if (moved.length === 0) {
      await expect(page.locator('.qz-feedback')).toBeVisible();
      await expect(note).toHaveCount(0);
      await page.keyboard.press('Enter');
      await expect(heading(page)).toHaveText(`Question ${n + 1} of ${questions}`);
      continue;
    }
    const cards = moved.length === 1 ? '1 card' : `${moved.length} cards`;
    await expect(note).toContainText(`This also moved ${cards} back to learning.`);
    await expect(note.getByRole('link', { name: 'Open Flashcards' })).toHaveAttribute(
      'href',
      '#/flashcards',
    );
    // At 1280×800 the explanation stands beside the question, in view without scrolling.
    const explanation = await page.locator('.qz-feedback .qz-explanation').boundingBox();
    const question = await page.locator('.qz-question').boundingBox();
    expect(explanation && question).toBeTruthy();
    if (explanation && question) {
      expect(explanation.x).toBeGreaterThan(question.x + question.width - 1);
      expect(explanation.y).toBeLessThan(800);
    }
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await app.screenshot(`quiz-bank-schedule-link-${scheme}-1280`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await expectNoAxeViolations(page, 'practice feedback with the schedule link');
    shown += 1;
    await note.getByRole('link', { name: 'Open Flashcards' }).click();
    await expect(page.locator('[data-screen-ready="flashcards"]')).toBeVisible();
  }
  expect(shown).toBe(1);
});
