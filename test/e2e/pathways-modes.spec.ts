import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { chooseMode, diagram, nodeLabels, openPathways } from './pathways-helpers.ts';
import { expectNoSidewaysScroll, resizeTo, screenSizes, shootAtSize } from './study-helpers.ts';

// The Pathways screen's modes: Step through, Quiz me, Perturb and Mastery; then axe and
// screenshots of every mode. Explore mode: pathways-explore.spec.ts.

test('Step through the IL-32γ cascade to bone formation, narrated', async ({ app }) => {
  const page = await openPathways(app);
  await chooseMode(page, 'Step through');
  await expect(page.getByLabel('Start from')).toHaveValue('il-32-gamma');
  await expect(page.getByLabel('Cascade', { exact: true }).locator('option:checked')).toHaveText(
    'IL-32γ → miR-29a ⊣ DKK-1 ⊣ Osteoblast differentiation → Bone formation',
  );
  const narration = page.getByTestId('step-narration');
  await expect(narration).toHaveAttribute('aria-live', 'polite');
  await expect(narration).toHaveText(/^Step 1 of 5: start at IL-32γ/);
  const next = page.getByRole('button', { name: 'Next' });
  await next.click();
  await expect(narration).toHaveText('Step 2 of 5: IL-32γ increases the level of miR-29a.');
  await next.click();
  await expect(narration).toHaveText('Step 3 of 5: miR-29a decreases the level of DKK-1.');
  await next.click();
  await expect(narration).toHaveText(/DKK-1 inhibits Osteoblast differentiation/);
  const current = diagram(page).locator('.react-flow__edge', {
    has: page.locator('.pw-edge-current'),
  });
  await expect(current).toHaveAttribute(
    'aria-label',
    /DKK-1 inhibits Osteoblast differentiation, current step/,
  );
  await app.screenshot('pathways-step-light-1280');
  await next.click();
  await expect(narration).toContainText('Osteoblast differentiation stimulates Bone formation');
  await expect(narration).toContainText(
    'Read as a whole, IL-32γ promotes Bone formation: 2 negative links in series make a positive effect.',
  );
  await expect(next).toBeDisabled();
  await page.getByRole('button', { name: 'Previous' }).click();
  await expect(narration).toHaveText(/^Step 4 of 5/);
  // The same commands from the keyboard: N next, P previous.
  await page.keyboard.press('n');
  await expect(narration).toHaveText(/^Step 5 of 5/);
  await page.keyboard.press('p');
  await expect(narration).toHaveText(/^Step 4 of 5/);

  // Motion-free: the current link is marked without the moving dashes.
  await page.getByLabel('Motion-free').check();
  await expect(diagram(page).locator('.pw-edge-current')).toHaveCount(0);

  // Play walks to the end by itself.
  await page.getByLabel('Cascade', { exact: true }).selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(narration).toContainText('Bone resorption', { timeout: 30_000 });
  await expect(narration).toContainText('inferred, not stated by a source');
});

test('Quiz me: name the hidden nodes with aliases', async ({ app }) => {
  const page = await openPathways(app);
  await chooseMode(page, 'Quiz me');
  const labels = await nodeLabels(page);
  expect(labels.every((l) => /^\?\d+, in /.test(l))).toBe(true);
  await expect(diagram(page).locator('.pw-node-label', { hasText: 'IL-32γ' })).toHaveCount(0);

  // Node 1 is IL-32γ (pack order); answer with an alias, by keyboard from the diagram.
  await diagram(page)
    .getByRole('button', { name: /^\?1, in extracellular space/ })
    .focus();
  await page.keyboard.press('Enter');
  const answer = page.getByLabel(/^Name node 1/);
  await expect(answer).toBeFocused();
  await answer.fill('interleukin 32 gamma');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Correct' })).toHaveText(
    'Correct: node 1 is IL-32γ.',
  );
  await expect(page.getByTestId('name-score')).toHaveText('1 of 9 named');
  expect(await nodeLabels(page)).toContain('IL-32γ, in extracellular space, named correctly');

  // The next unnamed node is offered; a wrong name is refused.
  const second = page.getByLabel(/^Name node 2/);
  await second.fill('DKK-1');
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Not quite' })).toBeVisible();
  await second.fill('microRNA-29a');
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('name-score')).toHaveText('2 of 9 named');
  await app.screenshot('pathways-quiz-names-light-1280');
});

test('Quiz me: build the pathway with signed links, graded', async ({ app }) => {
  const page = await openPathways(app);
  await chooseMode(page, 'Quiz me');
  await page.getByRole('radio', { name: 'Build the pathway' }).check();
  await expect(diagram(page).locator('.react-flow__edge')).toHaveCount(0);

  const addLink = async (from: string, effect: string, to: string) => {
    await page.getByLabel('From', { exact: true }).selectOption({ label: from });
    await page.getByRole('radio', { name: effect }).check();
    await page.getByLabel('To', { exact: true }).selectOption({ label: to });
    await page.getByRole('button', { name: 'Add link' }).click();
  };
  await addLink('IL-32γ', 'Activates or raises (→)', 'miR-29a'); // correct
  await addLink('miR-29a', 'Activates or raises (→)', 'DKK-1'); // wrong sign
  await addLink('DKK-1', 'Inhibits or lowers (⊣)', 'Osteoblast differentiation'); // correct
  await addLink('Bone formation', 'Activates or raises (→)', 'Osteoblast differentiation'); // backwards
  await addLink('Wnt signalling', 'Activates or raises (→)', 'Osteoblast differentiation'); // inferred, optional
  await expect(diagram(page).locator('.react-flow__edge')).toHaveCount(5);

  await page.getByRole('button', { name: 'Check my pathway' }).click();
  const grade = page.getByTestId('build-grade');
  await expect(grade.getByRole('heading', { level: 3 })).toHaveText('2 of 7 links right');
  await expect(grade).toContainText('Wrong sign (1)');
  await expect(grade).toContainText('in fact: miR-29a decreases the level of DKK-1');
  await expect(grade).toContainText('Missing (4)');
  await expect(grade).toContainText('Not on this diagram (1)');
  await expect(grade).toContainText(
    'backwards: Osteoblast differentiation stimulates Bone formation',
  );
  await expect(grade).toContainText('Inferred links you found (optional) (1)');
  await expect(
    diagram(page).getByRole('group', { name: 'miR-29a activates or raises DKK-1, wrong sign' }),
  ).toBeVisible();
  await app.screenshot('pathways-quiz-build-light-1280');
});

test('Perturb: raising or blocking IL-32γ moves DKK-1 and osteoblast differentiation', async ({
  app,
}) => {
  const page = await openPathways(app);
  await chooseMode(page, 'Perturb');
  await expect(page.getByLabel('Node', { exact: true })).toHaveValue('il-32-gamma');
  await page.getByRole('radio', { name: 'Raise' }).check();
  const changes = page.getByTestId('perturb-changes');
  await expect(changes).toContainText('DKK-1 falls');
  await expect(changes).toContainText('Osteoblast differentiation rises');
  await expect(changes).toContainText('IL-32γ → miR-29a ⊣ DKK-1');
  await expect(changes).toContainText('F100');
  const labels = await nodeLabels(page);
  expect(labels).toContain('IL-32γ, in extracellular space, perturbed: raised');
  expect(labels).toContain('DKK-1, in osteoblast lineage, predicted: falls');
  expect(labels).toContain('Osteoblast differentiation, in osteoblast lineage, predicted: rises');
  await app.screenshot('pathways-perturb-raise-light-1280');

  await page.getByRole('radio', { name: 'Block' }).check();
  await expect(changes).toContainText('DKK-1 rises');
  await expect(changes).toContainText('Osteoblast differentiation falls');
  await expect(changes).toContainText('Bone resorption falls');
  expect(await nodeLabels(page)).toContain('IL-32γ, in extracellular space, perturbed: blocked');

  // Enter on a node perturbs it instead.
  await diagram(page)
    .getByRole('button', { name: /^DKK-1, in osteoblast lineage/ })
    .focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Node', { exact: true })).toHaveValue('dkk-1');
  await expect(changes).toContainText('Wnt signalling rises');
  await expectNoAxeViolations(page);
});

test('Mastery colours nodes from progress.mastery, with the value written on each', async ({
  app,
}) => {
  // Study the Figure 1 facts first, through the contract, so some nodes have real mastery.
  const { origin, token } = app.preview();
  const call = async (channel: string, body?: unknown) => {
    const response = await fetch(`${origin}/ipc/${channel}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? '' : JSON.stringify(body),
    });
    const answer = (await response.json()) as { ok: boolean; value: Record<string, unknown> };
    expect(answer.ok).toBe(true);
    return answer.value;
  };
  for (let i = 0; i < 25; i++) {
    const next = (await call('review.next')) as {
      item: { card: { id: string }; stateVersion: string } | null;
    };
    if (!next.item) break;
    await call('review.answer', {
      cardId: next.item.card.id,
      rating: 'good',
      durationMs: 2000,
      expectedVersion: next.item.stateVersion,
    });
  }

  const page = await openPathways(app);
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(`${origin}/ipc/progress.mastery`))
      asked.push(request.postData() ?? '');
  });
  await chooseMode(page, 'Mastery');
  await expect(page.getByRole('heading', { name: 'Weakest first' })).toBeVisible();
  expect(asked).toEqual(['{"pathwayId":"D1"}']);
  // Every node states its mastery in words, not only by colour: a percentage and the evidence it
  // rests on, or that nothing tests it yet.
  const labels = await nodeLabels(page);
  expect(labels).toHaveLength(9);
  for (const label of labels)
    expect(label).toMatch(/, mastery(: nothing tests it yet| \d+ %, from .+)$/);
  expect(labels.some((label) => /mastery \d+ %, from \d+ cards?$/.test(label))).toBe(true);
  await expect(page.locator('.pw-mastery-list li')).toHaveCount(9);
  await expect(page.getByRole('region', { name: 'Legend' })).toContainText('Mastery 80 % or more');
  await app.screenshot('pathways-mastery-studied');
  await expectNoAxeViolations(page);
});

// One test per mode and scheme: each axe run over a diagram takes seconds on a loaded machine.
const axeModeSetups: Record<string, (page: Page) => Promise<void>> = {
  "explore, a node's details and the text version": async (page) => {
    await expectNoAxeViolations(page);
    // A node in view when the diagram opens at 1280×800 (DKK-1 lies under the side panel there).
    await diagram(page).getByRole('button', { name: 'IL-32γ, in extracellular space' }).click();
    await expect(page.locator('.pw-details h2')).toHaveText('IL-32γ');
    await page.getByRole('button', { name: 'Text version' }).click();
  },
  'step through': async (page) => {
    await chooseMode(page, 'Step through');
    await page.getByRole('button', { name: 'Next' }).click();
  },
  'quiz me, and a checked pathway build': async (page) => {
    await chooseMode(page, 'Quiz me');
    await expectNoAxeViolations(page);
    await page.getByRole('radio', { name: 'Build the pathway' }).check();
    await page.getByRole('button', { name: 'Add link' }).click();
    await page.getByRole('button', { name: 'Check my pathway' }).click();
  },
};

for (const scheme of ['light', 'dark'] as const) {
  for (const [mode, setUp] of Object.entries(axeModeSetups)) {
    test(`axe finds no WCAG 2.2 AA violation: ${mode} (${scheme})`, async ({ app }) => {
      await app.page.emulateMedia({ colorScheme: scheme });
      const page = await openPathways(app);
      await setUp(page);
      await expectNoAxeViolations(page);
    });
  }
}

test('axe passes and nothing moves with reduced motion', async ({ app }) => {
  await app.page.emulateMedia({ reducedMotion: 'reduce' });
  const page = await openPathways(app);
  await chooseMode(page, 'Step through');
  await expect(page.getByLabel('Motion-free')).toBeChecked();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(diagram(page).locator('.pw-edge-current')).toHaveCount(0);
  await expect(diagram(page).locator('.pw-edge-active')).toHaveCount(1);
  await expectNoAxeViolations(page);
});

/** Puts the screen in a mode, in a state worth a picture. */
const modeSetups: Record<string, (page: Page) => Promise<void>> = {
  explore: (page) => chooseMode(page, 'Explore'),
  step: async (page) => {
    await chooseMode(page, 'Step through');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
  },
  quiz: (page) => chooseMode(page, 'Quiz me'),
  perturb: (page) => chooseMode(page, 'Perturb'),
  mastery: async (page) => {
    await chooseMode(page, 'Mastery');
    await expect(page.getByRole('heading', { name: 'Weakest first' })).toBeVisible();
  },
};

for (const [mode, setUp] of Object.entries(modeSetups)) {
  for (const scheme of ['light', 'dark'] as const) {
    for (const size of screenSizes) {
      test(`screenshot: ${mode} mode (${scheme}, ${size.width}×${size.height})`, async ({
        app,
      }) => {
        await app.page.emulateMedia({ colorScheme: scheme });
        await resizeTo(app.page, size);
        const page = await openPathways(app);
        await setUp(page);
        await shootAtSize(app, `pathways-${mode}-${scheme}`);
      });
    }
  }
}

test('screenshot at 200 % text, 1024×700: nothing scrolls sideways', async ({ app }) => {
  const page = await openPathways(app);
  await chooseMode(page, 'Explore');
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  await resizeTo(page, { width: 1024, height: 700 });
  await app.screenshot('pathways-explore-text200-1024');
  await expectNoSidewaysScroll(page);
});
