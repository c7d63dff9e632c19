import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Download, Page } from '@playwright/test';
import { palettes } from '../../shared/diagram/palette.ts';
import { expect, screenshotDir, test, type AppHandle } from './fixtures.ts';

/** Opens Figure 1 on the Pathways screen and waits for its diagram. */
async function openPathways(app: AppHandle): Promise<Page> {
  const { page } = app;
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Pathways', exact: true })
    .click();
  await expect(page.locator('[data-screen-ready="pathways"]')).toBeVisible();
  await expect(page.locator('.react-flow__node-entity').first()).toBeVisible();
  return page;
}

async function exported(page: Page, button: string): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return download;
}

const bytesOf = async (download: Download): Promise<Buffer> => readFileSync(await download.path());

/** What a drawing shows, read the same way from the screen and from the exported file. */
interface Drawn {
  readonly labels: string[];
  readonly edges: number;
  /** Computed stroke colour and end marker of each drawn stimulation and inhibition line. */
  readonly stim: { stroke: string; marker: string }[];
  readonly inhib: { stroke: string; marker: string }[];
}

async function onScreen(page: Page): Promise<Drawn> {
  return page.getByTestId('pathway-diagram').evaluate((root) => {
    const lines = (tone: string) =>
      [...root.querySelectorAll(`.react-flow__edge-path.pw-tone-${tone}`)].map((path) => ({
        stroke: getComputedStyle(path).stroke,
        marker: (path.getAttribute('marker-end') ?? '').replace(/^url\(#?|\)$/g, ''),
      }));
    return {
      labels: [...root.querySelectorAll('.pw-node-label')].map((el) => el.textContent.trim()),
      edges: root.querySelectorAll('.react-flow__edge').length,
      stim: lines('stim'),
      inhib: lines('inhib'),
    };
  });
}

/** Opens the exported file in a tab of its own, as a browser opens an .svg file. */
async function openFile(context: BrowserContext, file: string): Promise<Page> {
  const tab = await context.newPage();
  await tab.goto(`file://${file}`);
  await expect(tab.locator('svg g.node').first()).toBeAttached();
  return tab;
}

async function inFile(tab: Page, stimColour: string, inhibColour: string): Promise<Drawn> {
  return tab.evaluate(
    ({ stimColour, inhibColour }) => {
      const paths = [...document.querySelectorAll('g.edge > path')];
      const probe = document.createElementNS('http://www.w3.org/2000/svg', 'path');
      document.documentElement.append(probe);
      const computed = (colour: string) => {
        probe.setAttribute('stroke', colour);
        return getComputedStyle(probe).stroke;
      };
      const stim = computed(stimColour);
      const inhib = computed(inhibColour);
      probe.remove();
      const lines = (colour: string) =>
        paths
          .filter((path) => getComputedStyle(path).stroke === colour)
          .map((path) => ({
            stroke: getComputedStyle(path).stroke,
            marker: (path.getAttribute('marker-end') ?? '').replace(/^url\(#?|\)$/g, ''),
          }));
      return {
        labels: [...document.querySelectorAll('g.node > text')].map((text) =>
          [...text.querySelectorAll('tspan')].map((span) => span.textContent).join(' '),
        ),
        edges: document.querySelectorAll('g.edge').length,
        stim: lines(stim),
        inhib: lines(inhib),
      };
    },
    { stimColour, inhibColour },
  );
}

const byMarker = (lines: Drawn['stim']) =>
  lines.map((line) => `${line.stroke} ${line.marker}`).sort();

test('exports Figure 1 as native SVG that draws what the screen draws, and a PNG at 2x', async ({
  app,
  tempDir,
}) => {
  const page = await openPathways(app);
  const origin = new URL(page.url()).origin;
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      foreign.push(url);
  });
  const screen = await onScreen(page);
  const tokens = await page.evaluate(() => {
    const style = getComputedStyle(document.documentElement);
    return {
      stim: style.getPropertyValue('--stim').trim(),
      inhib: style.getPropertyValue('--inhib').trim(),
    };
  });
  const outDir = tempDir('pathway-export');
  const shots = screenshotDir;
  mkdirSync(shots, { recursive: true });

  for (const scheme of ['light', 'dark'] as const) {
    await page.getByLabel('Export colours').selectOption(scheme === 'light' ? 'light' : 'dark');
    const download = await exported(page, 'Export SVG');
    expect(download.suggestedFilename()).toBe('pathwise-D1.svg');
    const svg = (await bytesOf(download)).toString('utf8');
    expect(svg).not.toMatch(/foreignObject/i);
    expect(svg.length).toBeLessThan(40_000);
    const file = path.join(outDir, `pathwise-D1-${scheme}.svg`);
    await download.saveAs(file);

    const tab = await openFile(page.context(), file);
    try {
      // Light is what the app shows here (its tokens, read from the page); dark, the export's.
      const palette = scheme === 'light' ? tokens : palettes.dark;
      const drawn = await inFile(tab, palette.stim, palette.inhib);
      expect(drawn.labels.map((label) => label.replace(/\s+/g, '')).sort()).toEqual(
        screen.labels.map((label) => label.replace(/\s+/g, '')).sort(),
      );
      expect(drawn.edges).toBe(screen.edges);
      expect(drawn.stim.length).toBe(screen.stim.length);
      expect(drawn.inhib.length).toBe(screen.inhib.length);
      expect(drawn.stim.length).toBeGreaterThan(0);
      expect(drawn.inhib.length).toBeGreaterThan(0);
      if (scheme === 'light') {
        // The app shows light here: same colours and same end markers as on screen.
        expect(byMarker(drawn.stim)).toEqual(byMarker(screen.stim));
        expect(byMarker(drawn.inhib)).toEqual(byMarker(screen.inhib));
      }
      for (const line of [...drawn.stim, ...drawn.inhib])
        await expect(tab.locator(`marker#${line.marker}`)).toBeAttached();
      const [, width, height] = /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg) ?? [];
      await tab.setViewportSize({ width: Number(width), height: Number(height) });
      await tab.screenshot({ path: path.join(shots, `pathway-export-svg-${scheme}.png`) });
    } finally {
      await tab.close();
    }
  }

  // PNG: drawn from the SVG in the colours last chosen (dark) at twice its size, not blank.
  const lastSvg = readFileSync(path.join(outDir, 'pathwise-D1-dark.svg'), 'utf8');
  const size = /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(lastSvg);
  const pngDownload = await exported(page, 'Export PNG');
  expect(pngDownload.suggestedFilename()).toBe('pathwise-D1.png');
  const png = await bytesOf(pngDownload);
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(2 * Number(size?.[1]));
  expect(png.readUInt32BE(20)).toBe(2 * Number(size?.[2]));
  const inked = await page.evaluate(
    async (dataUrl) => {
      const image = new Image();
      image.src = dataUrl;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d');
      if (!context) return 0;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let differs = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) differs++;
      }
      return differs / (data.length / 4);
    },
    `data:image/png;base64,${png.toString('base64')}`,
  );
  expect(inked).toBeGreaterThan(0.02);
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved pathwise-D1.png.' }),
  ).toBeVisible();

  // SBGN-ML: activity flow, a glyph per node and compartment, an arc per edge.
  const sbgnDownload = await exported(page, 'Export SBGN-ML');
  expect(sbgnDownload.suggestedFilename()).toBe('pathwise-D1.sbgn');
  const sbgn = (await bytesOf(sbgnDownload)).toString('utf8');
  expect(sbgn).toContain('<sbgn xmlns="http://sbgn.org/libsbgn/0.3">');
  expect(sbgn).toContain('language="activity flow"');
  expect(sbgn.match(/<glyph class="(biological activity|phenotype)"/g)).toHaveLength(
    screen.labels.length,
  );
  expect(sbgn.match(/<arc /g)).toHaveLength(screen.edges);
  expect(foreign).toEqual([]);
});

test('an export in Quiz me keeps the hidden names hidden, as the screen does', async ({ app }) => {
  const page = await openPathways(app);
  await page.getByRole('group', { name: 'Mode' }).getByRole('radio', { name: 'Quiz me' }).check();
  await expect(page.locator('.pw-node-label', { hasText: 'IL-32γ' })).toHaveCount(0);
  const screen = await onScreen(page);
  const svg = (await bytesOf(await exported(page, 'Export SVG'))).toString('utf8');
  expect(svg).not.toContain('IL-32γ');
  expect(svg).not.toContain('miR-29a');
  for (const label of screen.labels) expect(svg).toContain(`>${label}</tspan>`);
  expect(svg.match(/<g class="edge"/g)).toHaveLength(screen.edges);
});
