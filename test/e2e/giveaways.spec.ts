import path from 'node:path';
import type { Page } from '@playwright/test';
import { generateBank } from '../../shared/engine/bank.ts';
import { mentionsAny } from '../../shared/engine/normalize.ts';
import type { Pack, Pathway } from '../../shared/pack/schema.ts';
import type { QuizItem } from '../../shared/engine/types.ts';
import { loadPackFolder } from '../../services/packs/pack-folder.ts';
import { publicItemId } from '../../services/quiz/public-id.ts';
import { expectNoAxeViolations } from './axe.ts';
import { expect, test, type AppHandle } from './fixtures.ts';

// Nothing in an item's view, before it is answered, may name its answer: not the page's text
// (screen-reader-only text included), not an aria-label, not a title. The keys come from the
// engine run here over the bundled pack; the UI only ever sees opaque ids.
const loaded = loadPackFolder(path.resolve('assets/packs/il32-gamma'));
if (!loaded.ok) throw new Error('The bundled pack does not load.');
const pack: Pack = loaded.pack;
const bank = new Map(
  generateBank(pack, { seed: 'e2e' }).quiz.map((item) => [publicItemId(item.id), item]),
);
const entityById = new Map(pack.entities.map((entity) => [entity.id, entity]));

/** Every written form of a pathway node: its label on the figure, its entity's name and aliases. */
function formsOfNode(pathway: Pathway, nodeId: string): string[] {
  const node = pathway.nodes.find((n) => n.id === nodeId);
  const entity = node ? entityById.get(node.entity) : undefined;
  return [node?.label, entity?.name, ...(entity?.aliases ?? [])].filter(
    (form): form is string => form !== undefined && form.trim().length > 0,
  );
}

/**
 * The texts a learner (sighted or not) can read in `root`, leaving out the parts that are allowed
 * to name answers: an option list names the key among the distractors by design.
 */
async function viewTexts(page: Page, root: string, allowed: readonly string[]): Promise<string[]> {
  return page.locator(root).evaluate((element, skip) => {
    const clone = element.cloneNode(true) as HTMLElement;
    for (const selector of skip) for (const el of clone.querySelectorAll(selector)) el.remove();
    const texts = [clone.textContent];
    for (const el of clone.querySelectorAll('*')) {
      for (const name of ['aria-label', 'title', 'aria-description', 'alt', 'placeholder']) {
        const value = el.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    return texts;
  }, allowed);
}

/** A text with the given (visible, not asked) names taken out as whole words. */
function without(text: string, names: readonly string[]): string {
  return names.reduce((rest, name) => {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return rest.replace(new RegExp(`${escaped}(?![\\p{L}\\p{N}])`, 'giu'), ' ');
  }, text);
}

function leaks(texts: readonly string[], answer: readonly string[], shown: readonly string[]) {
  return texts.filter((text) => mentionsAny(without(text, shown), answer));
}

async function openQuiz(app: AppHandle): Promise<Page> {
  const { page } = app;
  await page.evaluate(() => (window.location.hash = '#/quiz'));
  await expect(page.locator('[data-screen-ready="quiz-idle"]')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('status').filter({ hasText: /question/ })).toHaveText(
    /questions? match/,
  );
  return page;
}

test('hidden-node items: the view names no answer before it is answered', async ({ app }) => {
  const page = await openQuiz(app);
  await page.getByRole('button', { name: 'Clear kinds' }).click();
  await page
    .getByRole('group', { name: 'Kinds of question' })
    .getByRole('checkbox', { name: /^Hidden node/ })
    .check();
  await page.getByRole('radio', { name: 'Practice' }).check();
  // Wait for the count to follow the ticked kind; reading it at once could catch "No questions".
  const matchStatus = page.getByRole('status').filter({ hasText: /question/ });
  await expect(matchStatus).toHaveText(/\d+ questions? match/);
  const status = await matchStatus.textContent();
  const total = Number(/(\d+) questions? match/.exec(status ?? '')?.[1] ?? '0');
  // Every hidden-node item the bank holds (only those whose distractors are provably wrong).
  expect(total).toBeGreaterThan(0);
  await page.getByLabel('Number of questions').fill(String(total));
  await page.getByRole('button', { name: 'Start practice' }).click();

  // "Skip for now" deals the next question without answering this one: every view is seen unanswered.
  const found: string[] = [];
  const seen = new Set<string>();
  for (let n = 1; n <= total; n++) {
    const question = page.locator('.qz-question');
    await expect(question).not.toHaveAttribute('data-item-id', [...seen].at(-1) ?? '-');
    const id = (await question.getAttribute('data-item-id')) ?? '';
    seen.add(id);
    const item: QuizItem | undefined = bank.get(id);
    if (item?.kind !== 'diagram-node') throw new Error(`Question ${n} is not a hidden-node item.`);
    const pathway = pack.pathways.find((p) => p.id === item.pathwayId);
    if (!pathway) throw new Error(`No pathway ${item.pathwayId}.`);
    const answer = formsOfNode(pathway, item.hiddenNodeId);
    const shown = item.visibleNodeIds
      .filter((nodeId) => nodeId !== item.hiddenNodeId)
      .flatMap((nodeId) => formsOfNode(pathway, nodeId))
      .sort((a, b) => b.length - a.length);
    const texts = await viewTexts(page, 'main', ['.qz-options']);
    for (const text of leaks(texts, answer, shown)) found.push(`${item.id}: “${text}”`);
    if (item.id === 'diagram-node:D3:dkk-1') {
      await app.screenshot('giveaways-quiz-node-light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await app.screenshot('giveaways-quiz-node-dark');
      await page.emulateMedia({ colorScheme: 'light' });
    }
    if (n < total) await page.keyboard.press('s');
  }
  expect(seen.size).toBe(total);
  expect(found).toEqual([]);
});

// One test per pathway: all eight in one test used a third of its timeout on one loaded core.
for (const pathway of pack.pathways) {
  test(`Pathways › Quiz me › Name the nodes names no node before it is named (${pathway.id})`, async ({
    app,
  }) => {
    const { page } = app;
    const found: string[] = [];
    await page.evaluate((h) => (window.location.hash = h), `#/pathways/${pathway.id}`);
    await expect(page.locator('[data-screen-ready="pathways"]')).toBeVisible({ timeout: 15_000 });
    await page.getByRole('group', { name: 'Mode' }).getByRole('radio', { name: 'Quiz me' }).check();
    await expect(page.getByTestId('name-score')).toHaveText(/^0 of \d+ named$/);
    const textVersion = page.getByRole('button', { name: 'Text version' });
    if ((await textVersion.getAttribute('aria-pressed')) !== 'true') await textVersion.click();
    await expect(page.locator('.pw-text-alt')).toBeVisible();
    const names = pathway.nodes.flatMap((node) => formsOfNode(pathway, node.id));
    // The pathway picker names pathways by their titles, and the name field suggests every node
    // name in the figure (a word bank): neither says which node is which.
    // A compartment's label says where a node is ("osteoclast lineage"), not which node it is.
    const places = pathway.nodes.map((node) => entityById.get(node.compartment)?.name ?? '');
    const texts = await viewTexts(page, 'main', ['.pw-toolbar', 'datalist']);
    for (const text of leaks(texts, names, places)) found.push(`${pathway.id}: “${text}”`);
    if (pathway.id === 'D3') {
      await app.screenshot('giveaways-name-nodes-light');
      await expectNoAxeViolations(page, 'Name the nodes with the text version, light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await app.screenshot('giveaways-name-nodes-dark');
      await expectNoAxeViolations(page, 'Name the nodes with the text version, dark');
      await page.emulateMedia({ colorScheme: 'light' });
    }
    expect(found).toEqual([]);
  });
}
