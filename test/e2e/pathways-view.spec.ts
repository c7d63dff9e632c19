import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshotDir, test } from './fixtures.ts';
import { expectNoAxeViolations, resizeTo } from './study-helpers.ts';

async function openPathways(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Pathways', exact: true })
    .click();
  await expect(page.locator('[data-screen-ready="pathways"]')).toBeVisible();
  await expect(page.locator('.react-flow__node-entity').first()).toBeVisible();
}

const chooseMode = (page: Page, name: string) =>
  page.getByRole('group', { name: 'Mode' }).getByRole('radio', { name }).check();

/** What the learner sees without scrolling, in light and dark. */
async function shootViewport(page: Page, name: string): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(
      () => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted))),
    );
    await page.screenshot({
      path: path.join(screenshotDir, `pathways-view-${name}-${width}-${scheme}.png`),
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const diagram = (page: Page) => page.getByTestId('pathway-diagram');

/** The element's box lies wholly inside the window. */
async function expectInViewport(page: Page, testId: string): Promise<void> {
  const box = await page.getByTestId(testId).boundingBox();
  const size = page.viewportSize();
  expect(box, `${testId} is drawn`).not.toBeNull();
  if (!box || !size) return;
  expect(box.y, `${testId} starts inside the window`).toBeGreaterThanOrEqual(0);
  expect(box.y + Math.min(box.height, 60), `${testId} shows inside the window`).toBeLessThanOrEqual(
    size.height,
  );
  expect(box.x + box.width).toBeLessThanOrEqual(size.width);
}

test('at 1280×800 what Next, Perturb and an answer change is in view with the diagram', async ({
  app,
}) => {
  const { page } = app;
  await resizeTo(page, { width: 1280, height: 800 });
  await openPathways(page);

  await chooseMode(page, 'Step through');
  const narration = page.getByTestId('step-narration');
  const before = await narration.textContent();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(narration).not.toHaveText(before ?? '');
  await expectInViewport(page, 'step-narration');
  // Figure 1 is wider than the column beside the panel: the panel is directly under the canvas.
  await expect(page.locator('.pw-workspace')).toHaveAttribute('data-layout', 'stacked');
  const canvas = await diagram(page).boundingBox();
  const panel = await page.locator('.pw-side').boundingBox();
  expect(panel && canvas && panel.y >= canvas.y + canvas.height).toBe(true);
  // The node the step highlights lies inside the canvas and the window, with the narration.
  const current = diagram(page).locator('.react-flow__node-entity:has(.pw-state-current)');
  const node = await current.first().boundingBox();
  expect(
    node && canvas && node.x >= canvas.x && node.x + node.width <= canvas.x + canvas.width,
  ).toBe(true);
  expect(node && node.y >= 0 && node.y + node.height <= 800).toBe(true);

  await chooseMode(page, 'Perturb');
  await page.getByLabel('Node', { exact: true }).selectOption({ label: 'DKK-1' });
  await page.getByRole('radio', { name: 'Block' }).check();
  await expect(page.getByTestId('perturb-changes')).toContainText('Wnt signalling rises');
  await expectInViewport(page, 'perturb-results');

  await chooseMode(page, 'Quiz me');
  await page.getByRole('button', { name: /^Node 1 / }).click();
  await page.getByLabel(/^Name node 1/).fill('IL-32 gamma');
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('name-feedback')).toHaveText(/^Correct/);
  await expectInViewport(page, 'name-feedback');
  await expectNoAxeViolations(page);
});

test('on a narrow window the panel comes directly under the diagram', async ({ app }) => {
  const { page } = app;
  await resizeTo(page, { width: 1024, height: 700 });
  await openPathways(page);
  await chooseMode(page, 'Step through');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expectInViewport(page, 'step-narration');
  const canvas = await diagram(page).boundingBox();
  const panel = await page.locator('.pw-side').boundingBox();
  const actions = await page.locator('.pw-workspace > .pw-actions').boundingBox();
  expect(canvas && panel && panel.y >= canvas.y + canvas.height).toBe(true);
  expect(panel && actions && panel.y < actions.y).toBe(true);
});

test('the diagram is one Tab stop; arrows follow links, Enter opens details, a skip link reaches the text', async ({
  app,
}) => {
  const { page } = app;
  await openPathways(page);
  const focusedLabel = () =>
    page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  // Tab from the Mode choices: into the diagram once, then out of it (zoom controls follow).
  await page.getByRole('group', { name: 'Mode' }).getByRole('radio', { name: 'Explore' }).focus();
  const stops: string[] = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(
      () =>
        document.activeElement?.closest('[data-testid="pathway-diagram"] .react-flow__node') !=
        null,
    );
    const onEdge = await page.evaluate(
      () => document.activeElement?.closest('.react-flow__edge') != null,
    );
    expect(onEdge, 'no link is a Tab stop').toBe(false);
    if (inside) stops.push((await focusedLabel()) ?? '');
  }
  expect(stops).toEqual(['IL-32γ, in extracellular space']);

  // Back to the diagram and along its links: IL-32γ → RANKL is down-right, miR-29a to the right.
  await diagram(page).getByRole('button', { name: 'IL-32γ, in extracellular space' }).focus();
  await page.keyboard.press('ArrowRight');
  const moves = page.getByTestId('diagram-moves');
  await expect(moves).toHaveAttribute('aria-live', 'polite');
  await expect(moves).toContainText(/IL-32γ .* (miR-29a|RANKL)\. Now on (miR-29a|RANKL)\./);
  const first = await focusedLabel();
  expect(first).toMatch(/^(miR-29a|RANKL), in /);
  await page.keyboard.press('ArrowLeft');
  expect(await focusedLabel()).toBe('IL-32γ, in extracellular space');
  // Nothing links to the left of IL-32γ.
  await page.keyboard.press('ArrowLeft');
  await expect(moves).toHaveText('No linked node to the left of IL-32γ.');
  expect(await focusedLabel()).toBe('IL-32γ, in extracellular space');
  // The node last visited is the diagram's Tab stop.
  await page.keyboard.press('ArrowRight');
  const visited = await focusedLabel();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  expect(await focusedLabel()).toBe(visited);
  await page.keyboard.press('Enter');
  await expect(page.locator('.pw-details').getByRole('heading', { level: 2 })).toHaveText(
    (visited ?? '').replace(/, in .*$/, ''),
  );

  // The skip link: first Tab stop of the workspace, visible when focused, lands on the text version.
  const skip = page.getByRole('link', { name: 'Skip the diagram: go to its text version' });
  await skip.focus();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  const text = page.getByRole('region', { name: 'Text version: links in this diagram' });
  await expect(text).toBeFocused();
  await expectNoAxeViolations(page);
});

test('naming nodes in Quiz me raises the Mastery overlay above 0 %', async ({ app }) => {
  const { page } = app;
  await openPathways(page);
  await chooseMode(page, 'Mastery');
  await expect(page.getByRole('heading', { name: 'Weakest first' })).toBeVisible();
  const il32 = diagram(page).getByRole('button', { name: /^IL-32γ, in extracellular space/ });
  await expect(il32).toHaveAccessibleName(/mastery 0 %, from \d+ cards?$/);

  await chooseMode(page, 'Quiz me');
  await page.getByRole('button', { name: /^Node 1 / }).click();
  await page.getByLabel(/^Name node 1/).fill('interleukin 32 gamma');
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('name-score')).toHaveText(/^1 of/);
  await expect(page.locator('.message-error')).toHaveCount(0);

  await chooseMode(page, 'Mastery');
  await expect(il32).toHaveAccessibleName(/mastery [1-9]\d* %, from \d+ cards?, 1 Quiz me$/);
  await expect(page.locator('.pw-mastery-list')).toContainText('1 Quiz me');
});

// One test per window size: on one loaded core the two sizes together took 47 s of 120.
for (const size of [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
]) {
  test(`screenshots of every mode, light and dark, at ${size.width}×${size.height}`, async ({
    app,
  }) => {
    const { page } = app;
    await resizeTo(page, size);
    await openPathways(page);
    for (const mode of ['Explore', 'Step through', 'Perturb', 'Quiz me', 'Mastery']) {
      await chooseMode(page, mode);
      if (mode === 'Step through')
        await page.getByRole('button', { name: 'Next', exact: true }).click();
      await shootViewport(page, mode.toLowerCase().replace(' ', '-'));
    }
  });
}

/** The workspace's layout, and which entity nodes lie wholly inside the canvas's visible box. */
async function opened(page: Page): Promise<{ layout: string; hidden: string[]; shown: number }> {
  await expect(page.locator('.pw-workspace')).toHaveAttribute('data-layout', /^(beside|stacked)$/);
  await settled(page);
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="pathway-diagram"] .react-flow');
    const box = canvas?.getBoundingClientRect();
    const nodes = [...document.querySelectorAll('.react-flow__node-entity')];
    const hidden = nodes.flatMap((node) => {
      const r = node.getBoundingClientRect();
      const inside =
        box &&
        r.left >= box.left - 0.5 &&
        r.right <= box.right + 0.5 &&
        r.top >= box.top - 0.5 &&
        r.bottom <= box.bottom + 0.5;
      return inside ? [] : [node.getAttribute('aria-label') ?? '?'];
    });
    const layout = document.querySelector('.pw-workspace')?.getAttribute('data-layout') ?? '';
    return { layout, hidden, shown: nodes.length - hidden.length };
  });
}

/** Two frames in which React Flow's viewport did not change: the drawing has opened. */
async function settled(page: Page): Promise<void> {
  const read = () =>
    diagram(page)
      .locator('.react-flow__viewport')
      .evaluate((el) => getComputedStyle(el).transform);
  let last = await read();
  await expect
    .poll(async () => {
      const now = await read();
      const same = now === last && now !== 'none';
      last = now;
      return same;
    })
    .toBe(true);
}

const openDiagram = async (page: Page, id: string) => {
  await page.getByLabel('Diagram', { exact: true }).selectOption(id);
  await expect(diagram(page).locator('.react-flow__node-entity').first()).toBeVisible();
};

test('at 1280×800 a wide figure gets the full width, the panel under it; a small one keeps it beside', async ({
  app,
}) => {
  const { page } = app;
  await resizeTo(page, { width: 1280, height: 800 });
  await openPathways(page);

  // Figure 1 needs 1.5× the window's width at readable labels: no layout shows all of it. Under
  // the panel the canvas takes the whole workspace and shows the bone-forming arm up to Wnt
  // signalling and the whole resorbing arm to osteoclast differentiation.
  await openDiagram(page, 'D1');
  const figure1 = await opened(page);
  expect(figure1.layout).toBe('stacked');
  const workspace = await page.locator('.pw-workspace').boundingBox();
  const canvas = await diagram(page).boundingBox();
  expect(canvas && workspace && canvas.width).toBeCloseTo(workspace?.width ?? 0, 0);
  for (const name of ['IL-32γ', 'miR-29a', 'DKK-1', 'Wnt signalling', 'RANKL']) {
    expect(figure1.hidden.join('|'), name).not.toContain(`${name}, in`);
  }
  expect(figure1.shown).toBeGreaterThanOrEqual(6);
  await expectInViewport(page, 'pathway-diagram');
  // The panel starts directly under the canvas, inside the window.
  const panel = await page.locator('.pw-side').boundingBox();
  expect(panel && canvas && panel.y).toBeGreaterThanOrEqual(
    (canvas?.y ?? 0) + (canvas?.height ?? 0),
  );
  expect(panel && panel.y + 60).toBeLessThanOrEqual(800);

  // The IL-17 ⇄ IL-32 loop is cut off beside the panel but whole at full width: every node shows.
  await openDiagram(page, 'D7');
  const loop = await opened(page);
  expect(loop).toEqual({ layout: 'stacked', hidden: [], shown: loop.shown });

  // The RANKL/OPG balance fits beside the panel: it stays there, every node in view.
  await openDiagram(page, 'D8');
  const small = await opened(page);
  expect(small).toEqual({ layout: 'beside', hidden: [], shown: small.shown });
  const side = await page.locator('.pw-side').boundingBox();
  const smallCanvas = await diagram(page).boundingBox();
  expect(side && smallCanvas && side.x).toBeGreaterThanOrEqual(
    (smallCanvas?.x ?? 0) + (smallCanvas?.width ?? 0),
  );
});

// Each size in two halves (odd and even diagrams): on one loaded core a whole size took 45 s.
for (const size of [
  { width: 1920, height: 1080 },
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
]) {
  for (const half of [0, 1] as const) {
    test(`every diagram at ${size.width}×${size.height}, light and dark${size.width === 1920 ? ', every node in view' : ''} (${half === 0 ? 'first' : 'second'} half)`, async ({
      app,
    }) => {
      const { page } = app;
      await resizeTo(page, size);
      await openPathways(page);
      const ids = await page
        .getByLabel('Diagram', { exact: true })
        .locator('option')
        .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
      expect(ids.length).toBeGreaterThanOrEqual(8);
      for (const id of ids.filter((_, index) => index % 2 === half)) {
        await openDiagram(page, id);
        const { hidden } = await opened(page);
        // The widest window gives every drawing, at readable labels, room for all its nodes.
        if (size.width === 1920) expect(hidden, `${id} at 1920×1080`).toEqual([]);
        await shootViewport(page, `diagram-${id}`);
      }
    });
  }
}
