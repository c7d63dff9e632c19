import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { readPdf, type PdfPage } from '../support/pdf-text.ts';
import { expectNoAxeViolations } from './axe.ts';
import { expect, screenshotDir, test } from './fixtures.ts';
import { expectNoSidewaysScroll, resizeTo } from './study-helpers.ts';

// Each printed document is rendered to PDF by Chromium (page.pdf uses the print stylesheet and
// the page sizes its @page rules ask for), then read back with an independent reader
// (test/support/pdf-text.ts): the pages, their sizes and the text on each. The page must show,
// under print media, the document and nothing of the app around it.

const screenReady = (page: Page) => page.locator('[data-screen-ready="print"]');
const documentReady = (page: Page, kind: string) =>
  page.locator(`[data-print-document="${kind}"] [data-print-ready]`);

/** Text as the PDF and the page both have it, minus spacing, which each lays out its own way. */
const flat = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

async function openPrint(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Print' }).click();
  await expect(page).toHaveTitle(/^Print · Pathwise/);
  await expect(screenReady(page)).toBeVisible();
}

async function show(page: Page, document: 'Practice exam' | 'Card sheets' | 'Pathway figures') {
  await page.getByRole('radio', { name: document }).check();
  await page.getByRole('button', { name: 'Show the document' }).click();
}

async function printToPdf(page: Page): Promise<PdfPage[]> {
  return readPdf(await page.pdf({ preferCSSPageSize: true }));
}

/** The pages on which every one of the fragments appears; empty when none holds them all. */
function pagesHolding(pages: readonly PdfPage[], fragments: readonly string[]): number[] {
  const wanted = fragments.map(flat).filter((f) => f.length > 0);
  return pages.flatMap((page, i) => {
    const text = flat(page.text);
    return wanted.every((f) => text.includes(f)) ? [i] : [];
  });
}

const portraitA4 = { width: 595, height: 842 };
const landscapeA4 = { width: 842, height: 595 };
function expectSize(page: PdfPage, size: { width: number; height: number }) {
  expect(Math.abs(page.width - size.width)).toBeLessThan(2);
  expect(Math.abs(page.height - size.height)).toBeLessThan(2);
}

/** The top of the document as printed (print media emulated), for a person to look at. */
async function shootPrintPreview(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({
    path: path.join(screenshotDir, `${name}.png`),
    clip: { x: 0, y: 0, width: 1100, height: 1500 },
  });
}

/** Under print media only the document shows: no navigation, form or buttons. */
async function expectOnlyTheDocument(page: Page, kind: string): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.locator('.print-controls')).toBeHidden();
  await expect(page.getByRole('button', { name: /Print/ })).toBeHidden();
  await expect(page.locator(`[data-print-document="${kind}"]`)).toBeVisible();
  const colours = await page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return [style.backgroundColor, style.color];
  });
  expect(colours).toEqual(['rgb(255, 255, 255)', 'rgb(0, 0, 0)']);
}

test('the Print screen is reached from the navigation, works by keyboard and is axe-clean in light and dark', async ({
  app,
}) => {
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'light' });
  await openPrint(page);
  const exam = page.getByRole('radio', { name: 'Practice exam' });
  await expect(exam).toBeChecked();
  await exam.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Card sheets' })).toBeChecked();
  await page.getByRole('checkbox', { name: 'IL-32 isoforms' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'IL-32 isoforms' })).toBeChecked();
  await page.getByRole('button', { name: 'Show the document' }).focus();
  await page.keyboard.press('Enter');
  await expect(documentReady(page, 'cards')).toBeVisible();
  await expect(page.locator('.print-topic')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Print or save as PDF…' })).toBeFocused();

  // The browser's print dialog prints and saves PDFs: the one button opens it.
  await page.evaluate(() => {
    window.addEventListener('beforeprint', () => document.body.setAttribute('data-printed', ''));
  });
  await page.getByRole('button', { name: 'Print or save as PDF…' }).click();
  await expect(page.locator('body[data-printed]')).toBeAttached();

  await expectNoAxeViolations(page, 'print screen, light');
  await app.screenshot('print-screen-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'print screen, dark');
  await app.screenshot('print-screen-dark');
});

test('at 200 % text and 1024×700 the screen and its paper preview never scroll sideways', async ({
  app,
}) => {
  const { page } = app;
  await openPrint(page);
  // Ten questions show every part of the layout; a full exam made axe use a third of the timeout.
  await page.getByRole('spinbutton', { name: 'Number of questions' }).fill('10');
  await show(page, 'Practice exam');
  await expect(documentReady(page, 'exam')).toBeVisible();
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  await resizeTo(page, { width: 1024, height: 700 });
  await app.screenshot('print-exam-text200-1024');
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page, 'print screen, 200 % text');
});

test('a practice exam prints with numbered questions, lettered options, none split, and the key on later pages', async ({
  app,
}) => {
  const { page } = app;
  await openPrint(page);
  await page.getByRole('spinbutton', { name: 'Number of questions' }).fill('12');
  await page.getByRole('spinbutton', { name: 'Seed' }).fill('4242');
  await show(page, 'Practice exam');
  await expect(documentReady(page, 'exam')).toBeVisible();
  const questions = page.locator('.print-question');
  await expect(questions).toHaveCount(12);
  await expect(page.locator('.print-key-entry')).toHaveCount(12);

  // What each question shows, read from the page: its head, its prompt around any blank, its options.
  const shown = await questions.evaluateAll((items) =>
    items.map((item) => ({
      head: (item.querySelector('.print-question-head') as HTMLElement).innerText,
      prompt: (item.querySelector('.qz-prompt') as HTMLElement).innerText,
      options: [...item.querySelectorAll('.print-options li')].map(
        (li) => (li as HTMLElement).innerText,
      ),
    })),
  );
  shown.forEach((q, i) => expect(q.head).toMatch(new RegExp(`^${i + 1}\\.`)));
  const lettered = shown.find((q) => q.options.length > 0);
  expect(lettered?.options.map((o) => o.slice(0, 2))).toEqual(
    ['A.', 'B.', 'C.', 'D.', 'E.'].slice(0, lettered?.options.length),
  );
  const keys = await page.locator('.print-key-answer').allInnerTexts();

  await expectOnlyTheDocument(page, 'exam');
  const pages = await printToPdf(page);
  expect(pages.length).toBeGreaterThanOrEqual(3);
  expect(pages.length).toBeLessThanOrEqual(30);
  for (const p of pages) expectSize(p, portraitA4);

  const pageOf = shown.map((q, i) => {
    const holding = pagesHolding(pages, [q.head, ...q.prompt.split(/blank/), ...q.options]);
    expect(holding, `question ${i + 1} on one page`).not.toEqual([]);
    return holding[0] ?? -1;
  });
  expect(pageOf).toEqual([...pageOf].sort((a, b) => a - b));
  const keyPage = pagesHolding(pages, ['Answer key'])[0] ?? -1;
  // The key starts on a page of its own, after the last question.
  expect(keyPage).toBeGreaterThan(pageOf.at(-1) ?? Infinity);
  expect(flat(pages[keyPage]?.text ?? '').startsWith(flat('Answer key'))).toBe(true);
  for (const key of keys) expect(pagesHolding(pages, [key]), key).not.toEqual([]);
  await shootPrintPreview(page, 'print-exam-preview');
  const drawn = page.locator('.print-question:has(.qz-diagram)');
  if ((await drawn.count()) > 0)
    await drawn.first().screenshot({ path: path.join(screenshotDir, 'print-exam-diagram.png') });
});

test('card sheets print every card of each topic, front and back together, a topic to a page', async ({
  app,
}) => {
  const { page } = app;
  await openPrint(page);
  await show(page, 'Card sheets');
  await expect(documentReady(page, 'cards')).toBeVisible();
  const topics = await page.locator('.print-topic h2').allInnerTexts();
  expect(topics.length).toBeGreaterThan(1);
  const cards = await page.locator('.print-card').evaluateAll((items) =>
    items.map((item) => {
      const sides = item.querySelectorAll('.print-card-side');
      return {
        front: (sides[0]?.querySelector('.qz-prompt') as HTMLElement).innerText,
        back: (sides[1] as HTMLElement).innerText.replace(/^Back\s*/, ''),
      };
    }),
  );
  expect(cards.length).toBeGreaterThan(topics.length);

  await expectOnlyTheDocument(page, 'cards');
  const pages = await printToPdf(page);
  expect(pages.length).toBeGreaterThanOrEqual(topics.length);
  expect(pages.length).toBeLessThanOrEqual(cards.length);
  for (const p of pages) expectSize(p, portraitA4);
  // Each topic starts a page.
  const starts = topics.map((title) =>
    pages.findIndex((p) => flat(p.text).startsWith(flat(title))),
  );
  expect(starts).not.toContain(-1);
  expect(starts).toEqual([...starts].sort((a, b) => a - b));
  for (const card of cards) {
    const holding = pagesHolding(pages, [...card.front.split(/blank/), card.back]);
    expect(holding, `${card.front} on one page with its back`).not.toEqual([]);
  }
  await shootPrintPreview(page, 'print-cards-preview');
});

test('pathway figures print each pathway on a landscape page of its own, with its legend', async ({
  app,
}) => {
  const { page } = app;
  await openPrint(page);
  await show(page, 'Pathway figures');
  await expect(documentReady(page, 'pathways')).toBeVisible();
  const sections = page.locator('.print-pathway');
  const count = await sections.count();
  expect(count).toBeGreaterThan(1);
  for (let i = 0; i < count; i++) {
    await expect(sections.nth(i).locator('.react-flow__edge').first()).toBeAttached();
  }
  const figures = await sections.evaluateAll((items) =>
    items.map((item) => ({
      title: (item.querySelector('h2') as HTMLElement).innerText,
      nodes: [...item.querySelectorAll('.react-flow__node-entity')].map(
        (node) => (node as HTMLElement).innerText,
      ),
    })),
  );
  await expectOnlyTheDocument(page, 'pathways');
  await expect(page.locator('.react-flow__controls')).toHaveCount(0);
  const pages = await printToPdf(page);
  expect(pages).toHaveLength(count);
  pages.forEach((p, i) => {
    expectSize(p, landscapeA4);
    const figure = figures[i];
    expect(flat(p.text).startsWith(flat(figure?.title ?? '?'))).toBe(true);
    expect(pagesHolding([p], ['Legend', 'Corner mark', ...(figure?.nodes ?? [])])).toEqual([0]);
  });
  await shootPrintPreview(page, 'print-pathways-preview');
});
