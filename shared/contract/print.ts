import { z } from 'zod';
import { channel } from './define.ts';
import { publicQuizItemSchema, quizFeedbackSchema, quizFilterSchema } from './quiz.ts';
import { maxQuizQuestions } from './quiz-limits.ts';

/**
 * Print channels: a practice exam with its answer key, and the flashcards of some topics, both
 * for paper. Unlike `quiz.start`, an exam for paper carries its key: the learner asked for it,
 * and it is printed after a page break, apart from the questions.
 */

/** The largest seed a learner can type: any whole number from 0 up gives one fixed exam. */
export const maxPrintSeed = 2_147_483_647;

export const printExamRequestSchema = z.strictObject({
  ...quizFilterSchema.shape,
  count: z.number().int().min(1).max(maxQuizQuestions),
  /** The same filters and seed always give the same questions in the same order. */
  seed: z.number().int().min(0).max(maxPrintSeed),
});
export type PrintExamRequest = z.infer<typeof printExamRequestSchema>;

export const printExamSchema = z.object({
  seed: z.number(),
  /** Items matching the filters, and how many fewer than asked they allowed. */
  available: z.number(),
  shortfall: z.number(),
  questions: z.array(
    z.object({
      /** The question as the quiz shows it before an answer: no key in it. */
      item: publicQuizItemSchema,
      /** What the quiz shows after an answer: the key, the explanation and its sources. */
      key: quizFeedbackSchema,
    }),
  ),
});
export type PrintExam = z.infer<typeof printExamSchema>;

export const printCardsRequestSchema = z.strictObject({
  /** Topic ids; absent or empty means every topic. */
  topics: z.array(z.string().min(1).max(200)).max(20).optional(),
});

export const printCardSheetSchema = z.array(
  z.object({
    topicId: z.string(),
    title: z.string(),
    cards: z.array(
      z.object({ id: z.string(), kind: z.string(), front: z.string(), back: z.string() }),
    ),
  }),
);
export type PrintCardSheet = z.infer<typeof printCardSheetSchema>;

export const printChannels = {
  'print.exam': channel(printExamRequestSchema, printExamSchema),
  /** The studied cards (those not hidden by a report) of the chosen topics, in teaching order. */
  'print.cards': channel(printCardsRequestSchema, printCardSheetSchema),
};
