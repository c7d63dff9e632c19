import { z } from 'zod';
import { flagColours } from '../engine/card-actions.ts';
import { pathwayIdSchema } from '../pack/schema.ts';
import { channel, noRequest } from './define.ts';
import { queueCountsSchema, queuedCardSchema, ratingSchema } from './review.ts';

/** Bounds of what a custom study request may ask for. */
export const customStudyLimits = {
  extraNewCards: 999,
  days: 365,
  /** The most cards one custom session holds. */
  sessionCards: 200,
  /** Weak-topics sessions take at most this many of the weakest topics. */
  weakTopics: 3,
} as const;

const days = z.number().int().min(1).max(customStudyLimits.days);
const topicIdSchema = z.string().min(1).max(100);

const studySetSchema = z.object({ id: z.string(), title: z.string(), cards: z.number() });

export const customStudyOptionsSchema = z.object({
  /** Topics and pathways with at least one card to cram. */
  topics: z.array(studySetSchema),
  pathways: z.array(studySetSchema),
  /** Flags on at least one card (id: the colour). */
  flags: z.array(studySetSchema),
  /** Studied topics below the desired retention, weakest first (what "weak topics" crams). */
  weakTopics: z.array(z.object({ topicId: z.string(), title: z.string(), mastery: z.number() })),
  /** New cards not yet introduced, and the extra ones already allowed today. */
  unseen: z.number(),
  extraNewToday: z.number(),
});
export type CustomStudyOptions = z.infer<typeof customStudyOptionsSchema>;

export const customSessionRequestSchema = z.discriminatedUnion('kind', [
  /** Review cards due in the next `days` days, soonest first; answers are real reviews. */
  z.strictObject({ kind: z.literal('review-ahead'), days }),
  z.strictObject({ kind: z.literal('cram-topic'), topicId: topicIdSchema }),
  z.strictObject({ kind: z.literal('cram-pathway'), pathwayId: pathwayIdSchema }),
  z.strictObject({ kind: z.literal('cram-flag'), flag: z.enum(flagColours) }),
  /** Cards with an Again (not undone) in the last `days` study days, today included. */
  z.strictObject({ kind: z.literal('cram-forgotten'), days }),
  z.strictObject({ kind: z.literal('weak-topics') }),
]);
export type CustomSessionRequest = z.infer<typeof customSessionRequestSchema>;

export const customSessionSchema = z.object({
  title: z.string(),
  /** A cram: answers go to `custom.cram`, are recorded as cram and change no schedule. */
  cram: z.boolean(),
  cards: z.array(queuedCardSchema),
});
export type CustomSession = z.infer<typeof customSessionSchema>;

export const cramAnswerRequestSchema = z.strictObject({
  cardId: z.string().min(1).max(200),
  rating: ratingSchema,
  durationMs: z.number().int().min(0).max(3_600_000),
});

export const customStudyChannels = {
  'custom.options': channel(noRequest, customStudyOptionsSchema),
  /** More new cards today only; answers with today's counts. */
  'custom.extraNew': channel(
    z.strictObject({ count: z.number().int().min(1).max(customStudyLimits.extraNewCards) }),
    queueCountsSchema,
  ),
  'custom.start': channel(customSessionRequestSchema, customSessionSchema),
  'custom.cram': channel(cramAnswerRequestSchema, z.object({ eventId: z.string() })),
};
