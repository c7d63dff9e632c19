import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { generateBank } from '../../shared/engine/bank.ts';
import type { QuizItem, QuizKind } from '../../shared/engine/types.ts';
import { loadPackFolder } from '../../services/packs/pack-folder.ts';
import { publicItemId } from '../../services/quiz/public-id.ts';
import { expect, type AppHandle } from './fixtures.ts';

/** Shared steps of the quiz-*.spec.ts files: opening the quiz, setting it up, answering by keys. */

// The answers come from the engine itself, run here in Node over the bundled pack: item ids are
// stable across seeds, and so are option ids. The UI only sees each item's opaque public id, which
// this side maps back; it never learns an answer before answering.
const loaded = loadPackFolder(path.resolve('assets/packs/il32-gamma'));
if (!loaded.ok) throw new Error('The bundled pack does not load.');
export const bank = new Map(
  generateBank(loaded.pack, { seed: 'e2e' }).quiz.map((item) => [publicItemId(item.id), item]),
);
export const itemById = (id: string): QuizItem => {
  const item = bank.get(id);
  if (!item) throw new Error(`No item ${id} in the bank.`);
  return item;
};

export const allKinds: readonly QuizKind[] = [
  'mcq',
  'true-false',
  'cloze',
  'perturbation',
  'context',
  'diagram-node',
  'diagram-edge',
];

type Scheme = 'light' | 'dark' | 'reduced';

export async function setScheme(page: Page, scheme: Scheme): Promise<void> {
  await page.emulateMedia(
    scheme === 'reduced'
      ? { colorScheme: 'light', reducedMotion: 'reduce' }
      : { colorScheme: scheme, reducedMotion: 'no-preference' },
  );
}

/** Every request the page makes must stay on the app's own origin. */
export function watchRequests(page: Page): () => string[] {
  const origin = new URL(page.url()).origin;
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      foreign.push(url);
  });
  return () => foreign;
}

export async function openQuiz(app: AppHandle, hash = '#/quiz'): Promise<Page> {
  const { page } = app;
  await page.evaluate((h) => (window.location.hash = h), hash);
  await expect(page.locator('[data-screen-ready="quiz-idle"]')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /question/ })).toHaveText(
    /questions? match/,
  );
  return page;
}

/** Sets the kinds on the setup form (mouse; the keyboard test does it by keyboard). */
export async function chooseKinds(page: Page, kinds: readonly QuizKind[]): Promise<void> {
  await page.getByRole('button', { name: 'Clear kinds' }).click();
  const group = page.getByRole('group', { name: 'Kinds of question' });
  for (const kind of kinds) await group.getByRole('checkbox', { name: kindLabel[kind] }).check();
}

export const kindLabel: Record<QuizKind, RegExp> = {
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

export const question = (page: Page) => page.locator('.qz-question');
export const heading = (page: Page) => page.locator('.qz-question-heading');

export async function currentItem(page: Page): Promise<QuizItem> {
  const id = await question(page).getAttribute('data-item-id');
  if (!id) throw new Error('No question on screen.');
  return itemById(id);
}

/** Presses Tab until the element has focus (keyboard only, as a learner would). */
export async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
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
export async function composeAnswer(page: Page, item: QuizItem, right: boolean): Promise<void> {
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

export const feedback = (page: Page) => page.locator('.qz-feedback');

export async function expectPracticeFeedback(page: Page, right: boolean, partial = false) {
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

export async function latencies(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    performance.getEntriesByName('quiz:feedback', 'measure').map((m) => m.duration),
  );
}
