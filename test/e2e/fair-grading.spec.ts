import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { expect, test, type AppHandle } from './fixtures.ts';

async function startClozeQuiz(app: AppHandle, count: number): Promise<Page> {
  const { page } = app;
  await page.evaluate(() => (window.location.hash = '#/quiz'));
  await expect(page.locator('[data-screen-ready="quiz-idle"]')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('status').filter({ hasText: /question/ })).toHaveText(
    /questions? match/,
  );
  await page.getByRole('button', { name: 'Clear kinds' }).click();
  await page
    .getByRole('group', { name: 'Kinds of question' })
    .getByRole('checkbox', { name: /^Fill in the blank/ })
    .check();
  await page.getByRole('radio', { name: 'Practice' }).check();
  await page.getByLabel('Number of questions').fill(String(count));
  await page.getByRole('button', { name: 'Start practice' }).click();
  await expect(page.getByLabel('Your answer')).toBeFocused();
  return page;
}

test('"I was right" after a typed answer marked wrong counts it right, by keyboard', async ({
  app,
}) => {
  const page = await startClozeQuiz(app, 1);
  await page.keyboard.type('my own wording');
  await page.keyboard.press('Enter');
  const verdict = page.locator('.qz-feedback .qz-verdict');
  await expect(verdict).toHaveText(/Not quite/);
  const claim = page.getByRole('button', { name: 'I was right' });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await app.screenshot(`fair-grading-wrong-${scheme}`);
    await expectNoAxeViolations(page, `a wrong typed answer with "I was right", ${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  // Keyboard: the claim is the next stop after the primary button.
  await page.getByRole('button', { name: 'See results' }).focus();
  await page.keyboard.press('Tab');
  await expect(claim).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(verdict).toHaveText(/Correct/);
  await expect(page.locator('.qz-claimed')).toHaveText(/you said your answer was right/);
  await expect(claim).toHaveCount(0);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await app.screenshot(`fair-grading-claimed-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('button', { name: 'See results' }).click();
  await expect(page.locator('[data-screen-ready="quiz-results"]')).toBeVisible();
  await expect(page.getByText('No mistakes — every answer was right')).toBeVisible();
  await page.getByText('All questions (1)').click();
  await expect(page.locator('.qz-all-correct .qz-all-verdict')).toHaveText('✓ Right, as you said');
  await app.screenshot('fair-grading-results-light');
});

test('a typed answer come back to is replaced by what is typed next, not added to', async ({
  app,
}) => {
  const page = await startClozeQuiz(app, 2);
  const field = page.getByLabel('Your answer');
  const first = await page.locator('.qz-question').getAttribute('data-item-id');
  await page.keyboard.type('first try');
  await page.getByRole('button', { name: 'Skip for now' }).click();
  await expect(page.locator('.qz-question')).not.toHaveAttribute('data-item-id', first ?? '');
  await expect(field).toBeFocused();
  await page.keyboard.type('anything');
  await page.keyboard.press('Enter');
  await expect(page.locator('.qz-feedback')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('.qz-question')).toHaveAttribute('data-item-id', first ?? '');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('first try');
  await page.keyboard.type('second try');
  await expect(field).toHaveValue('second try');
});
