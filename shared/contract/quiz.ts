import { z } from 'zod';
import { quizKinds, responseKinds } from '../engine/types.ts';
import { edgeSigns, tiers } from '../pack/schema.ts';
import { channel, noRequest } from './define.ts';
import { maxQuizQuestions, maxTimeLimitMinutes } from './quiz-limits.ts';
import { quizPools, type QuizPool } from './quiz-pools.ts';
import {
  quizHistoryRequestSchema,
  quizSessionIdSchema,
  quizSessionSummarySchema,
} from './quiz-records.ts';

/**
 * Quiz channels. Items cross to the renderer without their answers, rationales or explanations;
 * main grades every answer, and in exam mode says nothing until the quiz is finished.
 */

export const quizKindSchema = z.enum(quizKinds);
export const quizModeSchema = z.enum(['practice', 'exam']);
export type QuizMode = z.infer<typeof quizModeSchema>;

const id = z.string().min(1).max(200);
const ids = (max: number) => z.array(id).max(max);

export const quizOptionsSchema = z.object({
  total: z.number(),
  highYield: z.number(),
  kinds: z.array(
    z.object({ id: quizKindSchema, label: z.string(), description: z.string(), count: z.number() }),
  ),
  topics: z.array(z.object({ id: z.string(), title: z.string(), count: z.number() })),
  pathways: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      figure: z.string().nullable(),
      count: z.number(),
    }),
  ),
  diseases: z.array(z.object({ id: z.string(), name: z.string(), count: z.number() })),
});
export type QuizOptionsInfo = z.infer<typeof quizOptionsSchema>;

/** Which items a quiz draws from; every filter narrows (AND), an absent one allows all. */
const quizFilterShape = {
  kinds: z.array(quizKindSchema).max(quizKinds.length).optional(),
  topics: ids(20).optional(),
  pathwayIds: ids(20).optional(),
  diseaseIds: ids(40).optional(),
  highYieldOnly: z.boolean().optional(),
};
export const quizFilterSchema = z.strictObject(quizFilterShape);
export type QuizFilter = z.infer<typeof quizFilterSchema>;

export const quizPoolSchema = z.enum(quizPools);
export type { QuizPool };

/** The filter of a quiz to count or start: the printable filter plus the learner's pool. */
export const quizCountRequestSchema = z.strictObject({
  ...quizFilterShape,
  pool: quizPoolSchema.optional(),
});
export type QuizCountRequest = z.infer<typeof quizCountRequestSchema>;

/** How many questions a filter allows, so the setup form can say so before the quiz starts. */
export const quizCountSchema = z.object({
  /** Items matching the filter. */
  available: z.number(),
  /** The most questions one quiz can draw from them (variants of one question count once). */
  questions: z.number(),
});
export type QuizCount = z.infer<typeof quizCountSchema>;

export const quizStartRequestSchema = z.strictObject({
  mode: quizModeSchema,
  count: z.number().int().min(1).max(maxQuizQuestions),
  ...quizFilterShape,
  pool: quizPoolSchema.optional(),
  /** Exam mode: answers after the limit are refused. */
  timeLimitMinutes: z.number().int().min(1).max(maxTimeLimitMinutes).optional(),
  /** Build the quiz from the items answered wrongly in this finished session. */
  retryMistakesOf: quizSessionIdSchema.optional(),
});
export type QuizStartRequest = z.infer<typeof quizStartRequestSchema>;

const optionSchema = z.object({ id: z.string(), text: z.string() });

/** A pathway fragment to draw, with the asked part masked (`null`). */
export const quizDiagramSchema = z.object({
  pathwayId: z.string(),
  /** The figure and title shown under the drawing, with the asked part redacted. */
  caption: z.string(),
  nodes: z.array(z.object({ id: z.string(), label: z.string().nullable() })),
  edges: z.array(
    z.object({
      id: z.string(),
      from: z.string(),
      to: z.string(),
      sign: z.enum(edgeSigns).nullable(),
      inferred: z.boolean(),
    }),
  ),
});

/** What the renderer may know before answering. */
export const publicQuizItemSchema = z.object({
  id: z.string(),
  kind: quizKindSchema,
  /** How it is answered: the shape of the response it takes. */
  response: z.enum(responseKinds),
  prompt: z.string(),
  difficulty: z.number(),
  topic: z.string(),
  pathwayId: z.string().nullable(),
  highYield: z.boolean(),
  options: z.array(optionSchema).nullable(),
  matching: z.object({ left: z.array(optionSchema), right: z.array(optionSchema) }).nullable(),
  steps: z.array(optionSchema).nullable(),
  diagram: quizDiagramSchema.nullable(),
});
export type PublicQuizItem = z.infer<typeof publicQuizItemSchema>;

export const quizResponseSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('choice'), optionId: id }),
  z.strictObject({ kind: z.literal('true-false'), value: z.boolean() }),
  z.strictObject({ kind: z.literal('text'), text: z.string().max(300) }),
  z.strictObject({
    kind: z.literal('matching'),
    pairs: z.record(id, id).refine((p) => Object.keys(p).length <= 20, 'at most 20 pairs'),
  }),
  z.strictObject({ kind: z.literal('ordering'), order: ids(30) }),
]);

export const quizStartSchema = z.object({
  sessionId: z.string(),
  mode: quizModeSchema,
  startedAt: z.string(),
  /** When answers stop being accepted (exam with a time limit), else null. */
  deadline: z.string().nullable(),
  items: z.array(publicQuizItemSchema),
  /** How many items matched the filters, and how many fewer than asked they allowed. */
  available: z.number(),
  shortfall: z.number(),
  /** Public ids of the quiz's items the learner has marked. */
  marked: z.array(z.string()),
});
export type QuizStart = z.infer<typeof quizStartSchema>;

const citationSchema = z.object({
  referenceId: z.string(),
  label: z.string(),
  tier: z.enum(tiers),
});

/** Everything the learner sees after answering: verdict, expected answer, why, and sources. */
export const quizFeedbackSchema = z.object({
  itemId: z.string(),
  correct: z.boolean(),
  /** 0–1; partial credit for matching and ordering. */
  score: z.number(),
  expected: z.string(),
  feedback: z.string(),
  /** The learner said "I was right" after it was marked wrong: counted right, on their word. */
  claimedRight: z.boolean(),
  /** Marked wrong, and a typed answer: the learner may still say "I was right" (practice). */
  claimable: z.boolean(),
  explanation: z.string(),
  /** Option items: each option with whether it was right and, if wrong, why. */
  options: z
    .array(
      z.object({
        id: z.string(),
        text: z.string(),
        correct: z.boolean(),
        rationale: z.string().nullable(),
      }),
    )
    .nullable(),
  /** Matching items: each left id with its right id. */
  correctPairs: z.record(z.string(), z.string()).nullable(),
  /** Ordering items: the step ids, upstream first. */
  correctOrder: z.array(z.string()).nullable(),
  citations: z.array(citationSchema),
  factIds: z.array(z.string()),
  teachingPointIds: z.array(z.string()),
});
export type QuizFeedback = z.infer<typeof quizFeedbackSchema>;

export const quizAnswerRequestSchema = z.strictObject({
  sessionId: quizSessionIdSchema,
  itemId: id,
  response: quizResponseSchema,
  durationMs: z.number().int().min(0).max(3_600_000),
});

/** What an answer did to the flashcard schedule of the facts it tests (the quiz → schedule rule). */
export const quizScheduleEffectSchema = z.object({
  /** Cards rated Again: sent back to (re)learning. */
  relearning: z.number(),
  /** Due cards rated Good: counted as their review. */
  reviewed: z.number(),
  /** Cards whose Again from this answer was taken back ("I was right"). */
  restored: z.number(),
});
export type QuizScheduleEffect = z.infer<typeof quizScheduleEffectSchema>;

export const quizAnswerSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('practice'),
    feedback: quizFeedbackSchema,
    schedule: quizScheduleEffectSchema,
    answered: z.number(),
    total: z.number(),
  }),
  z.object({
    mode: z.literal('exam'),
    itemId: z.string(),
    answered: z.number(),
    total: z.number(),
  }),
]);
export type QuizAnswer = z.infer<typeof quizAnswerSchema>;

/** "I was right": the item's answer, marked wrong, is to count as right. */
export const quizClaimRightRequestSchema = z.strictObject({
  sessionId: quizSessionIdSchema,
  itemId: id,
});

export const quizFinishSchema = z.object({
  summary: quizSessionSummarySchema,
  /** Every item of the quiz, answered or not, with the learner's response and the feedback. */
  results: z.array(
    z.object({
      item: publicQuizItemSchema,
      answered: z.boolean(),
      response: z.json().nullable(),
      feedback: quizFeedbackSchema,
      /** Time spent on the question before its answer was sent, or null if unanswered. */
      durationMs: z.number().nullable(),
    }),
  ),
});
export type QuizFinish = z.infer<typeof quizFinishSchema>;

/** A quiz left unfinished (a reload, a restart): its questions and what was already answered. */
export const quizResumeSchema = z.object({
  session: quizStartSchema,
  answered: z.array(
    z.object({
      itemId: z.string(),
      /** Practice: the feedback shown when it was answered. Exam: null (nothing until the end). */
      feedback: quizFeedbackSchema.nullable(),
    }),
  ),
});
export type QuizResume = z.infer<typeof quizResumeSchema>;

export const quizMarkSchema = z.strictObject({ itemId: id, marked: z.boolean() });
export type QuizMark = z.infer<typeof quizMarkSchema>;

export const quizChannels = {
  'quiz.options': channel(noRequest, quizOptionsSchema),
  'quiz.count': channel(quizCountRequestSchema, quizCountSchema),
  'quiz.start': channel(quizStartRequestSchema, quizStartSchema),
  'quiz.answer': channel(quizAnswerRequestSchema, quizAnswerSchema),
  'quiz.claimRight': channel(quizClaimRightRequestSchema, quizAnswerSchema),
  'quiz.finish': channel(z.strictObject({ sessionId: quizSessionIdSchema }), quizFinishSchema),
  'quiz.history': channel(quizHistoryRequestSchema, z.array(quizSessionSummarySchema)),
  /** The newest quiz started but never finished, or null. */
  'quiz.unfinished': channel(noRequest, quizResumeSchema.nullable()),
  /** Marks or unmarks a question for the "marked" pool; allowed during any quiz. */
  'quiz.mark': channel(quizMarkSchema, quizMarkSchema),
};
