import { z } from 'zod';
import { cardActionKinds, flagColours } from '../engine/card-actions.ts';
import {
  browseSortKeys,
  browseStates,
  difficultyFilters,
  dueFilters,
  type BrowseRow,
} from '../engine/browse.ts';
import { channel } from './define.ts';
import { memoryStateViewSchema, phaseSchema, queuedCardSchema, ratingSchema } from './review.ts';

/** Browse: every card and quiz item, searched and filtered; card actions on a selection. */

const id = z.string().min(1).max(200);
const nullableId = z.string().min(1).max(200).nullable().default(null);

export const browseFiltersSchema = z.strictObject({
  text: z.string().max(200).default(''),
  topic: nullableId,
  pathway: nullableId,
  kind: z.string().min(1).max(60).nullable().default(null),
  state: z.enum(browseStates).nullable().default(null),
  flag: z.enum(flagColours).nullable().default(null),
  due: z.enum(dueFilters).default('any'),
  difficulty: z.enum(difficultyFilters).default('any'),
  sort: z.enum(browseSortKeys).default('text'),
  descending: z.boolean().default(false),
});
export type BrowseFiltersRequest = z.input<typeof browseFiltersSchema>;

export const browseRowSchema = z.object({
  id: z.string(),
  itemType: z.enum(['card', 'quiz']),
  kind: z.string(),
  topic: z.string(),
  topicTitle: z.string(),
  text: z.string(),
  phase: phaseSchema.nullable(),
  due: z.number().nullable(),
  difficulty: z.number().nullable(),
  suspended: z.boolean(),
  buried: z.boolean(),
  flag: z.enum(flagColours).nullable(),
  reported: z.boolean(),
});
export const browseRowMatches: z.infer<typeof browseRowSchema> extends BrowseRow ? true : false =
  true;

const option = z.object({ id: z.string(), label: z.string() });

export const browseListSchema = z.object({
  rows: z.array(browseRowSchema),
  /** Cards and quiz items before filtering. */
  total: z.number(),
  topics: z.array(option),
  pathways: z.array(option),
  kinds: z.array(option),
});
export type BrowseList = z.infer<typeof browseListSchema>;

/** One event of a card's log as Browse lists it: every one, undone ratings and quiz ones too. */
export const browseEventSchema = z.object({
  id: z.string(),
  kind: z.enum(['rating', 'undo', 'cram', ...cardActionKinds]),
  source: z.enum(['review', 'quiz']),
  rating: ratingSchema.nullable(),
  flag: z.enum(flagColours).nullable(),
  occurredAt: z.string(),
  /** A rating a later undo took back. */
  undone: z.boolean(),
  phaseAfter: phaseSchema,
  stabilityAfter: z.number(),
  difficultyAfter: z.number(),
});

export const browseDetailSchema = z.object({
  id: z.string(),
  itemType: z.enum(['card', 'quiz']),
  kind: z.string(),
  topicTitle: z.string(),
  front: z.string(),
  back: z.string(),
  facts: z.array(z.object({ id: z.string(), text: z.string() })),
  /** A card's memory state; null for a quiz item or a card never studied. */
  state: memoryStateViewSchema.nullable(),
  suspended: z.boolean(),
  buried: z.boolean(),
  flag: z.enum(flagColours).nullable(),
  events: z.array(browseEventSchema),
});
export type BrowseDetail = z.infer<typeof browseDetailSchema>;

const cardIds = z.array(id).min(1).max(100_000);

export const browseActSchema = z.union([
  z.strictObject({
    cardIds,
    action: z.enum(['suspend', 'unsuspend', 'bury', 'unflag', 'forget']),
  }),
  z.strictObject({ cardIds, action: z.literal('flag'), flag: z.enum(flagColours) }),
]);
export type BrowseAct = z.infer<typeof browseActSchema>;

export const browseChannels = {
  'browse.list': channel(browseFiltersSchema, browseListSchema),
  'browse.detail': channel(z.strictObject({ id }), browseDetailSchema),
  /** Returns how many cards changed (an action that changes nothing is not written). */
  'browse.act': channel(browseActSchema, z.object({ changed: z.number() })),
  /** The selected cards as a flashcard session shows them, leaving out suspended and buried ones. */
  'browse.study': channel(
    z.strictObject({ cardIds }),
    z.object({ cards: z.array(queuedCardSchema) }),
  ),
};
