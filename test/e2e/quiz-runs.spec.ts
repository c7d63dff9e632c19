import type { Page } from '@playwright/test';
import { publicItemId } from '../../services/quiz/public-id.ts';
import { expectNoAxeViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import {
  chooseKinds,
  composeAnswer,
  currentItem,
  expectPracticeFeedback,
  feedback,
  heading,
  kindLabel,
  latencies,
  openQuiz,
  question,
  setScheme,
  tabTo,
  watchRequests,
} from './quiz-helpers.ts';

// The answers come from the engine itself, run in Node over the bundled pack (quiz-helpers.ts):
// item ids are stable across seeds, and so are option ids. The UI only sees each item's opaque
// public id, which this side maps back; it never learns an answer before answering.
// Here: practice and exam runs by keyboard, resuming after a reload, links that preset the
// setup, past quizzes and the exam clock. Every kind, axe and screenshots: quiz-kinds-looks.spec.

test('a practice quiz by keyboard alone: right and wrong, explained, to the results', async ({
  app,
}) => {
  const page = await openQuiz(app);
  const foreign = watchRequests(page);
  await expect(page).toHaveTitle(/Quiz · Pathwise/);

  // Set it up by keyboard: four kinds, five questions, practice.
  await tabTo(page, page.getByRole('button', { name: 'Clear kinds' }));
  await page.keyboard.press('Enter');
  for (const kind of ['mcq', 'true-false', 'cloze', 'perturbation', 'context'] as const) {
    await tabTo(page, page.getByRole('checkbox', { name: kindLabel[kind] }));
    await page.keyboard.press('Space');
  }
  const count = page.getByLabel('Number of questions');
  await tabTo(page, count);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('5');
  await expect(page.getByRole('radio', { name: 'Practice' })).toBeChecked();
  await page.keyboard.press('Enter');

  await expect(heading(page)).toHaveText('Question 1 of 5');
  const plan = [true, false, true, false, true];
  for (const [index, right] of plan.entries()) {
    await expect(heading(page)).toHaveText(`Question ${index + 1} of 5`);
    const item = await currentItem(page);
    await composeAnswer(page, item, right);
    await page.keyboard.press('Enter');
    await expectPracticeFeedback(page, right, item.kind === 'ordering');
    if (index === 0) await app.screenshot('quiz-practice-feedback-light-1280');
    await expect(
      page.getByRole('button', { name: index === 4 ? 'See results' : 'Next question' }),
    ).toBeVisible();
    await page.keyboard.press('Enter');
  }

  await expect(page.locator('[data-screen-ready="quiz-results"]')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Results', level: 2 })).toBeFocused();
  await expect(page.locator('.stat').filter({ hasText: 'Correct' })).toContainText(/3 \/ 5/);
  await expect(page.locator('.qz-mistake')).toHaveCount(2);
  expect((await latencies(page)).length).toBe(5);
  expect(foreign()).toEqual([]);
});

/** Answers every question of a quiz on screen, following the plan (true = right). */
async function answerAll(page: Page, plan: readonly boolean[]): Promise<string[]> {
  const ids: string[] = [];
  for (const right of plan) {
    const item = await currentItem(page);
    ids.push(item.id);
    await composeAnswer(page, item, right);
    await page.keyboard.press('Enter');
    if ((await page.locator('.qz-runner').getAttribute('data-mode')) === 'practice') {
      await expect(feedback(page)).toBeVisible();
      if (ids.length === plan.length) break;
      await page.keyboard.press('Enter');
    }
    if (ids.length < plan.length)
      await expect(question(page)).not.toHaveAttribute('data-item-id', item.id);
  }
  return ids;
}

test('a quiz interrupted by a reload resumes where it was, with its answers kept', async ({
  app,
}) => {
  let page = await openQuiz(app);
  await chooseKinds(page, ['mcq', 'true-false']);
  await page.getByRole('radio', { name: 'Practice' }).check();
  await page.getByLabel('Number of questions').fill('3');
  await page.getByRole('button', { name: 'Start practice' }).click();
  await expect(heading(page)).toHaveText('Question 1 of 3');
  const first = await currentItem(page);
  await composeAnswer(page, first, false);
  await page.keyboard.press('Enter');
  await expectPracticeFeedback(page, false);

  await page.reload();
  page = await openQuiz(app);
  const offer = page.getByRole('region', { name: 'Unfinished practice quiz' });
  await expect(offer).toContainText('1 of 3 answered');
  await expectNoAxeViolations(page, 'setup with an unfinished quiz');
  for (const scheme of ['light', 'dark'] as const) {
    await setScheme(page, scheme);
    await app.screenshot(`quiz-unfinished-${scheme}-1280`);
  }
  await setScheme(page, 'light');
  await offer.getByRole('button', { name: 'Resume practice quiz' }).click();

  await expect(heading(page)).toHaveText('Question 2 of 3');
  await expect(page.getByRole('status').filter({ hasText: 'Resumed' })).toHaveText(
    'Resumed: 1 of 3 answered.',
  );
  await expect(page.getByRole('progressbar', { name: 'Questions answered' })).toHaveAttribute(
    'aria-valuenow',
    '1',
  );
  expect((await currentItem(page)).id).not.toBe(publicItemId(first.id));
  for (let i = 0; i < 2; i++) {
    const item = await currentItem(page);
    await composeAnswer(page, item, true);
    await page.keyboard.press('Enter');
    await expectPracticeFeedback(page, true);
    await page.keyboard.press('Enter');
    if (i === 0) await expect(heading(page)).toHaveText('Question 3 of 3');
  }
  await expect(page.locator('[data-screen-ready="quiz-results"]')).toBeVisible();
  await expect(page.locator('.stat').filter({ hasText: 'Correct' })).toContainText('2 / 3');
  await expect(page.locator('.qz-mistake')).toHaveCount(1);

  // Once finished, nothing is offered any more.
  await page.getByRole('button', { name: 'New quiz' }).click();
  await expect(page.getByRole('region', { name: /^Unfinished/ })).toHaveCount(0);
});

test('an unfinished exam can be marked as it stands', async ({ app }) => {
  let page = await openQuiz(app);
  await chooseKinds(page, ['true-false']);
  await page.getByRole('radio', { name: 'Exam' }).check();
  await page.getByLabel('Number of questions').fill('2');
  await page.getByRole('button', { name: 'Start exam' }).click();
  const item = await currentItem(page);
  await composeAnswer(page, item, true);
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText('Question 2 of 2');

  await page.reload();
  page = await openQuiz(app);
  const offer = page.getByRole('region', { name: 'Unfinished exam' });
  await expect(offer).toContainText('1 of 2 answered');
  await offer.getByRole('button', { name: 'Finish and see results' }).click();
  await expect(page.locator('[data-screen-ready="quiz-results"]')).toBeVisible();
  await expect(page.locator('.stat').filter({ hasText: 'Correct' })).toContainText('1 / 2');
  await page.getByRole('button', { name: 'New quiz' }).click();
  await expect(page.getByRole('region', { name: /^Unfinished/ })).toHaveCount(0);
  await expect(page.locator('.qz-history-item')).toHaveCount(1);
});

test('an exam shows nothing until the end, then scores by topic, explains each mistake and retries exactly them', async ({
  app,
}) => {
  const page = await openQuiz(app);
  const foreign = watchRequests(page);
  await chooseKinds(page, ['mcq', 'true-false', 'perturbation', 'context']);
  await page.getByLabel('Number of questions').fill('4');
  await page.getByRole('radio', { name: 'Exam' }).check();
  await page.getByRole('checkbox', { name: 'Time limit' }).check();
  await page.getByLabel('Minutes').fill('10');
  await page.getByRole('button', { name: 'Start exam' }).click();

  await expect(heading(page)).toHaveText('Question 1 of 4');
  const timer = page.getByRole('timer', { name: 'Time left' });
  await expect(timer).toHaveText(/^(10:00|9:5\d)$/);
  await app.screenshot('quiz-exam-runner-light-1280');

  const plan = [true, false, true, false];
  const ids: string[] = [];
  for (const [index, right] of plan.entries()) {
    await expect(heading(page)).toHaveText(`Question ${index + 1} of 4`);
    const item = await currentItem(page);
    ids.push(item.id);
    await composeAnswer(page, item, right);
    await page.keyboard.press('Enter');
    if (index < plan.length - 1) {
      await expect(heading(page)).toHaveText(`Question ${index + 2} of 4`);
      // Nothing about the answer: no verdict, no explanation, only that it was saved.
      await expect(feedback(page)).toHaveCount(0);
      await expect(page.locator('.qz-screen')).not.toContainText(/Correct|Not quite|Why not/);
      await expect(page.getByRole('status').filter({ hasText: 'Answer saved' })).toHaveText(
        `Answer saved. ${index + 1} of 4 answered.`,
      );
    }
  }

  // The last answer finishes the exam.
  await expect(page.locator('[data-screen-ready="quiz-results"]')).toBeVisible();
  await expect(page.locator('.stat').filter({ hasText: /^2 \/ 4/ })).toBeVisible();
  const topics = page.getByRole('region', { name: 'Score by topic' });
  await expect(topics.locator('li').first()).toBeVisible();
  const topicTotal = await topics
    .locator('.progress-text')
    .evaluateAll((els) =>
      els.reduce((sum, el) => sum + Number(/of (\d+)/.exec(el.textContent)?.[1] ?? 0), 0),
    );
  expect(topicTotal).toBe(4);
  await expect(page.locator('.stat').filter({ hasText: 'Time taken' })).toContainText(/\d+ s|min/);

  const mistakes = page.locator('.qz-mistake');
  await expect(mistakes).toHaveCount(2);
  for (const mistake of await mistakes.all()) {
    await expect(mistake.locator('dt', { hasText: 'Your answer' })).toBeVisible();
    await expect(mistake.locator('dt', { hasText: /^Answer$/ })).toBeVisible();
    await expect(mistake.locator('.qz-explanation')).not.toBeEmpty();
    await expect(mistake.locator('.citations li').first()).toBeVisible();
  }
  await app.screenshot('quiz-results-light-1280');
  await expectNoAxeViolations(page, 'exam results');

  // Retry mistakes: a practice quiz of exactly the two wrong questions.
  const wrong = ids.filter((_, i) => !plan[i]);
  await page.getByRole('button', { name: 'Retry mistakes (2)' }).click();
  await expect(heading(page)).toHaveText('Question 1 of 2');
  await expect(page.locator('.qz-mode-badge')).toHaveText('Practice');
  const retried = await answerAll(page, [true, true]);
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-screen-ready="quiz-results"]')).toBeVisible();
  expect(retried.sort()).toEqual(wrong.sort());
  expect(foreign()).toEqual([]);
});

test('a link presets the setup; unknown values are named, and the link leaves the address', async ({
  app,
}) => {
  const page = await openQuiz(
    app,
    '#/quiz?topic=osteoclasts-and-ra&kind=perturbation&disease=ra&pathway=D7',
  );
  await expect(page).toHaveURL(/#\/quiz$/);
  await expect(
    page.getByRole('checkbox', { name: 'Osteoclasts and rheumatoid arthritis' }),
  ).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'IL-32 isoforms' })).not.toBeChecked();
  const kinds = page.getByRole('group', { name: 'Kinds of question' }).getByRole('checkbox');
  for (const box of await kinds.all()) {
    const name = (await box.getAttribute('aria-labelledby')) ?? '';
    expect(name).not.toBe('');
  }
  await expect(page.getByRole('checkbox', { name: kindLabel.perturbation })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: kindLabel.mcq })).not.toBeChecked();
  await expect(page.getByLabel('Disease')).toHaveValue('ra');
  await expect(page.getByLabel('Pathway')).toHaveValue('D7');
  // One question per finding: the filter's items may be fewer questions than items.
  await expect(page.locator('.qz-match')).toHaveText(
    /^Only \d questions? match(es)?, so the quiz will have \d\.$/,
  );
  await app.screenshot('quiz-setup-prefilled-light-1280');

  await openQuiz(app, '#/quiz?topic=no-such-topic&kind=cloze');
  await expect(page.getByRole('status').filter({ hasText: 'The link asked for' })).toContainText(
    'topic “no-such-topic”',
  );
  await expect(page.getByRole('checkbox', { name: kindLabel.cloze })).toBeChecked();
  // Matching and ordering are switched off after audits: not offered at all.
  await expect(page.getByRole('checkbox', { name: /^Matching/ })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: /^Put in order/ })).toHaveCount(0);

  // Few questions: the form says so honestly, and so does the runner.
  await chooseKinds(page, ['diagram-node']);
  await page.getByLabel('Number of questions').fill('20');
  const summary = page.locator('.qz-match');
  await expect(summary).toHaveText(/^Only \d+ questions? match(es)?, so the quiz will have \d+\.$/);
  await page.getByRole('button', { name: 'Start practice' }).click();
  await expect(page.locator('.qz-note')).toHaveText(
    /^Only \d+ questions? matched, so this quiz has \d+ instead of 20\.$/,
  );
});

test('past quizzes are listed and open to their results', async ({ app }) => {
  const page = await openQuiz(app);
  await expect(page.getByRole('heading', { name: 'Past quizzes' })).toBeVisible();
  await expect(page.getByText('No finished quizzes yet.')).toBeVisible();
  await chooseKinds(page, ['true-false']);
  await page.getByLabel('Number of questions').fill('2');
  await page.getByRole('button', { name: 'Start practice' }).click();
  await answerAll(page, [true, false]);
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-screen-ready="quiz-results"]')).toBeVisible();
  const past = page.getByRole('region', { name: 'Past quizzes' }).getByRole('listitem');
  await expect(past).toHaveCount(1);
  await expect(past).toContainText('Practice');
  await expect(past).toContainText('1 of 2 correct');
  await expect(past).toContainText('50 %');
  await expect(past).toContainText('Shown above');

  await page.getByRole('button', { name: 'New quiz' }).click();
  await expect(past).toHaveCount(1);
  await page.getByRole('button', { name: /^Review the quiz finished/ }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: /^Results of the quiz finished/ }),
  ).toBeVisible();
  await expect(page.locator('.qz-mistake')).toHaveCount(1);
});

test('the exam clock announces five and one minute left, then finishes the quiz', async ({
  app,
}) => {
  const { page } = app;
  await page.clock.install();
  await page.reload();
  await openQuiz(app);
  await chooseKinds(page, ['true-false']);
  await page.getByLabel('Number of questions').fill('3');
  await page.getByRole('radio', { name: 'Exam' }).check();
  await page.getByRole('checkbox', { name: 'Time limit' }).check();
  await page.getByLabel('Minutes').fill('6');
  await page.getByRole('button', { name: 'Start exam' }).click();
  const timer = page.getByRole('timer', { name: 'Time left' });
  await expect(timer).toHaveText(/^(6:00|5:5\d)$/);
  await answerAll(page, [true]);

  await page.clock.runFor('01:05');
  await expect(page.getByRole('status').filter({ hasText: 'left in this exam' })).toHaveText(
    '5 minutes left in this exam.',
  );
  await page.clock.runFor('04:00');
  await expect(page.getByRole('status').filter({ hasText: 'left in this exam' })).toHaveText(
    '1 minute left in this exam.',
  );
  await expect(page.locator('.qz-timer')).toHaveClass(/qz-timer-low/);
  await page.clock.runFor('01:05');
  await expect(page.locator('[data-screen-ready="quiz-results"]')).toBeVisible();
  await expect(page.getByText('Time ran out.')).toBeVisible();
  await expect(page.locator('.stat').filter({ hasText: 'Correct' })).toContainText('1 / 3');
});
