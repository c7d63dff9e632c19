import { z } from 'zod';
import { channel, noRequest } from './define.ts';
import { backupInfoSchema } from './backup.ts';

/** Largest progress document accepted by `data.import` (UTF-8 bytes). */
export const maxImportBytes = 64 * 1024 * 1024;

/** `data.reset` does nothing unless the request carries exactly this. */
export const resetConfirmation = 'erase-all-progress';

const recordCountsSchema = z.object({
  events: z.number(),
  quizSessions: z.number(),
  quizAnswers: z.number(),
  studySessions: z.number(),
  settings: z.number(),
  reports: z.number(),
});

export const dataChannels = {
  /** The whole progress as one JSON document; the renderer saves it where the learner chooses. */
  'data.export': channel(
    noRequest,
    z.object({ fileName: z.string(), content: z.string(), counts: recordCountsSchema }),
  ),
  /** Merges a document made by `data.export` (here or on another device); never drops local data. */
  'data.import': channel(
    // Bounded in characters here; the service checks the byte size and says so clearly.
    z.strictObject({ content: z.string().max(maxImportBytes) }),
    z.object({
      added: recordCountsSchema,
      alreadyPresent: recordCountsSchema,
      backup: backupInfoSchema,
    }),
  ),
  'data.reset': channel(
    z.strictObject({ confirm: z.literal(resetConfirmation) }),
    z.object({ backup: backupInfoSchema }),
  ),
};
