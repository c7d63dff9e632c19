import { mkdirSync, writeFileSync } from 'node:fs';
import type { QuizStart } from '../../shared/contract/quiz.ts';
import type { QuizKind } from '../../shared/engine/types.ts';
import { rightAnswer } from '../support/quiz-answers.ts';
import { expectNoAxeViolations } from './axe.ts';
import { expect, test, type AppHandle } from './fixtures.ts';
import {
  allKinds,
  bank,
  chooseKinds,
  composeAnswer,
  currentItem,
  expectPracticeFeedback,
  feedback,
  heading,
  itemById,
  latencies,
  openQuiz,
  setScheme,
  watchRequests,
} from './quiz-helpers.ts';
import {
  call,
  expectNoSidewaysScroll,
  resizeTo,
  screenSizes,
  shootAtSize,
} from './study-helpers.ts';

// The answers come from the engine itself, run in Node over the bundled pack (quiz-helpers.ts):
// item ids are stable across seeds, and so are option ids. The UI only sees each item's opaque
// public id, which this side maps back; it never learns an answer before answering.
// Here: every kind answered through the UI in every look, a quiz over every kind, axe on setup
// and results, and screenshots. Runs, resuming and the exam clock: quiz-runs.spec.ts.

/** Each kind × look: light and dark at both window sizes (screenshotted), and reduced motion. */
const kindLooks = [
  ...(['light', 'dark'] as const).flatMap((scheme) =>
    screenSizes.map((size) => ({ scheme, size, shoot: true })),
  ),
  { scheme: 'reduced' as const, size: { width: 1280, height: 800 }, shoot: false },
];

for (const kind of allKinds) {
  for (const { scheme, size, shoot } of kindLooks) {
    test(`${kind}, answered through the UI, axe before and after feedback (${scheme}, ${size.width})`, async ({
      app,
    }) => {
      await setScheme(app.page, scheme);
      await resizeTo(app.page, size);
      const page = await openQuiz(app);
      const foreign = watchRequests(page);
      await chooseKinds(page, [kind]);
      await page.getByLabel('Number of questions').fill('1');
      await page.getByRole('button', { name: 'Start practice' }).click();
      await expect(heading(page)).toHaveText('Question 1 of 1');
      const item = await currentItem(page);
      expect(item.kind).toBe(kind);
      await expectNoAxeViolations(page, `${kind} (${scheme}) before`);
      if (shoot) await shootAtSize(app, `quiz-kind-${kind}-${scheme}`);
      await composeAnswer(page, item, true);
      await page.keyboard.press('Enter');
      await expectPracticeFeedback(page, true);
      await expectNoAxeViolations(page, `${kind} (${scheme}) after`);
      if (shoot) await shootAtSize(app, `quiz-kind-${kind}-feedback-${scheme}`);
      await page.keyboard.press('Enter');
      await expect(page.locator('[data-screen-ready="quiz-results"]')).toBeVisible();
      await expect(page.locator('.stat').filter({ hasText: 'Correct' })).toContainText('1 / 1');
      expect(foreign()).toEqual([]);
    });
  }
}

test('every kind the bank makes is one a quiz over every kind must hold', () => {
  // which-study and matching make no items (see their kinds): a ten-question quiz over every
  // kind holds one of each of these, and of no other.
  expect([...new Set([...bank.values()].map((q) => q.kind))].sort()).toEqual([...allKinds].sort());
});

test('ten questions over every kind hold one of each; all right through the UI scores 10 / 10', async ({
  app,
}) => {
  const page = await openQuiz(app);
  const foreign = watchRequests(page);
  await page.getByLabel('Number of questions').fill('10');
  await page.getByRole('button', { name: 'Start practice' }).click();
  await expect(heading(page)).toHaveText('Question 1 of 10');
  const seen = new Set<QuizKind>();
  for (let i = 0; i < 10; i++) {
    const item = await currentItem(page);
    seen.add(item.kind);
    await composeAnswer(page, item, true);
    await page.keyboard.press('Enter');
    await expect(feedback(page).locator('.qz-verdict')).toHaveText(/Correct/);
    await page.keyboard.press('Enter');
    if (i < 9) await expect(heading(page)).toHaveText(`Question ${i + 2} of 10`);
  }
  // Kinds take turns in a quiz, so ten questions over every kind hold one of each.
  expect([...seen].sort()).toEqual([...allKinds].sort());
  await expect(page.locator('[data-screen-ready="quiz-results"]')).toBeVisible();
  await expect(page.locator('.stat').filter({ hasText: 'Correct' })).toContainText('10 / 10');
  mkdirSync('test-results', { recursive: true });
  writeFileSync(
    'test-results/quiz-feedback-latency.json',
    `${JSON.stringify({ feedbackMs: await latencies(page) }, null, 2)}\n`,
  );
  await page.getByRole('button', { name: 'New quiz' }).click();
  await expect(page.locator('[data-screen-ready="quiz-idle"]')).toBeVisible();
  expect(foreign()).toEqual([]);
});

/**
 * A practice quiz of ten questions over every kind, each answered right through the contract and
 * none marked yet: resuming it on the quiz screen marks it and shows its results.
 */
async function answerTenRightThroughContract(app: AppHandle): Promise<void> {
  const quiz = await call<QuizStart>(app, 'quiz.start', { mode: 'practice', count: 10 });
  for (const { id } of quiz.items) {
    await call(app, 'quiz.answer', {
      sessionId: quiz.sessionId,
      itemId: id,
      response: rightAnswer(itemById(id)),
      durationMs: 3000,
    });
  }
}

for (const scheme of ['light', 'dark', 'reduced'] as const) {
  test(`axe finds nothing on the results of ten right answers (${scheme})`, async ({ app }) => {
    await answerTenRightThroughContract(app);
    await setScheme(app.page, scheme);
    const page = await openQuiz(app);
    await page
      .getByRole('region', { name: 'Unfinished practice quiz' })
      .getByRole('button', { name: 'Resume practice quiz' })
      .click();
    await expect(page.locator('[data-screen-ready="quiz-results"]')).toBeVisible();
    await expect(page.locator('.stat').filter({ hasText: 'Correct' })).toContainText('10 / 10');
    await expectNoAxeViolations(page, `results (${scheme})`);
  });
}

test('axe finds nothing on quiz setup, light, dark and with reduced motion', async ({ app }) => {
  const page = await openQuiz(app);
  for (const scheme of ['light', 'dark', 'reduced'] as const) {
    await setScheme(page, scheme);
    await expectNoAxeViolations(page, `setup (${scheme})`);
  }
});

for (const scheme of ['light', 'dark'] as const) {
  for (const size of screenSizes) {
    const look = `${scheme}, ${size.width}×${size.height}`;

    test(`screenshots: setup and a practice quiz with a wrong answer, to its results (${look})`, async ({
      app,
    }) => {
      await setScheme(app.page, scheme);
      await resizeTo(app.page, size);
      const page = await openQuiz(app);
      const shoot = (name: string) => shootAtSize(app, `quiz-${name}-${scheme}`);
      await chooseKinds(page, ['diagram-node', 'context', 'diagram-edge']);
      await page.getByRole('radio', { name: 'Practice' }).check();
      await page.getByLabel('Number of questions').fill('3');
      await shoot('setup');
      await page.getByRole('button', { name: 'Start practice' }).click();
      for (let i = 0; i < 3; i++) {
        const item = await currentItem(page);
        await shoot(`runner-${item.kind}`);
        await composeAnswer(page, item, i !== 1);
        await page.keyboard.press('Enter');
        await expect(feedback(page)).toBeVisible();
        await shoot(`feedback-${item.kind}`);
        await page.keyboard.press('Enter');
        // The next question must be on screen before its id is read.
        if (i < 2) await expect(heading(page)).toHaveText(`Question ${i + 2} of 3`);
      }
      await expect(page.locator('[data-screen-ready="quiz-results"]')).toBeVisible();
      await shoot('results');
    });

    test(`screenshots: a timed exam; its finish dialog keeps the keys (${look})`, async ({
      app,
    }) => {
      await setScheme(app.page, scheme);
      await resizeTo(app.page, size);
      const page = await openQuiz(app);
      await chooseKinds(page, ['diagram-edge']);
      await page.getByRole('radio', { name: 'Exam' }).check();
      await page.getByRole('checkbox', { name: 'Time limit' }).check();
      await page.getByLabel('Number of questions').fill('2');
      await page.getByRole('button', { name: 'Start exam' }).click();
      await expect(heading(page)).toHaveText('Question 1 of 2');
      await shootAtSize(app, `quiz-exam-${scheme}`);
      await page.getByRole('button', { name: 'Finish quiz' }).click();
      const dialog = page.getByRole('dialog', { name: 'Finish this quiz now?' });
      await expect(dialog).toContainText('2 questions are not answered yet');
      await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
      // Keys belong to the dialog while it is open: the answer behind it does not change.
      await page.keyboard.press('1');
      await expect(page.locator('.qz-options input:checked')).toHaveCount(0);
      await dialog.getByRole('button', { name: 'Finish and see results' }).click();
      await expect(page.locator('[data-screen-ready="quiz-results"]')).toBeVisible();
    });
  }
}

test('screenshots at 200 % text, 1024×700: setup, runner, feedback and results; nothing scrolls sideways', async ({
  app,
}) => {
  const page = await openQuiz(app);
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  await resizeTo(page, { width: 1024, height: 700 });
  await app.screenshot('quiz-setup-text200-1024');
  await chooseKinds(page, ['diagram-node', 'context']);
  await page.getByRole('radio', { name: 'Practice' }).check();
  await page.getByLabel('Number of questions').fill('2');
  await page.getByRole('button', { name: 'Start practice' }).click();
  for (let i = 0; i < 2; i++) {
    const item = await currentItem(page);
    await app.screenshot(`quiz-runner-${item.kind}-text200-1024`);
    await composeAnswer(page, item, true);
    await page.keyboard.press('Enter');
    await expect(feedback(page)).toBeVisible();
    await app.screenshot(`quiz-feedback-${item.kind}-text200-1024`);
    await page.keyboard.press('Enter');
    if (i < 1) await expect(heading(page)).toHaveText('Question 2 of 2');
  }
  await expect(page.locator('[data-screen-ready="quiz-results"]')).toBeVisible();
  await app.screenshot('quiz-results-text200-1024');
  await expectNoSidewaysScroll(page);
});
