import { z } from 'zod';
import { nodeIdSchema, pathwayIdSchema } from '../pack/schema.ts';
import { channel } from './define.ts';
import { quizSessionIdSchema } from './quiz-records.ts';

/**
 * Quiz me on the Pathways screen: each attempt at naming a hidden node is recorded as a quiz
 * answer (so export, sync and reset keep it with the other answers) and counts in the Mastery
 * overlay. The backend grades the typed name itself against the pack.
 */
export const pathwayNameNodeRequestSchema = z.strictObject({
  /** The Quiz me session from the first attempt's answer; absent on the first attempt. */
  sessionId: quizSessionIdSchema.optional(),
  pathwayId: pathwayIdSchema.max(20),
  nodeId: nodeIdSchema.max(100),
  /** What the learner typed; ignored when `revealed`. */
  answer: z.string().max(200),
  /** The learner gave up and revealed the name: recorded as not named. */
  revealed: z.boolean(),
});
export type PathwayNameNodeRequest = z.infer<typeof pathwayNameNodeRequestSchema>;

export const pathwayNameNodeResponseSchema = z.object({
  sessionId: z.string(),
  answerId: z.string(),
  correct: z.boolean(),
});
export type PathwayNameNodeResponse = z.infer<typeof pathwayNameNodeResponseSchema>;

export const pathwayChannels = {
  'pathway.nameNode': channel(pathwayNameNodeRequestSchema, pathwayNameNodeResponseSchema),
};
