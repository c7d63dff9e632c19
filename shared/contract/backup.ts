import { z } from 'zod';
import { channel, noRequest } from './define.ts';

export const backupReasons = [
  'daily',
  'manual',
  'before-import',
  'before-restore',
  'before-reset',
] as const;

/** A backup's id is its file name without the extension; the renderer never sees a path. */
export const backupIdPattern =
  /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-(?:daily|manual|before-import|before-restore|before-reset)(?:-\d{1,4})?$/;

export const backupInfoSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  reason: z.enum(backupReasons),
  sizeBytes: z.number(),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

export const backupChannels = {
  'backup.list': channel(noRequest, z.object({ backups: z.array(backupInfoSchema) })),
  'backup.create': channel(noRequest, backupInfoSchema),
  'backup.restore': channel(
    z.strictObject({
      id: z.string().max(80).regex(backupIdPattern, 'must be an id from backup.list'),
    }),
    z.object({ restored: backupInfoSchema, safetyBackup: backupInfoSchema }),
  ),
};
