import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { generateBank } from '../../shared/engine/bank.ts';
import type { QuizStart } from '../../shared/contract/quiz.ts';
import type { QuizItem, QuizKind } from '../../shared/engine/types.ts';
import { loadPackFolder } from '../../services/packs/pack-folder.ts';
import { publicItemId } from '../../services/quiz/public-id.ts';
import { rightAnswer } from '../support/quiz-answers.ts';
import { expectNoAxeViolations } from './axe.ts';
import { expect, test, type AppHandle } from './fixtures.ts';
import {
  call,
  expectNoSidewaysScroll,
  resizeTo,
  screenSizes,
  shootAtSize,
} from './study-helpers.ts';

// The answers come from the engine itself, run here in Node over the bundled pack: item ids are
// stable across seeds, and so are option ids. The UI only sees each item's opaque public id, which
// this side maps back; it never learns an answer before answering.
const loaded = loadPackFolder(path.resolve('assets/packs/il32-gamma'));
if (!loaded.ok) throw new Error('The bundled pack does not load.');
const bank = new Map(
  generateBank(loaded.pack, { seed: 'e2e' }).quiz.map((item) => [publicItemId(item.id), item]),
);
const itemById = (id: string): QuizItem => {
  const item = bank.get(id);
  if (!item) throw new Error(`No item ${id} in the bank.`);
  return item;
};

const allKinds: readonly QuizKind[] = [
  'mcq',
  'true-false',
  'cloze',
  'perturbation',
  'context',
  'diagram-node',
  'diagram-edge',
];

type Scheme = 'light' | 'dark' | 'reduced';

async function setScheme(page: Page, scheme: Scheme): Promise<void> {
  await page.emulateMedia(
    scheme === 'reduced'
      ? { colorScheme: 'light', reducedMotion: 'reduce' }
      : { colorScheme: scheme, reducedMotion: 'no-preference' },
  );
}

/** Every request the page makes must stay on the app's own origin. */
function watchRequests(page: Page): () => string[] {
  const origin = new URL(page.url()).origin;
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      foreign.push(url);
  });
  return () => foreign;
}

async function openQuiz(app: AppHandle, hash = '#/quiz'): Promise<Page> {
  const { page } = app;
  await page.evaluate((h) => (window.location.hash = h), hash);
  await expect(page.locator('[data-screen-ready="quiz-idle"]')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /question/ })).toHaveText(
    /questions? match/,
  );
  return page;
}

/** Sets the kinds on the setup form (mouse; the keyboard test does it by keyboard). */
async function chooseKinds(page: Page, kinds: readonly QuizKind[]): Promise<void> {
  await page.getByRole('button', { name: 'Clear kinds' }).click();
  const group = page.getByRole('group', { name: 'Kinds of question' });
  for (const kind of kinds) await group.getByRole('checkbox', { name: kindLabel[kind] }).check();
}

const kindLabel: Record<QuizKind, RegExp> = {
  mcq: /^Single best answer/,
  'true-false': /^True or false/,
  cloze: /^Fill in the blank/,
  matching: /^Matching/,
  ordering: /^Put in order/,
  perturbation: /^Predict the effect/,
  context: /^Context/,
  'diagram-node': /^Hidden node/,
  'diagram-edge': /^Edge sign/,
  'which-study': /^Which study/,
};

const question = (page: Page) => page.locator('.qz-question');
const heading = (page: Page) => page.locator('.qz-question-heading');

async function currentItem(page: Page): Promise<QuizItem> {
  const id = await question(page).getAttribute('data-item-id');
  if (!id) throw new Error('No question on screen.');
  return itemById(id);
}

/** Presses Tab until the element has focus (keyboard only, as a learner would). */
async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/**
 * Puts together an answer for the item on screen through the UI, right or wrong, by keyboard:
 * number keys, T/F, typing, Tab + arrows in the matching selects, Alt+arrows for ordering.
 */
async function composeAnswer(page: Page, item: QuizItem, right: boolean): Promise<void> {
  switch (item.kind) {
    case 'true-false':
      await page.keyboard.press(item.answer === right ? 't' : 'f');
      return;
    case 'cloze': {
      const field = page.getByLabel('Your answer');
      await expect(field).toBeFocused();
      // Digits and letters typed here must not trigger the runner's shortcuts.
      await page.keyboard.type(right ? (item.answer.accepted.at(-1) ?? '') : 'not 1 of these');
      return;
    }
    case 'matching': {
      // Entries are dealt in the quiz's own order and ids: go by their texts.
      const labels = await page
        .locator('.qz-pair select')
        .first()
        .locator('option')
        .evaluateAll((options) => options.map((o) => o.textContent.replace(/^[A-Z]\. /, '')));
      const textOf = (rightId: string) => item.right.find((r) => r.id === rightId)?.text ?? '';
      for (const left of item.left) {
        const select = page.getByRole('combobox', { name: left.text, exact: true });
        const key = textOf(item.answer.find((a) => a.leftId === left.id)?.rightId ?? '');
        const wanted = right ? key : (labels.find((text, i) => i > 0 && text !== key) ?? '');
        await tabTo(page, select);
        for (let i = 0; i < labels.indexOf(wanted); i++) await page.keyboard.press('ArrowDown');
        await expect(select.locator('option:checked')).toHaveText(
          new RegExp(`\\. ${escape(wanted)}$`),
        );
      }
      return;
    }
    case 'ordering': {
      const target = right ? [...item.answer] : [...item.answer].reverse();
      for (const [place, stepId] of target.entries()) {
        const row = page.locator(`.qz-step[data-step="${stepId}"]`);
        const current = await page
          .locator('.qz-step')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-step')));
        const from = current.indexOf(stepId);
        if (from === place) continue;
        // Tab enters the list; ↓ walks to the step, Alt+↑ lifts it into place.
        await tabTo(page, page.locator('.qz-step[tabindex="0"]'));
        const at = await page
          .locator('.qz-step')
          .evaluateAll((rows) => rows.findIndex((r) => r === document.activeElement));
        for (let i = at; i < from; i++) await page.keyboard.press('ArrowDown');
        await expect(row).toBeFocused();
        for (let i = 0; i < from - place; i++) await page.keyboard.press('Alt+ArrowUp');
        await expect(page.locator('.qz-step').nth(place)).toHaveAttribute('data-step', stepId);
        await expect(row).toBeFocused();
      }
      return;
    }
    default: {
      const wanted = item.options.find((o) => o.correct === right)?.id ?? '';
      const ids = await page
        .locator('.qz-options input[type="radio"]')
        .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
      await page.keyboard.press(String(ids.indexOf(wanted) + 1));
      await expect(page.locator(`.qz-options input[value="${wanted}"]`)).toBeChecked();
    }
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const feedback = (page: Page) => page.locator('.qz-feedback');

async function expectPracticeFeedback(page: Page, right: boolean, partial = false) {
  const panel = feedback(page);
  await expect(panel).toBeVisible();
  await expect(panel.locator('.qz-verdict')).toHaveText(
    right ? /Correct/ : partial ? /Partly right|Not quite/ : /Not quite/,
  );
  await expect(panel.locator('.qz-explanation')).not.toBeEmpty();
  await expect(panel.locator('.citations li').first()).toBeVisible();
  await expect(panel.locator('.citations .badge').first()).toBeVisible();
  await expect(panel.getByRole('link', { name: /^F\d{3}$/ }).first()).toHaveAttribute(
    'href',
    /^#\/source\?fact=F\d{3}$/,
  );
  await expect(page.locator('.qz-feedback-live')).toHaveAttribute('aria-live', 'polite');
}

async function latencies(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    performance.getEntriesByName('quiz:feedback', 'measure').map((m) => m.duration),
  );
}

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
