import Papa from 'papaparse';
import { kinds } from '../../shared/engine/kinds/index.ts';
import type { DumpAnswer, QuizItem } from '../../shared/engine/types.ts';
import { noteTags } from './anki-notes.ts';
import type { ExportSource } from './export-source.ts';

/**
 * Flashcards as tab-separated text (front, back, tags; no header row), the form Anki's "Import
 * file" and Quizlet's import read, and quiz items as CSV with a header row. Both are RFC 4180:
 * a field holding the delimiter, a quote or a line break is quoted, its quotes doubled.
 */

const newline = '\r\n';
/** Spreadsheet programs read a CSV as UTF-8 (IL-32γ, TNF-α) only when it starts with this mark. */
const byteOrderMark = '\ufeff';

export const quizCsvColumns = [
  'id',
  'kind',
  'topic',
  'stem',
  'options',
  'key',
  'explanation',
  'citation',
] as const;

export function cardsText(source: ExportSource): { text: string; rows: number } {
  const hidden = new Set(source.hiddenCards);
  const rows = source.cards
    .filter((card) => !hidden.has(card.id))
    .map((card) => [card.front, card.back, noteTags(card).join(' ')]);
  const text = Papa.unparse(rows, { delimiter: '\t', newline });
  return { text: rows.length > 0 ? text + newline : text, rows: rows.length };
}

export function quizCsv(source: ExportSource): { text: string; rows: number } {
  const hidden = new Set(source.hiddenQuizItems);
  const items = source.quiz.filter((item) => !hidden.has(item.id));
  const rows = items.map((item) => quizRow(item));
  const text = Papa.unparse({ fields: [...quizCsvColumns], data: rows }, { newline });
  return { text: `${byteOrderMark}${text}${newline}`, rows: rows.length };
}

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** One line per option, lettered as the key names it. */
function quizRow(item: QuizItem): string[] {
  const options = 'options' in item ? item.options : [];
  const lettered = options.map((option, index) => `${letters[index] ?? index + 1}. ${option.text}`);
  const key =
    options.length > 0
      ? options
          .flatMap((option, index) => (option.correct ? [`${letters[index]}. ${option.text}`] : []))
          .join('\n')
      : keyText(kinds[item.kind].dumpAnswer(item));
  const citations = [...new Set(item.citations.map((citation) => citation.label))].join('; ');
  return [
    item.id,
    item.kind,
    item.topic,
    item.prompt,
    lettered.join('\n'),
    key,
    item.explanation,
    citations,
  ];
}

function keyText(answer: DumpAnswer): string {
  if (typeof answer === 'string') return answer;
  if (typeof answer === 'boolean') return answer ? 'True' : 'False';
  if (Array.isArray(answer)) {
    return answer
      .map((entry: string | { left: string; right: string }) =>
        typeof entry === 'string' ? entry : `${entry.left} → ${entry.right}`,
      )
      .join('\n');
  }
  const { text, accepted } = answer as { text: string; accepted: readonly string[] };
  const others = accepted.filter((form) => form !== text);
  return others.length > 0 ? `${text} (also accepted: ${others.join(', ')})` : text;
}
