import path from 'node:path';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { wcagTags } from './axe.ts';
import { expect, screenshotDir, test } from './fixtures.ts';
import { coloursSettled } from './settled.ts';
import { call, openScreen, reload } from './study-helpers.ts';

const reportDialog = (page: Page, noun: 'question' | 'card') =>
  page.getByRole('dialog', { name: `Report a problem with this ${noun}` });

/** axe on one part of the page: the whole Source page (every fact) takes axe most of a minute. */
async function expectNoAxeViolationsIn(page: Page, selector: string, where: string) {
  await coloursSettled(page);
  const results = await new AxeBuilder({ page }).include(selector).withTags(wcagTags).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
    where,
  ).toEqual([]);
}

async function shootBoth(page: Page, name: string, selector: string) {
  const target = page.locator(selector);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoAxeViolationsIn(page, selector, `${name} (${scheme})`);
    // The viewport, not the whole (long) page: the part in question is scrolled into view.
    await target.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshotDir, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('report a quiz question from its answer review, by mouse and keyboard', async ({ app }) => {
  const { page } = app;

  // A one-question practice quiz, answered, then reported from its answer review.
  await page.evaluate(() => (window.location.hash = '#/quiz'));
  await expect(page.locator('[data-screen-ready="quiz-idle"]')).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Clear kinds' }).click();
  await page
    .getByRole('group', { name: 'Kinds of question' })
    .getByRole('checkbox', { name: /^True or false/ })
    .check();
  await page.getByRole('radio', { name: 'Practice' }).check();
  await page.getByLabel('Number of questions').fill('1');
  await page.getByRole('button', { name: 'Start practice' }).click();
  // Keys pressed before the question is on screen go nowhere: wait for its choices.
  const trueChoice = page.getByRole('radio', { name: /True/ });
  await expect(trueChoice).toBeVisible();
  await page.keyboard.press('t');
  await expect(trueChoice).toBeChecked();
  await page.keyboard.press('Enter');
  const review = page.locator('.qz-review');
  await expect(review).toBeVisible();

  // Keyboard: open, Escape closes, focus is back on the button.
  const opener = review.getByRole('button', { name: 'Report a problem' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = reportDialog(page, 'question');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  await opener.click();
  await dialog.getByRole('button', { name: 'Send report' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Choose what is wrong.');
  await dialog.getByRole('radio', { name: 'More than one answer fits' }).check();
  await dialog
    .getByLabel('Note (optional)')
    .fill('Both readings of the statement seem defensible.');
  await shootBoth(page, 'report-dialog', 'dialog.report-dialog');
  await dialog.getByRole('button', { name: 'Send report' }).click();
  await expect(dialog).toBeHidden();
  await expect(review.getByRole('button', { name: 'Reported' })).toBeFocused();
  await expect(review.getByRole('status')).toContainText('will not be shown again');
});

test('report a card: it is not shown again, and Source lists it with a way to withdraw', async ({
  app,
}) => {
  const { page } = app;
  // A quiz question reported through the contract, as the quiz screen does.
  const quiz = await call<{ items: { id: string; prompt: string }[] }>(app, 'quiz.start', {
    mode: 'practice',
    count: 1,
    kinds: ['true-false'],
  });
  const question = quiz.items[0];
  if (!question) throw new Error('No question to report.');
  await call(app, 'report.create', {
    target: 'quiz-item',
    id: question.id,
    reason: 'ambiguous',
    note: 'Both readings of the statement seem defensible.',
  });

  // A flashcard, reported before revealing it: the next card replaces it.
  await openScreen(page, 'Flashcards');
  const card = page.locator('.fc-card');
  const reported = (await card.getAttribute('data-card-id')) ?? '';
  const front = (await card.locator('.fc-front').textContent()) ?? '';
  expect(reported).not.toBe('');
  await card.getByRole('button', { name: 'Report a problem' }).click();
  const cardDialog = reportDialog(page, 'card');
  // Number keys pick nothing behind the form (they rate cards on this screen).
  await cardDialog.getByRole('radio', { name: 'The wording is unclear' }).focus();
  await page.keyboard.press('3');
  await expect(cardDialog).toBeVisible();
  await cardDialog.getByRole('radio', { name: 'The wording is unclear' }).check();
  await cardDialog.getByRole('button', { name: 'Send report' }).click();
  await expect(cardDialog).toBeHidden();
  await expect(card).not.toHaveAttribute('data-card-id', reported);
  await reload(page, 'flashcards');
  await expect(page.locator('.fc-card')).toBeVisible();
  await expect(page.locator('.fc-card')).not.toHaveAttribute('data-card-id', reported);

  // Source lists both, newest first, and a report can be withdrawn.
  await page.evaluate(() => (window.location.hash = '#/source'));
  await expect(page.locator('[data-screen-ready="source"]')).toBeVisible({ timeout: 15_000 });
  const section = page.getByRole('region', { name: 'Your reports' });
  const entries = section.locator('.report-entry');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText(front.trim().slice(0, 40));
  await expect(entries.nth(0)).toContainText('The wording is unclear');
  await expect(entries.nth(1)).toContainText('More than one answer fits');
  await expect(entries.nth(1)).toContainText('Both readings of the statement seem defensible.');
  await expect(entries.nth(1)).toContainText(question.prompt.slice(0, 30));
  await expect(entries.nth(1)).toContainText('Hidden from you until the pack is updated.');
  await shootBoth(page, 'report-source', 'section[aria-labelledby="source-reports"]');

  await entries
    .nth(0)
    .getByRole('button', { name: /^Withdraw report/ })
    .click();
  await expect(section.getByRole('status')).toHaveText(
    'Report withdrawn: this card will be shown again.',
  );
  await expect(entries.nth(0)).toContainText('Withdrawn');
  await expect(entries.nth(0).getByRole('button')).toHaveCount(0);
  await expect(section.getByRole('heading', { name: 'Your reports' })).toBeFocused();
});
