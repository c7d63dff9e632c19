import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { diagram, nodeLabels, openPathways } from './pathways-helpers.ts';

// The Pathways screen in Explore mode: every node and edge named and focusable, details on Enter,
// panels and deep links, the text version, and a layout computed in a Web Worker. The other
// modes, axe and screenshots: pathways-modes.spec.ts.

test('Figure 1 comes first; every node and edge can take focus and has a name', async ({ app }) => {
  const page = await openPathways(app);
  await expect(page).toHaveTitle(/Pathways · Pathwise/);
  const picker = page.getByLabel('Diagram', { exact: true });
  await expect(picker).toHaveValue('D1');
  await expect(picker.locator('option:checked')).toHaveText(/^Figure 1 · /);
  const names = await nodeLabels(page);
  expect(names).toHaveLength(9);
  expect(names).toContain('IL-32γ, in extracellular space');
  expect(names).toContain('Bone formation, in bone tissue');

  // Every node and edge can take focus (one of them is the diagram's Tab stop; the arrows move
  // between nodes, pathways-view.spec.ts) and has a name.
  const focused = new Set<string>();
  for (const element of await diagram(page)
    .locator('.react-flow__node-entity, .react-flow__edge')
    .all()) {
    await element.focus();
    const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    if (label) focused.add(label);
  }
  for (const name of names) expect(focused).toContain(name);
  expect(focused).toContain('IL-32γ increases the level of miR-29a');
  expect(focused).toContain('DKK-1 inhibits Osteoblast differentiation');
  expect(focused).toContain(
    'Wnt signalling stimulates Osteoblast differentiation, inferred, not stated by a source',
  );
  await expect(page.getByRole('button', { name: 'Zoom in' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Fit', exact: true })).toBeVisible();
});

test('Enter on a node or an edge opens its facts, sources and teaching points', async ({ app }) => {
  const page = await openPathways(app);
  await diagram(page).getByRole('button', { name: 'DKK-1, in osteoblast lineage' }).focus();
  await page.keyboard.press('Enter');
  const details = page.locator('.pw-details');
  await expect(details.getByRole('heading', { level: 2 })).toHaveText('DKK-1');
  await expect(details).toContainText('miR-29a decreases the level of DKK-1');
  await expect(details.locator('.pw-fact-id', { hasText: 'F100' })).toBeVisible();
  await expect(details.locator('.badge', { hasText: 'Review' }).first()).toBeVisible();
  await expect(details).toContainText('Lee E-J et al. 2017');
  await expect(page).toHaveURL(/#\/pathways\/D1\?node=dkk-1$/);
  // The flashcards generated from those facts.
  const cards = details.getByTestId('cards-testing');
  await cards.locator('summary').click();
  await expect(cards.locator('summary')).toHaveText(/^Cards that test these facts \(\d+\)$/);
  await expect(cards).toContainText('miR-29a is the microRNA that targets _____');

  // An inferred edge explains its inference.
  await details.getByRole('button', { name: 'DKK-1 inhibits Wnt signalling' }).click();
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(
    'DKK-1 inhibits Wnt signalling',
  );
  await diagram(page)
    .getByRole('group', { name: /^Wnt signalling stimulates Osteoblast differentiation/ })
    .focus();
  await page.keyboard.press('Enter');
  await expect(details).toContainText('Inferred, not stated by a source');
  await expect(details).toContainText('(I5)');
  await expect(page).toHaveURL(/edge=wnt-signalling-to-osteoblast-differentiation/);
  await app.screenshot('pathways-details-edge-light-1280');
});

test('a click on a node that wobbles by a pixel or two still selects it', async ({ app }) => {
  const page = await openPathways(app);
  const node = diagram(page).getByRole('button', { name: 'IL-32γ, in extracellular space' });
  const box = await node.boundingBox();
  if (!box) throw new Error('IL-32γ is not drawn');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 2, y + 1);
  await page.mouse.up();
  await expect(page.locator('.pw-details h2')).toHaveText('IL-32γ');
  await expect(page).toHaveURL(/#\/pathways\/D1\?node=il-32-gamma$/);
});

test('D2: switching panels shows only that context; deep links pick the panel', async ({ app }) => {
  const page = await openPathways(app);
  await page.getByLabel('Diagram', { exact: true }).selectOption('D2');
  const panels = page.getByRole('group', { name: 'Panel' });
  await expect(panels.getByRole('radio', { name: 'Normal spine' })).toBeChecked();
  await expect.poll(() => nodeLabels(page)).toHaveLength(5);
  expect(await nodeLabels(page)).toContain('Osteoblast, in osteoblast lineage');

  await panels.getByRole('radio', { name: 'Ankylosing spondylitis' }).check();
  await expect.poll(() => nodeLabels(page)).toHaveLength(8);
  const as = await nodeLabels(page);
  expect(as).toContain('IL-32γ (local), in spinal joint, raised');
  expect(as).toContain('DKK-1, in synovium, lowered');
  expect(as).not.toContain('Osteoblast, in osteoblast lineage');
  await expect(page).toHaveURL(/#\/pathways\/D2\?context=as-local$/);
  await app.screenshot('pathways-d2-as-light-1280');

  // A "show in pathway" link from another screen: a node only drawn in the AS panel.
  await openPathways(app, '#/pathways?node=ankylosis');
  await expect(page.getByLabel('Diagram', { exact: true })).toHaveValue('D2');
  await expect(panels.getByRole('radio', { name: 'Ankylosing spondylitis' })).toBeChecked();
  await expect(page.locator('.pw-details h2')).toHaveText('Abnormal new bone (ankylosis)');
  await expect(page.getByRole('status').filter({ hasText: 'Details below' })).toHaveText(
    'Details below: Abnormal new bone (ankylosis)',
  );

  await openPathways(app, '#/pathways/D3?fact=F124');
  await expect(
    page.getByRole('group', { name: 'Panel' }).getByRole('radio', { name: 'Bone marrow' }),
  ).toBeChecked();
  await expect(page.locator('.pw-details h2')).toHaveText('Fact F124 on this diagram');
});

test('the text version lists every link as a sentence', async ({ app }) => {
  const page = await openPathways(app);
  await page.getByRole('button', { name: 'Text version' }).click();
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(10);
  await expect(table).toContainText('IL-32γ increases the level of miR-29a.');
  await expect(table).toContainText('Inferred (I6)');
});

test('a pack without layout.json is laid out in a Web Worker under the strict CSP', async ({
  app,
}) => {
  const { origin, token } = app.preview();
  const dir = path.resolve('assets/packs/il32-gamma');
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'layout.json'))
    files[name] = readFileSync(path.join(dir, name), 'utf8');
  const manifest = JSON.parse(files['manifest.json'] ?? '{}') as Record<string, unknown>;
  files['manifest.json'] = JSON.stringify({ ...manifest, id: 'no-layout-copy' });
  const response = await app.page.request.post(`${origin}/ipc/pack.import`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { files },
  });
  expect((await response.json()) as unknown).toMatchObject({ ok: true });

  const violations: string[] = [];
  app.page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
  });
  const workers: string[] = [];
  app.page.on('worker', (worker) => workers.push(worker.url()));
  const page = await openPathways(app, '#/pathways/D2?pack=no-layout-copy&context=as-local');
  await expect.poll(() => nodeLabels(page)).toHaveLength(8);
  expect(workers.some((url) => /layout\.worker/.test(url))).toBe(true);
  expect(violations).toEqual([]);
});
