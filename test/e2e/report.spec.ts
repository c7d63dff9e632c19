import path from 'node:path';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { wcagTags } from './axe.ts';
import type { QuizStart } from '../../shared/contract/quiz.ts';
import type { ReportView } from '../../shared/contract/report.ts';
import { expect, screenshotDir, test, type AppHandle } from './fixtures.ts';
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

/** axe on the part in question and a picture of it, in one colour scheme; then back to light. */
async function shootIn(page: Page, scheme: 'light' | 'dark', name: string, selector: string) {
  await page.emulateMedia({ colorScheme: scheme });
  await expectNoAxeViolationsIn(page, selector, `${name} (${scheme})`);
  // The viewport, not the whole (long) page: the part in question is scrolled into view.
  await page.locator(selector).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(screenshotDir, `${name}-${scheme}.png`) });
  await page.emulateMedia({ colorScheme: 'light' });
}

async function shootBoth(page: Page, name: string, selector: string) {
  for (const scheme of ['light', 'dark'] as const) await shootIn(page, scheme, name, selector);
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

/** The card the Flashcards screen shows now: its id and its front as the learner reads it. */
async function shownCard(page: Page): Promise<{ id: string; front: string }> {
  const card = page.locator('.fc-card');
  await expect(card).toBeVisible();
  const id = (await card.getAttribute('data-card-id')) ?? '';
  const front = (await card.locator('.fc-front').textContent()) ?? '';
  expect(id).not.toBe('');
  return { id, front: front.trim() };
}

test('report a card before revealing it: the form keeps the number keys, and the next card replaces it', async ({
  app,
}) => {
  const { page } = app;
  await openScreen(page, 'Flashcards');
  const reported = await shownCard(page);
  const card = page.locator('.fc-card');
  await card.getByRole('button', { name: 'Report a problem' }).click();
  const cardDialog = reportDialog(page, 'card');
  // Number keys pick nothing behind the form (they rate cards on this screen).
  await cardDialog.getByRole('radio', { name: 'The wording is unclear' }).focus();
  await page.keyboard.press('3');
  await expect(cardDialog).toBeVisible();
  await cardDialog.getByRole('radio', { name: 'The wording is unclear' }).check();
  await cardDialog.getByRole('button', { name: 'Send report' }).click();
  await expect(cardDialog).toBeHidden();
  await expect(card).not.toHaveAttribute('data-card-id', reported.id);

  // Main holds the report as sent: this card, this reason, hidden from now on.
  const { reports } = await call<{ reports: ReportView[] }>(app, 'report.list');
  expect(reports).toHaveLength(1);
  expect(reports[0]).toMatchObject({ target: 'card', reason: 'unclear', hidden: true });
  expect(reports[0]?.text).toContain(reported.front.slice(0, 40));
});

test('a reported card is not shown again after a reload', async ({ app }) => {
  const { page } = app;
  await openScreen(page, 'Flashcards');
  const reported = await shownCard(page);
  await call(app, 'report.create', { target: 'card', id: reported.id, reason: 'unclear' });
  await reload(page, 'flashcards');
  await expect(page.locator('.fc-card')).toBeVisible();
  await expect(page.locator('.fc-card')).not.toHaveAttribute('data-card-id', reported.id);
});

interface Reported {
  readonly question: { readonly id: string; readonly prompt: string };
  readonly card: { readonly id: string; readonly front: string };
}

/**
 * A quiz question, then a card, reported through the contract as their screens do (the tests
 * above report each through the UI): what the Source page lists.
 */
async function reportQuestionThenCard(app: AppHandle): Promise<Reported> {
  const quiz = await call<QuizStart>(app, 'quiz.start', {
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
  const next = await call<{ item: { card: { id: string; front: string } } | null }>(
    app,
    'review.next',
  );
  if (!next.item) throw new Error('No card to report.');
  await call(app, 'report.create', { target: 'card', id: next.item.card.id, reason: 'unclear' });
  return { question, card: next.item.card };
}

async function openYourReports(page: Page) {
  await page.evaluate(() => (window.location.hash = '#/source'));
  await expect(page.locator('[data-screen-ready="source"]')).toBeVisible({ timeout: 15_000 });
  const section = page.getByRole('region', { name: 'Your reports' });
  return { section, entries: section.locator('.report-entry') };
}

test('Source lists every report, newest first, with its reason, note and text', async ({ app }) => {
  const { question, card } = await reportQuestionThenCard(app);
  const { entries } = await openYourReports(app.page);
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText(card.front.trim().slice(0, 40));
  await expect(entries.nth(0)).toContainText('The wording is unclear');
  await expect(entries.nth(1)).toContainText('More than one answer fits');
  await expect(entries.nth(1)).toContainText('Both readings of the statement seem defensible.');
  await expect(entries.nth(1)).toContainText(question.prompt.slice(0, 30));
  await expect(entries.nth(1)).toContainText('Hidden from you until the pack is updated.');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing on Source's list of reports; screenshot (${scheme})`, async ({ app }) => {
    await reportQuestionThenCard(app);
    const { entries } = await openYourReports(app.page);
    await expect(entries).toHaveCount(2);
    await shootIn(app.page, scheme, 'report-source', 'section[aria-labelledby="source-reports"]');
  });
}

test('a report withdrawn from Source says the card will be shown again', async ({ app }) => {
  await reportQuestionThenCard(app);
  const { section, entries } = await openYourReports(app.page);
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
