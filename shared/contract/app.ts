import { z } from 'zod';
import { channel, noRequest } from './define.ts';

export const dataDirKindSchema = z.enum([
  'user-data',
  'preview-temporary',
  'preview-custom',
  'test',
]);

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  transport: z.enum(['electron', 'http']),
  dataDirKind: dataDirKindSchema,
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/**
 * Something the learner must be told about, raised by a service (often at start): a learner pack
 * that failed validation and was skipped, a corrupt database moved aside, a backup restored.
 */
export const noticeSchema = z.object({
  id: z.string(),
  severity: z.enum(['info', 'warning', 'error']),
  source: z.enum(['packs', 'storage', 'backup', 'import']),
  title: z.string(),
  message: z.string(),
  /** Located problems, one per line, e.g. "facts.json:12:5 unexpected token". */
  details: z.array(z.string()).default([]),
  /** An action the UI can offer, e.g. restoring the newest backup. */
  action: z.enum(['restore-latest-backup']).optional(),
  createdAt: z.string(),
});
export type Notice = z.infer<typeof noticeSchema>;

export const appChannels = {
  'app.info': channel(noRequest, appInfoSchema),
  'app.notices': channel(noRequest, z.array(noticeSchema)),
  'app.dismissNotice': channel(z.strictObject({ id: z.string().max(200) }), z.array(noticeSchema)),
};
