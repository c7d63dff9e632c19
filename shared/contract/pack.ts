import { z } from 'zod';
import { packFileNames, packSchema } from '../pack/schema.ts';
import { packIdSchema } from '../pack/schema-ids.ts';
import { channel, noRequest } from './define.ts';

/** The pack that comes with the app and is studied until the learner chooses another. */
export const defaultStudyPackId = 'il32-gamma';

export const packSourceSchema = z.enum(['bundled', 'learner']);

export const packCountsSchema = z.object({
  entities: z.number().int(),
  facts: z.number().int(),
  pathways: z.number().int(),
  edges: z.number().int(),
  references: z.number().int(),
  teachingPoints: z.number().int(),
});
export type PackCounts = z.infer<typeof packCountsSchema>;

export const packSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  version: z.string(),
  source: packSourceSchema,
  /** The pack being studied (`pack.choose`). */
  active: z.boolean(),
  /** Whether it ships layout.json; without one the renderer lays its pathways out itself. */
  hasLayout: z.boolean(),
  counts: packCountsSchema,
  /** Enough to name each pathway in a link ("Figure 1 · IL-32γ in both bone formation …"). */
  pathways: z.array(z.object({ id: z.string(), title: z.string(), figure: z.string().optional() })),
});
export type PackSummary = z.infer<typeof packSummarySchema>;

/** Per file; the real pack's largest file is a few hundred kilobytes. */
export const maxImportFileChars = 4 * 1024 * 1024;

export const packImportRequestSchema = z.strictObject({
  /** File name → its text, as the learner picked them; names outside the pack format are refused. */
  files: z.partialRecord(z.enum(packFileNames), z.string().max(maxImportFileChars)),
});

export const packImportResultSchema = z.object({
  pack: packSummarySchema,
  /** A learner pack with the same id existed; it was moved aside (kept), not deleted. */
  replaced: z.boolean(),
});
export type PackImportResult = z.infer<typeof packImportResultSchema>;

/** A pack id as the manifest's `id` field allows it. */
const packIdRequest = z.strictObject({ id: packIdSchema });

export const packRemoveResultSchema = z.object({
  /** The pack studied now: the default pack, when the removed one was being studied. */
  active: z.string(),
});
export type PackRemoveResult = z.infer<typeof packRemoveResultSchema>;

export const packChannels = {
  'pack.list': channel(noRequest, z.array(packSummarySchema)),
  /** The full validated pack, layout included; without an id, the active pack. */
  'pack.get': channel(
    z.strictObject({ id: z.string().min(1).max(100).optional() }).optional(),
    packSchema,
  ),
  /** Validates, then writes into the learner's packs folder; 'pack-invalid' lists located problems. */
  'pack.import': channel(packImportRequestSchema, packImportResultSchema),
  /** Studies another installed pack from now on (and after a restart); answers with its summary. */
  'pack.choose': channel(packIdRequest, packSummarySchema),
  /**
   * Removes a pack the learner added: its folder is kept aside and its records stay in the log,
   * so importing it again brings its progress back. A pack that comes with the app is refused.
   */
  'pack.remove': channel(packIdRequest, packRemoveResultSchema),
};
