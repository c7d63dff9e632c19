import { z } from 'zod';
import { channel } from './define.ts';
import type { Envelope } from './errors.ts';

/**
 * Channels the Electron main process answers itself, about the window (not the services): they
 * exist only in Electron, so they stay out of `contract`, which the preview serves too. Each is
 * still one named preload function, a zod schema checked in main, and an envelope.
 */

/** A file name stem the learner sees first in the save dialog; the dialog picks the place. */
export const pdfFileStemSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

export const savePdfResultSchema = z.object({
  /** False when the learner closed the dialog without saving. */
  saved: z.boolean(),
  /** The saved file's name (without its folder), to say where it went. */
  fileName: z.string().nullable(),
});
export type SavePdfResult = z.infer<typeof savePdfResultSchema>;

export const windowChannels = {
  /** The window's printed form (print media) as a PDF, saved where the learner picks. */
  'window.savePdf': channel(z.strictObject({ fileStem: pdfFileStemSchema }), savePdfResultSchema),
};

export type WindowChannelName = keyof typeof windowChannels;

/** What the preload exposes under `pathwise.window`. */
export interface WindowPreloadApi {
  readonly window: {
    readonly savePdf: (request: { fileStem: string }) => Promise<Envelope<SavePdfResult>>;
  };
}
