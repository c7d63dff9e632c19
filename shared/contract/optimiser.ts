import { z } from 'zod';
import { channel, noRequest } from './define.ts';

/**
 * Settings › Optimise: FSRS weights fitted to the learner's own reviews, in a process of its own.
 * `optimiser.start` answers at once; the renderer follows the run through `optimiser.status`.
 * Fitted weights are applied only when they predict the learner's recall better than the weights
 * in use, and an application can be undone; both are events in an append-only log.
 */

export const figuresSchema = z.object({
  /** Mean log loss of the predicted recall against what happened (lower is better). */
  logLoss: z.number(),
  /** Root mean square error of predicted against actual recall, in bins (lower is better). */
  rmse: z.number(),
});
export type Figures = z.infer<typeof figuresSchema>;

const usedSchema = {
  /** Reviews made a day or more after the card's previous one: what FSRS learns from. */
  reviewsUsed: z.number().int(),
  cardsUsed: z.number().int(),
  /** Cards left out: none of their reviews came a day or more after the one before. */
  cardsDropped: z.number().int(),
};

export const optimiserRunSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('idle') }),
  z.object({
    state: z.literal('running'),
    stage: z.enum(['reading', 'fitting', 'evaluating']),
    /** How far the stage is, 0–1. */
    share: z.number(),
  }),
  z.object({ state: z.literal('too-little'), ...usedSchema, minimum: z.number().int() }),
  z.object({
    state: z.literal('fitted'),
    runId: z.string(),
    ...usedSchema,
    /** The weights in use, on every review used. */
    current: figuresSchema,
    /** The fitted weights, on a time-series split (each part predicted by weights fitted before it). */
    fitted: figuresSchema,
    weights: z.array(z.number()),
    /** Lower log loss and lower RMSE than the weights in use: only then can they be applied. */
    better: z.boolean(),
    applied: z.boolean(),
    durationMs: z.number(),
  }),
  z.object({ state: z.literal('failed'), message: z.string() }),
]);
export type OptimiserRun = z.infer<typeof optimiserRunSchema>;

export const optimiserStatusSchema = z.object({
  run: optimiserRunSchema,
  inUse: z.object({
    source: z.enum(['default', 'fitted']),
    weights: z.array(z.number()),
    /** When the fitted weights in use were applied (ISO time); null for the defaults. */
    appliedAt: z.string().nullable(),
    /** The figures they were applied on; null for the defaults. */
    figures: z
      .object({ reviewsUsed: z.number().int(), before: figuresSchema, after: figuresSchema })
      .nullable(),
  }),
  /** Fewer reviews at a positive interval than this and no fit is tried. */
  minimumReviews: z.number().int(),
});
export type OptimiserStatus = z.infer<typeof optimiserStatusSchema>;

export const optimiserChannels = {
  'optimiser.status': channel(noRequest, optimiserStatusSchema),
  /** Starts a run unless one is running; answers at once. */
  'optimiser.start': channel(noRequest, optimiserStatusSchema),
  /** Applies the weights of a finished run that beat the ones in use. */
  'optimiser.apply': channel(
    z.strictObject({ runId: z.string().min(1).max(64) }),
    optimiserStatusSchema,
  ),
  /** Takes back the application in effect: the weights before it are used again. */
  'optimiser.undo': channel(noRequest, optimiserStatusSchema),
};
