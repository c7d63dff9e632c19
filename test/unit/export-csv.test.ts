import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileExporter } from '../../services/service-registry.ts';
import { quizCsvColumns } from '../../services/export/csv-export.ts';
import { exportFile } from '../../services/export/export-file.ts';
import { exportSourceOf, type ExportSource } from '../../services/export/export-source.ts';
import type { ExportedFile } from '../../shared/contract/export.ts';
import type { QuizItem, StudyCard } from '../../shared/engine/types.ts';
import { noPythonReason, python, readCsv } from '../support/python-readers.ts';
import { tempDir } from '../support/test-scope.ts';
import { openTestServices } from '../support/test-services.ts';

function save(file: ExportedFile): string {
  const where = path.join(tempDir('csv'), file.fileName);
  writeFileSync(where, Buffer.from(file.base64, 'base64'));
  return where;
}

const awkward = [
  'comma, inside',
  'a "quoted" word',
  'tab\there',
  'line one\nline two',
  'windows\r\nbreak',
  ' leading and trailing ',
  'IL-32γ → TNF-α; ≥ 2 × “curly”',
  '',
];

/** The bundled pack's bank with every awkward text put into cards and quiz items. */
function awkwardSource(services: ReturnType<typeof openTestServices>): ExportSource {
  const base = exportSourceOf({
    pack: services.packs.get(),
    cards: services.bank.cards,
    quiz: services.bank.quiz,
    hidden: { cards: new Set(), quizItems: new Set() },
    desiredRetention: 0.9,
  });
  const cards: StudyCard[] = awkward.map((text, index) => {
    const card = services.bank.cards[index] as StudyCard;
    return { ...card, front: `${text} (front)`, back: text };
  });
  const mcq = services.bank.quiz.find((item) => item.kind === 'mcq');
  if (mcq?.kind !== 'mcq') throw new Error('The bundled bank has no MCQ.');
  const quiz: QuizItem[] = awkward.map((text, index) => ({
    ...mcq,
    id: `mcq:awkward-${index}`,
    prompt: `${text}?`,
    explanation: text,
    options: mcq.options.map((option) => ({ ...option, text: `${option.text} ${text}` })),
  }));
  return { ...base, cards, quiz };
}

describe.skipIf(!python)(`CSV exports (${python ? 'read by Python' : noPythonReason})`, () => {
  it('cards round-trip as tab-separated front, back, tags, whatever the text holds', () => {
    const services = openTestServices();
    const source = awkwardSource(services);
    const file = exportFile({ format: 'cards-csv', includeProgress: false }, source, undefined, 0);
    const { rows, bom } = readCsv(save(file), '\t');
    expect(bom).toBe(false);
    expect(rows.map((row) => row.slice(0, 2))).toEqual(
      source.cards.map((card) => [card.front, card.back]),
    );
    rows.forEach((row, index) => {
      const card = source.cards[index];
      expect(row[2]?.split(' ').slice(0, 2)).toEqual([
        `Pathwise::topic::${card?.topic}`,
        `Pathwise::kind::${card?.kind}`,
      ]);
    });
    expect(file.counts.cards).toBe(awkward.length);
  });

  it('cards round-trip for 300 random texts of any Unicode, quotes, tabs and line breaks', () => {
    const services = openTestServices();
    const base = awkwardSource(services);
    // Any grapheme, with the characters CSV must quote far more often than chance would give.
    const special = fc.constantFrom('"', '""', ',', '\t', '\n', '\r', '\r\n', ' ', ';');
    const grapheme = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 });
    const text = fc.string({ unit: fc.oneof(special, grapheme), maxLength: 40 });
    const pairs = fc.sample(fc.tuple(text, text), { numRuns: 300, seed: 20261202 });
    const template = base.cards[0] as StudyCard;
    const cards = pairs.map(([front, back], index) => ({
      ...template,
      id: `r${index}`,
      front,
      back,
    }));
    const file = exportFile(
      { format: 'cards-csv', includeProgress: false },
      { ...base, cards },
      undefined,
      0,
    );
    const { rows } = readCsv(save(file), '\t');
    expect(rows.map((row) => row.slice(0, 2))).toEqual(pairs);
  });

  it('quiz items round-trip as CSV with a header, lettered options, key and citation', () => {
    const services = openTestServices();
    const source = awkwardSource(services);
    const file = exportFile({ format: 'quiz-csv', includeProgress: false }, source, undefined, 0);
    const { rows, bom } = readCsv(save(file), ',');
    expect(bom).toBe(true);
    const [header, ...body] = rows;
    expect(header).toEqual([...quizCsvColumns]);
    expect(body).toHaveLength(awkward.length);
    body.forEach((row, index) => {
      const item = source.quiz[index] as Extract<QuizItem, { kind: 'mcq' }>;
      const text = awkward[index] ?? '';
      const record = Object.fromEntries(quizCsvColumns.map((column, at) => [column, row[at]]));
      expect(record.stem).toBe(`${text}?`);
      expect(record.explanation).toBe(text);
      expect(record.options?.split('\n').length).toBeGreaterThanOrEqual(item.options.length);
      const keyIndex = item.options.findIndex((option) => option.correct);
      const key = item.options[keyIndex];
      expect(record.key).toBe(`${'ABCD'[keyIndex]}. ${key?.text}`);
      expect(record.options).toContain(`${'ABCD'[keyIndex]}. ${key?.text}`);
      expect(record.citation).toBe([...new Set(item.citations.map((c) => c.label))].join('; '));
    });
  });

  it('exports the whole bundled bank, leaving out what the learner reported', async () => {
    const services = openTestServices();
    const [card] = services.bank.cards;
    services.reports.create({ target: 'card', id: card?.id ?? '', reason: 'unclear' });
    const exporter = fileExporter(services);
    const cards = readCsv(
      save(await exporter.exportFile({ format: 'cards-csv', includeProgress: false })),
      '\t',
    );
    expect(cards.rows).toHaveLength(services.bank.cards.length - 1);
    expect(cards.rows.map((row) => row[0])).not.toContain(card?.front);
    const quiz = readCsv(
      save(await exporter.exportFile({ format: 'quiz-csv', includeProgress: false })),
      ',',
    );
    expect(quiz.rows).toHaveLength(services.bank.quiz.length + 1);
    for (const row of quiz.rows.slice(1)) {
      expect(row).toHaveLength(quizCsvColumns.length);
      expect(row[5]?.length ?? 0, `key of ${row[0]}`).toBeGreaterThan(0);
    }
  });
});
