import { z } from 'zod';
import { factIdSchema } from '../pack/schema.ts';
import { queueCountsSchema, ratingSchema } from './review.ts';

/**
 * Schemas for recording quiz attempts. Not channels yet: the quiz channels arrive with the
 * generators, and their requests and responses should reuse these (the quiz records service in
 * services/quiz-records/ takes exactly these shapes).
 */

const maxJsonChars = 4096;
/** Any JSON value, at most 4 KB once serialised. */
export const boundedJsonSchema = z
  .json()
  .refine((value) => JSON.stringify(value).length <= maxJsonChars, 'must be at most 4 KB of JSON');

export const quizSessionIdSchema = z.string().min(1).max(40);

export const startQuizSessionRequestSchema = z.strictObject({
  /** The quiz screen's mode, e.g. "practice", "exam", "topic:il-32-gamma". */
  mode: z.string().min(1).max(60),
  /** The quiz's configuration as chosen (topics, item kinds, length...), stored as given. */
  config: boundedJsonSchema,
});
export type StartQuizSessionRequest = z.infer<typeof startQuizSessionRequestSchema>;

export const recordQuizAnswerRequestSchema = z.strictObject({
  sessionId: quizSessionIdSchema,
  itemId: z.string().min(1).max(200),
  kind: z.string().min(1).max(60),
  factIds: z.array(factIdSchema).max(64),
  topic: z.string().min(1).max(100),
  correct: z.boolean(),
  /** What the learner answered, stored as given. */
  response: boundedJsonSchema,
  durationMs: z.number().int().min(0).max(3_600_000),
});
export type RecordQuizAnswerRequest = z.infer<typeof recordQuizAnswerRequestSchema>;

export const finishQuizSessionRequestSchema = z.strictObject({ sessionId: quizSessionIdSchema });

export const quizHistoryRequestSchema = z
  .strictObject({ limit: z.number().int().min(1).max(500).optional() })
  .optional();

export const topicScoreSchema = z.object({
  topic: z.string(),
  correct: z.number(),
  total: z.number(),
});

export const quizSessionSummarySchema = z.object({
  sessionId: z.string(),
  mode: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  correct: z.number(),
  total: z.number(),
  /** correct / total, or null before any answer. */
  score: z.number().nullable(),
  byTopic: z.array(topicScoreSchema),
});
export type QuizSessionSummary = z.infer<typeof quizSessionSummarySchema>;

export const startQuizSessionResponseSchema = z.object({
  sessionId: z.string(),
  startedAt: z.string(),
});

export const recordQuizAnswerResponseSchema = z.object({
  answerId: z.string(),
  /** The rating events the answer added to the flashcard schedule (the quiz → schedule rule). */
  scheduled: z.array(z.object({ cardId: z.string(), rating: ratingSchema, eventId: z.string() })),
  counts: queueCountsSchema,
});
export type RecordQuizAnswerResponse = z.infer<typeof recordQuizAnswerResponseSchema>;
