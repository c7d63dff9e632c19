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

export const appChannels = {
  'app.info': channel(noRequest, appInfoSchema),
};
