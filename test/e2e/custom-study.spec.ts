import type { Page } from '@playwright/test';
import type { CustomSession, CustomStudyOptions } from '../../shared/contract/custom-study.ts';
import type { QueueCounts } from '../../shared/contract/review.ts';
import { expect, test, type AppHandle } from './fixtures.ts';
import {
  call,
  expectNoAxeViolations,
  openScreen,
  reload,
  review,
  screenReady,
  shootAtSize,
  studyThroughContract,
} from './study-helpers.ts';

const card = (page: Page) => page.locator('.fc-card');
/** The choices: "Custom study" where Flashcards offers them, "Choose a session" on their screen. */
const panel = (page: Page) => page.locator('section.cs-panel');
const newCount = (page: Page) =>
  page.getByRole('group', { name: 'Cards left today' }).locator('.fc-count-new dd');

/** Custom study from Home's link, waiting until its choices are shown. */
async function openCustomStudy(page: Page): Promise<void> {
  await openScreen(page, 'Home');
  await page.getByRole('link', { name: 'Custom study' }).click();
  await expect(screenReady(page, 'custom-study')).toBeVisible();
  await expect(panel(page).getByRole('radio').first()).toBeVisible();
}

/** Every studied card's schedule, read through a cram session's cards (which change nothing). */
async function schedules(app: AppHandle, topicId: string) {
  const session = await call<CustomSession>(app, 'custom.start', { kind: 'cram-topic', topicId });
  // A card never studied has no schedule yet (its "due" is now): only that it is still new.
  return session.cards.map(({ card: c, state }) =>
    state.phase === 'new'
      ? { id: c.id, phase: state.phase }
      : {
          id: c.id,
          phase: state.phase,
          due: state.due,
          stability: state.stability,
          difficulty: state.difficulty,
          reps: state.reps,
        },
  );
}

test('extra new cards: today’s limit rises, from the caught-up Flashcards screen', async ({
  app,
}) => {
  const { page } = app;
  await call(app, 'settings.update', { newCardsPerDay: 2 });
  expect(await studyThroughContract(app, 2, 'easy')).toBe(2);
  await reload(page);
  await openScreen(page, 'Flashcards');
  await expect(page.getByRole('region', { name: 'You are caught up' })).toBeVisible();
  const choices = panel(page);
  await choices.getByRole('radio', { name: 'Extra new cards today' }).check();
  await choices.getByLabel('Extra new cards', { exact: true }).fill('3');
  await choices.getByRole('button', { name: 'Add new cards' }).click();
  await expect(card(page)).toHaveAttribute('data-side', 'front');
  await expect(newCount(page)).toHaveText('3');
  await review(page, '4');
  await expect(newCount(page)).toHaveText('2');
  const counts = await call<QueueCounts>(app, 'review.counts');
  expect(counts).toMatchObject({ newTarget: 5, introducedToday: 3, new: 2 });
  // The setting itself is unchanged: the extra is for today only.
  expect(await call(app, 'settings.get')).toMatchObject({ newCardsPerDay: 2 });
});

test('review ahead: cards not yet due, soonest first, answered as real reviews', async ({
  app,
}) => {
  const { page } = app;
  await call(app, 'settings.update', { newCardsPerDay: 3 });
  expect(await studyThroughContract(app, 3, 'easy')).toBe(3);
  const ahead = await call<CustomSession>(app, 'custom.start', { kind: 'review-ahead', days: 60 });
  expect(ahead.cards.length).toBe(3);
  const dues = ahead.cards.map((c) => Date.parse(c.state.due));
  expect(dues).toEqual([...dues].sort((a, b) => a - b));
  const first = ahead.cards[0];
  if (!first) throw new Error('no card ahead');

  await openCustomStudy(page);
  await panel(page).getByRole('radio', { name: 'Review ahead' }).check();
  await panel(page).getByLabel('Days ahead', { exact: true }).fill('60');
  await panel(page).getByRole('button', { name: 'Start' }).click();
  await expect(card(page)).toHaveAttribute('data-card-id', first.card.id);
  await expect(page.getByText(/Review ahead: these cards are not due yet/)).toBeVisible();
  await review(page, '3');
  const after = await call<CustomSession>(app, 'custom.start', { kind: 'review-ahead', days: 60 });
  const moved = after.cards.find((c) => c.card.id === first.card.id);
  // A real review: the card's schedule moved, and today's review count took it.
  expect(moved?.state.reps).toBe(first.state.reps + 1);
  expect(moved?.state.due).not.toBe(first.state.due);
  expect(await call<QueueCounts>(app, 'review.counts')).toMatchObject({ reviewedToday: 1 });
});

test('cram a topic: answers recorded, every card’s schedule untouched', async ({ app }) => {
  const { page } = app;
  await call(app, 'settings.update', { newCardsPerDay: 4 });
  expect(await studyThroughContract(app, 4, 'easy')).toBe(4);
  const options = await call<CustomStudyOptions>(app, 'custom.options');
  const studied = await call<CustomSession>(app, 'custom.start', {
    kind: 'review-ahead',
    days: 365,
  });
  const topicId = studied.cards[0]?.card.topic ?? '';
  const topic = options.topics.find((t) => t.id === topicId);
  if (!topic) throw new Error('no topic for the studied card');
  const before = await schedules(app, topicId);
  const countsBefore = await call<QueueCounts>(app, 'review.counts');
  const totalsBefore = (await call<{ totals: unknown }>(app, 'progress.summary')).totals;

  await openCustomStudy(page);
  await panel(page).getByRole('radio', { name: 'Cram a topic' }).check();
  await panel(page).getByLabel('Topic', { exact: true }).selectOption(topicId);
  await panel(page).getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { name: `Cram: ${topic.title}` })).toBeVisible();
  const firstCard = await card(page).getAttribute('data-card-id');
  await review(page, '1');
  await review(page, '3');
  await review(page, '4');
  // Again sent the first card to the end of the session; ending it leaves the rest.
  await page.getByRole('button', { name: 'End session' }).click();
  await expect(panel(page)).toBeVisible();

  expect(await schedules(app, topicId)).toEqual(before);
  expect(before.some((c) => c.id === firstCard)).toBe(true);
  expect(before.filter((c) => c.phase !== 'new').length).toBeGreaterThan(0);
  expect(await call<QueueCounts>(app, 'review.counts')).toEqual(countsBefore);
  expect((await call<{ totals: unknown }>(app, 'progress.summary')).totals).toEqual(totalsBefore);
});

test('continue studying after the day’s cards offers custom study, not a dead end', async ({
  app,
}) => {
  const { page } = app;
  await call(app, 'settings.update', { newCardsPerDay: 1 });
  await reload(page);
  await openScreen(page, 'Flashcards');
  await review(page, '4');
  const summary = page.getByRole('region', { name: 'Session complete' });
  await expect(summary).toBeVisible();
  await summary.getByRole('button', { name: 'Continue studying' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Nothing more is due today.' }),
  ).toBeVisible();
  await panel(page).getByRole('radio', { name: 'Cram forgotten cards' }).check();
  await panel(page).getByRole('button', { name: 'Start' }).click();
  // Nothing forgotten yet: said so, and the choices stay.
  await expect(page.getByRole('status').filter({ hasText: 'no cards match' })).toBeVisible();
  await panel(page).getByRole('radio', { name: 'Extra new cards today' }).check();
  await panel(page).getByLabel('Extra new cards', { exact: true }).fill('1');
  await panel(page).getByRole('button', { name: 'Add new cards' }).click();
  await expect(card(page)).toHaveAttribute('data-side', 'front');
  await expect(newCount(page)).toHaveText('1');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`custom study choices and a cram session: axe and screenshots (${scheme})`, async ({
    app,
  }) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: scheme });
    await call(app, 'settings.update', { newCardsPerDay: 6 });
    await studyThroughContract(app, 6, 'again');
    await openCustomStudy(page);
    await expectNoAxeViolations(page, 'choices');
    await shootAtSize(app, `custom-study-choices-${scheme}`);
    await panel(page).getByRole('radio', { name: 'Cram forgotten cards' }).check();
    await panel(page).getByRole('button', { name: 'Start' }).click();
    await expect(card(page)).toHaveAttribute('data-side', 'front');
    await page.keyboard.press('Space');
    await expect(card(page)).toHaveAttribute('data-side', 'back');
    await expectNoAxeViolations(page, 'cram');
    await shootAtSize(app, `custom-study-cram-${scheme}`);
  });
}
