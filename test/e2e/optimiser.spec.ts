import path from 'node:path';
import type { Page } from '@playwright/test';
import { loadPackFolder } from '../../services/packs/pack-folder.ts';
import type { ReviewEvent } from '../../services/storage/review-events.ts';
import type { OptimiserStatus } from '../../shared/contract/optimiser.ts';
import { generateBank } from '../../shared/engine/bank.ts';
import { defaultWeights } from '../../shared/engine/scheduler.ts';
import { forgetfulLearnerEvents } from '../support/simulated-learner.ts';
import { expectNoAxeViolations } from './axe.ts';
import { expect, test, type AppHandle } from './fixtures.ts';
import { call, openScreen } from './study-helpers.ts';

// Settings › Optimise, on a learner's log seeded the way a learner brings one in: a progress file
// imported in Settings. Over a year, the learner forgets the bundled pack's cards much faster than
// FSRS's defaults expect (simulated-learner.ts): the fit must predict them better.

const loaded = loadPackFolder(path.resolve('assets/packs/il32-gamma'));
if (!loaded.ok) throw new Error('The bundled pack does not load.');
const cardIds = generateBank(loaded.pack, { seed: 'e2e' }).cards.map((card) => card.id);
const dayMs = 86_400_000;

const iso = (at: number) => new Date(at).toISOString();
const documentEvent = (event: ReviewEvent) => ({
  ...event,
  occurredAt: iso(event.occurredAt),
  dueAfter: iso(event.dueAfter),
  recordedAt: iso(event.recordedAt),
});

function seededProgressFile(): Buffer {
  const days = 365;
  const start = Date.now() - days * dayMs - 3_600_000;
  const events = forgetfulLearnerEvents({
    cardIds,
    start,
    days,
    deviceId: 'seeded-device',
    seed: 7,
  });
  const document = {
    format: 'pathwise-progress',
    version: 1,
    exportedAt: iso(Date.now()),
    deviceId: 'seeded-device',
    events: events.map(documentEvent),
    quizSessions: [],
    quizAnswers: [],
    studySessions: [],
    settings: [],
  };
  return Buffer.from(JSON.stringify(document));
}

const panel = (page: Page) =>
  page.getByRole('region', { name: 'Scheduling fitted to you', exact: true });

async function importSeededLog(page: Page): Promise<void> {
  await openScreen(page, 'Settings');
  await page.getByLabel('Choose a progress file to import').setInputFiles({
    name: 'seeded-progress.json',
    mimeType: 'application/json',
    buffer: seededProgressFile(),
  });
  await expect(page.getByRole('region', { name: 'Your progress', exact: true })).toContainText(
    /Added [\d,]+ review events/,
  );
}

/** Optimises and waits for the figures of both parameter sets. */
async function optimise(page: Page): Promise<void> {
  await panel(page).getByRole('button', { name: 'Optimise' }).click();
  await expect(panel(page).getByRole('table')).toBeVisible();
}

const status = (app: AppHandle) => call<OptimiserStatus>(app, 'optimiser.status');

test('optimise a seeded log: both figures shown, applied parameters change, undo restores the defaults', async ({
  app,
}) => {
  const { page } = app;
  await importSeededLog(page);
  await expect(panel(page).getByTestId('optimiser-in-use')).toHaveText(
    'In use: the FSRS defaults.',
  );
  await optimise(page);
  const region = panel(page);
  for (const figure of ['logloss-current', 'logloss-fitted', 'rmse-current', 'rmse-fitted']) {
    await expect(region.getByTestId(`optimiser-${figure}`)).toHaveText(/^\d+\.\d+( %)?$/);
  }
  await expect(region.getByTestId('optimiser-used')).toHaveText(
    new RegExp(
      `^Used: [\\d,]+ reviews made a day or more after the card’s previous one, of ${cardIds.length} cards\\.$`,
    ),
  );
  const fitted = (await status(app)).run;
  if (fitted.state !== 'fitted') throw new Error(`expected a fit, got ${fitted.state}`);
  expect(fitted.better).toBe(true);
  expect(fitted.fitted.logLoss).toBeLessThan(fitted.current.logLoss);
  await expectNoAxeViolations(page, 'settings, optimiser result');

  await region.getByRole('button', { name: 'Apply' }).click();
  await expect(region).toContainText('Applied: your next answers are scheduled with them.');
  await expect(region.getByTestId('optimiser-in-use')).toContainText(
    'In use: parameters fitted to your reviews',
  );
  const applied = await status(app);
  expect(applied.inUse.source).toBe('fitted');
  expect(applied.inUse.weights).toEqual(fitted.weights);
  expect(applied.inUse.weights).not.toEqual(defaultWeights);
  await app.screenshot('settings-optimiser-applied-light');

  await region.getByRole('button', { name: 'Undo: back to the previous parameters' }).click();
  await expect(region.getByTestId('optimiser-in-use')).toHaveText('In use: the FSRS defaults.');
  const undone = await status(app);
  expect(undone.inUse).toMatchObject({ source: 'default', weights: defaultWeights });
  // The fit is still there to apply again.
  await expect(region.getByRole('button', { name: 'Apply' })).toBeVisible();
});

test('dark: the optimiser result is readable and passes axe', async ({ app }) => {
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'dark' });
  await importSeededLog(page);
  await optimise(page);
  await expectNoAxeViolations(page, 'settings, optimiser result, dark');
  await panel(page).scrollIntoViewIfNeeded();
  await app.screenshot('settings-optimiser-dark');
});

test('with too little history, Optimise says so and states the threshold', async ({ app }) => {
  const { page } = app;
  await openScreen(page, 'Settings');
  await panel(page).getByRole('button', { name: 'Optimise' }).click();
  await expect(panel(page).getByTestId('optimiser-too-little')).toContainText(
    'Too little history to optimise yet: 0 reviews made a day or more after the card’s previous one, of the 400 needed.',
  );
  await expect(panel(page).getByRole('button', { name: 'Apply' })).toHaveCount(0);
});
