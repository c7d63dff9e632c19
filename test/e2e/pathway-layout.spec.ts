import type { Page } from '@playwright/test';
import { minReadableLabelPx, nodeLabelPx } from '../../shared/pack/diagram-fit.ts';
import { canvasAt1280 } from '../../shared/pack/layout-quality.ts';
import { expect, test, type AppHandle } from './fixtures.ts';
import { expectNoSidewaysScroll, resizeTo } from './study-helpers.ts';

/** Issue 11: every diagram at 1280 and 1024, light and dark; fit and zoom at readable sizes. */

const diagramIds = ['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8'] as const;
const sizes = [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
] as const;

const diagram = (page: Page) => page.getByTestId('pathway-diagram');

async function openDiagram(app: AppHandle, id: string): Promise<Page> {
  const { page } = app;
  if (!(await page.locator('[data-screen-ready="pathways"]').isVisible())) {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Pathways', exact: true })
      .click();
    await expect(page.locator('[data-screen-ready="pathways"]')).toBeVisible();
  }
  await page.getByLabel('Diagram', { exact: true }).selectOption(id);
  await expect(diagram(page).locator('.react-flow__node-entity').first()).toBeVisible();
  await settledViewport(page);
  return page;
}

/** The zoom React Flow draws at, once two frames have passed without it changing. */
async function settledViewport(page: Page): Promise<{ x: number; zoom: number }> {
  const read = () =>
    diagram(page)
      .locator('.react-flow__viewport')
      .evaluate((el) => {
        const matrix = new DOMMatrixReadOnly(getComputedStyle(el).transform);
        return { x: matrix.e, zoom: matrix.a };
      });
  let last = await read();
  await expect
    .poll(async () => {
      const now = await read();
      const same = now.x === last.x && now.zoom === last.zoom;
      last = now;
      return same && now.zoom > 0;
    })
    .toBe(true);
  return last;
}

/** Rectangles of every entity node and of the zoom bar, in page pixels. */
async function zoomBarOverNode(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bar = document.querySelector('.pw-zoom-bar')?.getBoundingClientRect();
    if (!bar) return ['no zoom bar'];
    const canvas = document.querySelector('.react-flow')?.getBoundingClientRect();
    return [...document.querySelectorAll('.react-flow__node-entity')].flatMap((node) => {
      const box = node.getBoundingClientRect();
      // A node scrolled out of the canvas is not drawn; only what shows can be covered.
      const shown = canvas && box.right > canvas.left && box.left < canvas.right;
      const overlaps =
        box.left < bar.right &&
        bar.left < box.right &&
        box.top < bar.bottom &&
        bar.top < box.bottom;
      return shown && overlaps ? [node.getAttribute('aria-label') ?? '?'] : [];
    });
  });
}

for (const id of diagramIds) {
  test(`${id} in light and dark at 1280 and 1024: screenshots, labels at least 12 px`, async ({
    app,
  }) => {
    for (const scheme of ['light', 'dark'] as const) {
      await app.page.emulateMedia({ colorScheme: scheme });
      for (const size of sizes) {
        await resizeTo(app.page, size);
        const page = await openDiagram(app, id);
        const { zoom } = await settledViewport(page);
        expect(nodeLabelPx * zoom, `${id} labels at ${size.width}`).toBeGreaterThanOrEqual(
          minReadableLabelPx - 0.01,
        );
        expect(await zoomBarOverNode(page)).toEqual([]);
        await app.screenshot(`diagram-${id}-${scheme}-${size.width}`);
        await expectNoSidewaysScroll(page, `${id} at ${size.width}`);
        // Figure 2A opens on its normal-spine panel; its AS panel is the tangled one.
        const panels = page.getByRole('group', { name: 'Panel' });
        if (await panels.isVisible()) {
          const last = panels.getByRole('radio').last();
          await last.check();
          const panel = await settledViewport(page);
          expect(nodeLabelPx * panel.zoom).toBeGreaterThanOrEqual(minReadableLabelPx - 0.01);
          expect(await zoomBarOverNode(page)).toEqual([]);
          await app.screenshot(`diagram-${id}-last-panel-${scheme}-${size.width}`);
          await panels.getByRole('radio').first().check();
        }
      }
    }
  });
}

test('at 1280×800 the canvas is as wide as the layout figures assume', async ({ app }) => {
  await resizeTo(app.page, { width: 1280, height: 800 });
  // D8 fits beside the panel; a wider drawing may get the full width, where it opens no smaller.
  const page = await openDiagram(app, 'D8');
  await expect(page.locator('.pw-workspace')).toHaveAttribute('data-layout', 'beside');
  const width = await diagram(page).evaluate((el) => el.clientWidth);
  expect(width).toBeGreaterThanOrEqual(canvasAt1280.width - 2);
  expect(width).toBeLessThanOrEqual(canvasAt1280.width + 2);
});

test('a wide diagram opens at readable labels and scrolls sideways; Fit returns there', async ({
  app,
}) => {
  await resizeTo(app.page, { width: 1024, height: 700 });
  const page = await openDiagram(app, 'D4');
  const opening = await settledViewport(page);
  expect(nodeLabelPx * opening.zoom).toBeCloseTo(minReadableLabelPx, 1);
  await expect(
    page.getByText('Scroll sideways or drag to see the rest of the diagram.'),
  ).toBeVisible();

  // The wheel scrolls the drawing (it does not zoom it).
  const box = await diagram(page).locator('.react-flow').boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(400, 0);
  await expect.poll(async () => (await settledViewport(page)).x).toBeLessThan(opening.x - 100);
  expect((await settledViewport(page)).zoom).toBeCloseTo(opening.zoom, 3);

  // Zoom out is the learner's choice; Fit brings the readable opening view back.
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(async () => (await settledViewport(page)).zoom).toBeLessThan(opening.zoom);
  expect(await zoomBarOverNode(page)).toEqual([]);
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await expect.poll(async () => (await settledViewport(page)).zoom).toBeCloseTo(opening.zoom, 3);
  expect((await settledViewport(page)).x).toBeCloseTo(opening.x, 0);
});

test('at 200 % text, 1024×700, the diagram and its zoom buttons still work', async ({ app }) => {
  await resizeTo(app.page, { width: 1024, height: 700 });
  const page = await openDiagram(app, 'D1');
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  await page.evaluate(
    () => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted))),
  );
  const opening = await settledViewport(page);
  await diagram(page).scrollIntoViewIfNeeded();
  await expect(diagram(page).locator('.react-flow__node-entity').first()).toBeInViewport();
  const zoomIn = page.getByRole('button', { name: 'Zoom in' });
  await zoomIn.scrollIntoViewIfNeeded();
  await expect(zoomIn).toBeInViewport();
  expect(await zoomBarOverNode(page)).toEqual([]);
  await zoomIn.click();
  await expect.poll(async () => (await settledViewport(page)).zoom).toBeGreaterThan(opening.zoom);
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await expect.poll(async () => (await settledViewport(page)).zoom).toBeCloseTo(opening.zoom, 3);
  await app.screenshot('diagram-D1-text200-1024');
  await expectNoSidewaysScroll(page, '200 % text');
});
