import type { ExportFormat, ExportedFile } from '../../shared/contract/export.ts';
import { allCardStates } from '../storage/card-states.ts';
import { packEventsByTime } from '../storage/review-events.ts';
import { withTransaction } from '../storage/sqlite.ts';
import type { Storage } from '../storage/storage.ts';
import { ankiPackage, type AnkiProgress } from './anki-package.ts';
import { cardsText, quizCsv } from './csv-export.ts';
import type { ExportSource } from './export-source.ts';

export interface ExportRequest {
  readonly format: ExportFormat;
  readonly includeProgress: boolean;
}

/** A file name's part for the pack: its id, which is already a safe slug. */
function fileStem(source: ExportSource, what: string): string {
  return `pathwise-${source.pack.id}-${what}`;
}

const utf8 = new TextEncoder();

/** Only an Anki package with progress reads the learner's data: the card states. */
export function readsProgress(request: ExportRequest): boolean {
  return request.format === 'apkg' && request.includeProgress;
}

/** Each studied card's memory state and every review event, read in one transaction. */
export function readProgress(storage: Storage): AnkiProgress {
  return withTransaction(storage.db(), () => ({
    states: new Map(allCardStates(storage).map((record) => [record.cardId, record.state])),
    events: [...packEventsByTime(storage)],
  }));
}

/** Makes one export file from `source`, and `progress` (`readProgress`) when it `readsProgress`. */
export function exportFile(
  request: ExportRequest,
  source: ExportSource,
  progress: AnkiProgress | undefined,
  nowMs: number,
): ExportedFile {
  const none = { cards: 0, quizItems: 0, scheduled: 0, suspended: 0, reviews: 0 };
  switch (request.format) {
    case 'apkg': {
      if (request.includeProgress && !progress) throw new Error('This export needs the progress.');
      const withProgress = request.includeProgress ? progress : undefined;
      const made = ankiPackage(source, {
        nowMs,
        ...(withProgress ? { progress: withProgress } : {}),
      });
      return {
        fileName: `${fileStem(source, request.includeProgress ? 'cards-with-progress' : 'cards')}.apkg`,
        mediaType: 'application/apkg',
        base64: Buffer.from(made.bytes).toString('base64'),
        counts: {
          ...none,
          cards: made.cards,
          scheduled: made.scheduled,
          suspended: made.suspended,
          reviews: made.reviews,
        },
      };
    }
    case 'cards-csv': {
      const { text, rows } = cardsText(source);
      return {
        fileName: `${fileStem(source, 'cards')}.tsv`,
        mediaType: 'text/tab-separated-values;charset=utf-8',
        base64: Buffer.from(utf8.encode(text)).toString('base64'),
        counts: { ...none, cards: rows },
      };
    }
    case 'quiz-csv': {
      const { text, rows } = quizCsv(source);
      return {
        fileName: `${fileStem(source, 'quiz')}.csv`,
        mediaType: 'text/csv;charset=utf-8',
        base64: Buffer.from(utf8.encode(text)).toString('base64'),
        counts: { ...none, quizItems: rows },
      };
    }
  }
}
