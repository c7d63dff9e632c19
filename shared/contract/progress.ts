import { z } from 'zod';
import { pathwayIdSchema } from '../pack/schema.ts';
import { channel, noRequest } from './define.ts';
import { queueCountsSchema } from './review.ts';

export const masterySchema = z.object({
  /** Mean predicted recall now of the cards that test it (a card never rated counts 0), 0–1. */
  mastery: z.number(),
  cards: z.number(),
  seen: z.number(),
});

export const topicMasterySchema = masterySchema.extend({ topicId: z.string(), title: z.string() });
export type TopicMastery = z.infer<typeof topicMasterySchema>;

export const examSummarySchema = z.object({
  date: z.string(),
  /** Study days before the exam day, today included. */
  daysLeft: z.number(),
  /** New cards a day needed to see every card before the exam. */
  pace: z.number().nullable(),
  forecast: z.object({
    /** Mean predicted recall on exam day with no further study. */
    ifYouStopNow: z.number(),
    /** If every due review is done (answered Good) and new cards follow the pace: optimistic. */
    ifYouKeepUp: z.number(),
    cards: z.number(),
    unseen: z.number(),
  }),
});

export const nextStepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('learning-due'), count: z.number() }),
  z.object({ kind: z.literal('reviews-due'), count: z.number() }),
  z.object({ kind: z.literal('new-cards'), count: z.number() }),
  z.object({
    kind: z.literal('weak-topic'),
    topicId: z.string(),
    title: z.string(),
    mastery: z.number(),
  }),
  z.object({ kind: z.literal('caught-up'), nextDueAt: z.string().nullable() }),
]);
export type NextStep = z.infer<typeof nextStepSchema>;

export const progressSummarySchema = z.object({
  today: queueCountsSchema,
  streak: z.object({ current: z.number(), studiedToday: z.boolean() }),
  exam: examSummarySchema.nullable(),
  masteryByTopic: z.array(topicMasterySchema),
  /** What to study next, most pressing first. */
  nextSteps: z.array(nextStepSchema),
  totals: z.object({ cards: z.number(), seen: z.number(), reviews: z.number() }),
});
export type ProgressSummary = z.infer<typeof progressSummarySchema>;

export const progressChartsSchema = z.object({
  /** The last 365 study days, oldest first: the calendar heatmap. */
  activity: z.array(z.object({ day: z.string(), reviews: z.number(), quizAnswers: z.number() })),
  /** The last 30 study days by answer; `newCards` = first ratings. */
  reviewsPerDay: z.array(
    z.object({
      day: z.string(),
      again: z.number(),
      hard: z.number(),
      good: z.number(),
      easy: z.number(),
      newCards: z.number(),
    }),
  ),
  /** True retention: share of reviews of cards in review phase not answered Again, by week. */
  retentionByWeek: z.array(
    z.object({
      weekStart: z.string(),
      reviews: z.number(),
      passed: z.number(),
      retention: z.number().nullable(),
    }),
  ),
  /** Cards coming due on each of the next 30 study days (today includes overdue ones). */
  dueForecast: z.array(z.object({ day: z.string(), due: z.number() })),
  quizScores: z.array(
    z.object({
      sessionId: z.string(),
      finishedAt: z.string(),
      mode: z.string(),
      correct: z.number(),
      total: z.number(),
      score: z.number(),
    }),
  ),
  masteryByTopic: z.array(topicMasterySchema),
});
export type ProgressCharts = z.infer<typeof progressChartsSchema>;

export const progressMasteryRequestSchema = z
  .strictObject({
    /** Limit node mastery to one pathway (the overlay); facts, entities and topics are always all. */
    pathwayId: pathwayIdSchema.max(20).optional(),
  })
  .optional();

/** What a pathway node's or edge's mastery rests on. */
const evidenceCountsShape = {
  cards: z.number(),
  /** Quiz questions on its facts (the latest answer of each). */
  quizAnswers: z.number(),
  /** Quiz me: the latest attempt at naming the node on the diagram (0 or 1; 0 for an edge). */
  quizMe: z.number(),
};

export const progressMasterySchema = z.object({
  facts: z.array(masterySchema.extend({ id: z.string() })),
  entities: z.array(masterySchema.extend({ id: z.string() })),
  topics: z.array(topicMasterySchema),
  /** A node's mastery from every piece of evidence on the facts behind it (`pathway-mastery.ts`). */
  nodes: z.array(
    z.object({
      pathwayId: z.string(),
      nodeId: z.string(),
      mastery: z.number().nullable(),
      facts: z.number(),
      ...evidenceCountsShape,
    }),
  ),
  edges: z.array(
    z.object({
      pathwayId: z.string(),
      edgeId: z.string(),
      mastery: z.number().nullable(),
      facts: z.number(),
      ...evidenceCountsShape,
    }),
  ),
});
export type ProgressMastery = z.infer<typeof progressMasterySchema>;

export const factCoverageSchema = z.object({
  factId: z.string(),
  /** Flashcard ratings (not undone) of cards that test the fact. */
  reviews: z.number(),
  /** Of those, answered Again. */
  again: z.number(),
  /** Quiz answers whose item tests the fact. */
  quizAnswers: z.number(),
  quizCorrect: z.number(),
  /** ISO time of the latest review or quiz answer. */
  lastTestedAt: z.string().nullable(),
});
export type FactCoverage = z.infer<typeof factCoverageSchema>;

/** How often each fact has been tested so far; facts never tested are left out. */
export const progressCoverageSchema = z.object({ facts: z.array(factCoverageSchema) });
export type ProgressCoverage = z.infer<typeof progressCoverageSchema>;

export const progressChannels = {
  'progress.summary': channel(noRequest, progressSummarySchema),
  'progress.charts': channel(noRequest, progressChartsSchema),
  'progress.mastery': channel(progressMasteryRequestSchema, progressMasterySchema),
  'progress.coverage': channel(noRequest, progressCoverageSchema),
};
