import type { ExportFormat, ExportedFile } from '../../../../shared/contract/export.ts';
import { api } from '../../api.ts';
import { download } from './download.ts';
import { messageOf, type Report } from './operation.ts';

const plural = (n: number, noun: string) => `${n.toLocaleString()} ${noun}${n === 1 ? '' : 's'}`;

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** What the file holds, in one sentence. */
export function describeExport(format: ExportFormat, counts: ExportedFile['counts']): string {
  if (format === 'quiz-csv') return plural(counts.quizItems, 'quiz question');
  if (format === 'cards-csv') return plural(counts.cards, 'card');
  const parts = [plural(counts.cards, 'card')];
  if (counts.scheduled > 0) parts.push(`${counts.scheduled.toLocaleString()} with your schedule`);
  if (counts.suspended > 0) parts.push(`${counts.suspended.toLocaleString()} suspended`);
  if (counts.reviews > 0) parts.push(`${plural(counts.reviews, 'answer')} in the review log`);
  return parts.join(', ');
}

const working: Record<ExportFormat, string> = {
  apkg: 'Building the Anki package…',
  'cards-csv': 'Writing the cards file…',
  'quiz-csv': 'Writing the quiz questions file…',
};

/** `export.file`, saved where the browser saves downloads (Electron asks where). */
export async function exportForOtherApps(
  format: ExportFormat,
  includeProgress: boolean,
  report: Report,
): Promise<void> {
  report({ kind: 'working', text: working[format] });
  try {
    const file = await api.export.file({ format, includeProgress });
    download(file.fileName, new Blob([bytesOf(file.base64)], { type: file.mediaType }));
    report({
      kind: 'done',
      text: `Saved ${file.fileName}: ${describeExport(format, file.counts)}.`,
    });
  } catch (error) {
    report({ kind: 'failed', text: `The export failed: ${messageOf(error)}` });
  }
}
