import { z } from 'zod';
import { channel, noRequest } from './define.ts';

/** What a learner can report: a quiz item (by the public id the quiz screen has) or a card. */
export const reportTargets = ['quiz-item', 'card'] as const;
export type ReportTarget = (typeof reportTargets)[number];

export const reportReasons = ['wrong-key', 'ambiguous', 'unclear', 'other'] as const;
export type ReportReason = (typeof reportReasons)[number];

export const maxReportNoteChars = 1000;

export const reportRequestSchema = z.strictObject({
  target: z.enum(reportTargets),
  /** A quiz item's public id (`q-…`) or a card's id. */
  id: z.string().min(1).max(200),
  reason: z.enum(reportReasons),
  note: z.string().max(maxReportNoteChars).optional(),
});
export type ReportRequest = z.infer<typeof reportRequestSchema>;

export const reportViewSchema = z.object({
  reportId: z.string(),
  target: z.enum(reportTargets),
  /** The question or card front as it was shown when reported. */
  text: z.string(),
  reason: z.enum(reportReasons),
  note: z.string().nullable(),
  reportedAt: z.string(),
  packVersion: z.string(),
  /** When the learner withdrew it, or null. */
  withdrawnAt: z.string().nullable(),
  /** Whether the item is hidden now: not withdrawn and made from the pack version in use. */
  hidden: z.boolean(),
});
export type ReportView = z.infer<typeof reportViewSchema>;

export const reportChannels = {
  /** Records a report; the item or card is not shown again until the pack's version changes. */
  'report.create': channel(reportRequestSchema, reportViewSchema),
  /** Every report, newest first, withdrawn ones included. */
  'report.list': channel(noRequest, z.object({ reports: z.array(reportViewSchema) })),
  /** Withdraws a report (a new event; the report itself stays in the log). */
  'report.withdraw': channel(
    z.strictObject({ reportId: z.string().min(1).max(40) }),
    reportViewSchema,
  ),
};
