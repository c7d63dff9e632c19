import { z } from 'zod';
import { packFileNames, packSchema } from '../pack/schema.ts';
import { channel, noRequest } from './define.ts';

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
  /** The pack the app studies from (for now always the bundled default). */
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

export const packChannels = {
  'pack.list': channel(noRequest, z.array(packSummarySchema)),
  /** The full validated pack, layout included; without an id, the active pack. */
  'pack.get': channel(
    z.strictObject({ id: z.string().min(1).max(100).optional() }).optional(),
    packSchema,
  ),
  /** Validates, then writes into the learner's packs folder; 'pack-invalid' lists located problems. */
  'pack.import': channel(packImportRequestSchema, packImportResultSchema),
};
