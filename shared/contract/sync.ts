import { z } from 'zod';
import { channel, noRequest } from './define.ts';

/**
 * Sync through a folder that a sync service (Syncthing, Dropbox, iCloud Drive, OneDrive, a network
 * share) keeps in step between devices. No channel takes the folder: the renderer never names a
 * path. In Electron the learner picks it in the main process's folder dialog (`sync.chooseFolder`,
 * answered by main); the preview is given it on its command line (`--sync-folder`), as it is given
 * its data folder.
 */

const countsSchema = z.object({
  events: z.number(),
  quizSessions: z.number(),
  quizAnswers: z.number(),
  studySessions: z.number(),
  settings: z.number(),
  reports: z.number(),
});

export const syncProblemSchema = z.object({
  /** The device file the problem is in. */
  file: z.string(),
  line: z.number().optional(),
  message: z.string(),
});

export const syncRoundSchema = z.object({
  startedAt: z.string(),
  durationMs: z.number(),
  sent: countsSchema,
  received: countsSchema,
  filesRead: z.number(),
  linesRead: z.number(),
  problems: z.array(syncProblemSchema),
});
export type SyncRound = z.infer<typeof syncRoundSchema>;

export const syncStatusSchema = z.object({
  /** The folder this device syncs through, shown to the learner; null when none is set. */
  folder: z.string().nullable(),
  /** How the folder is chosen here: Electron's folder dialog, or the preview's command line. */
  setBy: z.enum(['dialog', 'command-line']),
  running: z.boolean(),
  /** The last round that ran to its end (problems in single files included). */
  lastRun: syncRoundSchema.nullable(),
  /** Why the last attempt failed as a whole (folder missing, not writable), if it did. */
  lastError: z.object({ at: z.string(), message: z.string() }).nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncChannels = {
  'sync.status': channel(noRequest, syncStatusSchema),
  /** Runs a round now (or waits for the one running) and answers the status after it. */
  'sync.run': channel(noRequest, syncStatusSchema),
  /** Electron: main shows a folder dialog and sets what the learner picks (nothing if cancelled). */
  'sync.chooseFolder': channel(noRequest, syncStatusSchema),
};
