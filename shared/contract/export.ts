import { z } from 'zod';
import { channel } from './define.ts';

/** What `export.file` can make from the pack in use. */
export const exportFormats = ['apkg', 'cards-csv', 'quiz-csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportFileRequestSchema = z.strictObject({
  format: z.enum(exportFormats),
  /** Anki only: each card's schedule and FSRS memory state, so study goes on where it stopped. */
  includeProgress: z.boolean().default(false),
});
export type ExportFileRequest = z.input<typeof exportFileRequestSchema>;

export const exportedFileSchema = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  /** The file's bytes in base64: the same answer travels as a value (Electron) and as JSON (HTTP). */
  base64: z.string(),
  /** Rows or notes written; for Anki, cards with a schedule, suspended, and answers in its log. */
  counts: z.object({
    cards: z.number(),
    quizItems: z.number(),
    scheduled: z.number(),
    suspended: z.number(),
    reviews: z.number(),
  }),
});
export type ExportedFile = z.output<typeof exportedFileSchema>;

export const exportChannels = {
  /** The pack's flashcards as an Anki package or tab-separated text, or its quiz items as CSV. */
  'export.file': channel(exportFileRequestSchema, exportedFileSchema),
};
