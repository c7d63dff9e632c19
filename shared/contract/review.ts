import { z } from 'zod';
import { tierSchema } from '../pack/schema.ts';
import type { CardKind, StudyCard } from '../engine/types.ts';
import { channel, noRequest } from './define.ts';

/** Kept in step with `CardKind` by the two compile-time checks below. */
export const cardKinds = ['fact-cloze', 'entity-definition'] as const satisfies readonly CardKind[];
type MissingKind = Exclude<CardKind, (typeof cardKinds)[number]>;
export const everyCardKindListed: [MissingKind] extends [never] ? true : MissingKind = true;

/** What the learner is told a card is, on the card and beside the facts it tests. */
export const cardKindLabels: Record<CardKind, string> = {
  'fact-cloze': 'Fill the gap',
  'entity-definition': 'Definition',
};

export const studyCardSchema = z.object({
  id: z.string(),
  kind: z.enum(cardKinds),
  front: z.string(),
  back: z.string(),
  note: z.string().optional(),
  factIds: z.array(z.string()).readonly(),
  entityIds: z.array(z.string()).readonly(),
  topic: z.string(),
  pathwayIds: z.array(z.string()).readonly(),
  citations: z
    .array(z.object({ referenceId: z.string(), label: z.string(), tier: tierSchema }).readonly())
    .readonly(),
  highYield: z.boolean(),
  teachingRank: z.number(),
});
export const studyCardMatches: z.infer<typeof studyCardSchema> extends StudyCard ? true : false =
  true;

export const ratingSchema = z.enum(['again', 'hard', 'good', 'easy']);
export const phaseSchema = z.enum(['new', 'learning', 'review', 'relearning']);

/** A card's memory state as the UI shows it. Times are ISO 8601. */
export const memoryStateViewSchema = z.object({
  phase: phaseSchema,
  due: z.string(),
  stability: z.number(),
  difficulty: z.number(),
  reps: z.number(),
  lapses: z.number(),
  lastReview: z.string().nullable(),
  /** Predicted probability of recall now (0 for a new card). */
  retrievability: z.number(),
});
export type MemoryStateView = z.infer<typeof memoryStateViewSchema>;

export const choiceSchema = z.object({
  /** What the button shows: time from now until the card would be due again. */
  intervalMs: z.number(),
  due: z.string(),
});

export const queueCountsSchema = z.object({
  studyDay: z.string(),
  /** New cards still to introduce today (within the daily limit or the exam pace). */
  new: z.number(),
  /** Learning and relearning cards due today. */
  learning: z.number(),
  /** Review cards still to do today (within the daily limit). */
  review: z.number(),
  /** Review cards due today, ignoring the limit. */
  dueReviews: z.number(),
  introducedToday: z.number(),
  reviewedToday: z.number(),
  /** Today's new-card target: the limit, or the exam pace when higher. */
  newTarget: z.number(),
  reviewLimit: z.number(),
  /** Cards in the catalog never rated. */
  unseen: z.number(),
  /** Exam mode: new cards a day needed to see every card before the exam. */
  examPace: z.number().nullable(),
});
export type QueueCounts = z.infer<typeof queueCountsSchema>;

export const queueKindSchema = z.enum(['learning', 'review', 'new']);

export const queuedCardSchema = z.object({
  card: studyCardSchema,
  queue: queueKindSchema,
  state: memoryStateViewSchema,
  choices: z.object({
    again: choiceSchema,
    hard: choiceSchema,
    good: choiceSchema,
    easy: choiceSchema,
  }),
  /** Send back with the answer: it is refused ('stale-state') if the card changed meanwhile. */
  stateVersion: z.string(),
});

export type QueuedCard = z.infer<typeof queuedCardSchema>;

export const reviewNextSchema = z.object({
  item: queuedCardSchema.nullable(),
  /**
   * The card that follows `item` once it is answered, whatever the rating, predicted now: the
   * screen can show it the moment a rating key is pressed. Null when the rating decides (learning
   * ahead) or nothing is left. The answer's own `next` is the authority.
   */
  upNext: queuedCardSchema.nullable(),
  counts: queueCountsSchema,
  /** With nothing to show now: when the next learning card comes due today, if any. */
  nextDueAt: z.string().nullable(),
});
export type ReviewNext = z.infer<typeof reviewNextSchema>;

const cardIdSchema = z.string().min(1).max(200);

export const reviewAnswerRequestSchema = z.strictObject({
  cardId: cardIdSchema,
  rating: ratingSchema,
  /** Time spent on the card; stored as given, up to an hour. */
  durationMs: z.number().int().min(0).max(3_600_000),
  expectedVersion: z.string().min(1).max(64),
});

/**
 * What a review write changed (Anki's OpChanges): the UI refreshes from this instead of reloading
 * everything. An answer or an undo always changes one card, the queue and the progress figures.
 */
export const reviewChangesSchema = z.object({
  /** Cards whose stored memory state the write changed. */
  cardIds: z.array(z.string()),
  /** The study queue and its counts. */
  queue: z.boolean(),
  /** Progress figures derived from card states: mastery, streak, exam forecast. */
  progress: z.boolean(),
});
export type ReviewChanges = z.infer<typeof reviewChangesSchema>;

export const reviewAnswerSchema = z.object({
  eventId: z.string(),
  cardId: z.string(),
  state: memoryStateViewSchema,
  counts: queueCountsSchema,
  changes: reviewChangesSchema,
  /**
   * The queue after this answer, exactly as `review.next` would answer now: the screen shows the
   * next card without a second round trip.
   */
  next: reviewNextSchema,
});
export type ReviewAnswer = z.infer<typeof reviewAnswerSchema>;

export const reviewUndoSchema = z.object({
  undoneEventId: z.string(),
  cardId: z.string(),
  state: memoryStateViewSchema,
  counts: queueCountsSchema,
  changes: reviewChangesSchema,
  /** The undone card, shown again to be re-answered (its item carries its restored state). */
  next: reviewNextSchema,
});
export type ReviewUndo = z.infer<typeof reviewUndoSchema>;

export const reviewChannels = {
  'review.next': channel(noRequest, reviewNextSchema),
  'review.answer': channel(reviewAnswerRequestSchema, reviewAnswerSchema),
  'review.undo': channel(noRequest, reviewUndoSchema),
  'review.counts': channel(noRequest, queueCountsSchema),
};
