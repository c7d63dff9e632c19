import type { Page } from '@playwright/test';
import { noPythonReason, python, readApkg, readCsv } from '../support/python-readers.ts';
import { expect, test, type AppHandle } from './fixtures.ts';
import { call, expectNoAxeViolations, openScreen, studyThroughContract } from './study-helpers.ts';

const panel = (page: Page) =>
  page.getByRole('region', { name: 'Use your cards in other apps', exact: true });

/** Clicks an export button with the keyboard and returns the downloaded file's path and name. */
async function exportWith(app: AppHandle, button: string): Promise<{ file: string; name: string }> {
  const { page } = app;
  await panel(page).getByRole('button', { name: button }).focus();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Enter'),
  ]);
  return { file: await download.path(), name: download.suggestedFilename() };
}

test.skip(!python, noPythonReason);

test('Settings exports the cards to Anki with progress, and cards and quiz questions as CSV', async ({
  app,
}) => {
  const { page } = app;
  const studied = await studyThroughContract(app, 4, 'good');
  const next = await call<{ item: { card: { id: string; front: string } } | null }>(
    app,
    'review.next',
  );
  const reported = next.item?.card;
  await call(app, 'report.create', { target: 'card', id: reported?.id, reason: 'unclear' });

  await page.emulateMedia({ colorScheme: 'light' });
  await openScreen(page, 'Settings');
  const exports = panel(page);
  await expect(exports).toBeVisible();
  await expectNoAxeViolations(page, 'settings with exports, light');

  // "Include my progress" is a real checkbox, set from the keyboard.
  const progress = exports.getByRole('checkbox', { name: 'Include my progress' });
  await expect(progress).not.toBeChecked();
  await progress.focus();
  await page.keyboard.press('Space');
  await expect(progress).toBeChecked();

  const apkg = await exportWith(app, 'Export Anki package');
  expect(apkg.name).toMatch(/^pathwise-il32-gamma-cards-with-progress\.apkg$/);
  const collection = readApkg(apkg.file);
  const total = collection.notes.length;
  expect(total).toBeGreaterThan(studied + 1);
  expect(collection.cards).toHaveLength(total);
  await expect(exports.getByRole('status')).toContainText(
    `Saved ${apkg.name}: ${total.toLocaleString('en')} cards, ${studied} with your schedule, 1 suspended, ${studied} answers in the review log`,
  );
  expect(collection.cards.filter((card) => card.type !== 0)).toHaveLength(studied);
  expect(collection.cards.filter((card) => card.queue === -1)).toHaveLength(1);
  expect(collection.revlog.map((entry) => entry.ease)).toEqual(Array(studied).fill(3));
  const suspendedNote = collection.notes.find(
    (note) => note.id === collection.cards.find((card) => card.queue === -1)?.nid,
  );
  expect(suspendedNote?.fields[3]).toBe(reported?.id);

  const tsv = await exportWith(app, 'Export cards (tab-separated)');
  expect(tsv.name).toBe('pathwise-il32-gamma-cards.tsv');
  const rows = readCsv(tsv.file, '\t').rows;
  expect(rows).toHaveLength(total - 1);
  expect(rows.map((row) => row[0])).not.toContain(reported?.front);
  await expect(exports.getByRole('status')).toContainText(`Saved ${tsv.name}`);

  const quiz = await exportWith(app, 'Export quiz questions (CSV)');
  expect(quiz.name).toBe('pathwise-il32-gamma-quiz.csv');
  const quizRows = readCsv(quiz.file, ',');
  expect(quizRows.bom).toBe(true);
  expect(quizRows.rows[0]).toEqual([
    'id',
    'kind',
    'topic',
    'stem',
    'options',
    'key',
    'explanation',
    'citation',
  ]);
  expect(quizRows.rows.length).toBeGreaterThan(1);
  for (const row of quizRows.rows) expect(row).toHaveLength(8);
  await expect(exports.getByRole('status')).toContainText(
    /Saved pathwise-il32-gamma-quiz\.csv: [\d,]+ quiz questions/,
  );
  await exports.scrollIntoViewIfNeeded();
  await app.screenshot('settings-exports-light');

  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'settings with exports, dark');
  await app.screenshot('settings-exports-dark');
});
