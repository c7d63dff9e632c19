import type { Tier } from '../../../../../shared/pack/schema.ts';

/**
 * The tiers of the review's facts in display order. Listed here rather than imported from the pack
 * schema, whose module would bring zod into this screen's chunk; the check below keeps the two
 * lists in step. Background (textbook) facts live apart from the review's facts, so not here.
 */
export const tierOrder = [
  'review',
  'companion-review',
  'primary',
  'other',
] as const satisfies readonly Tier[];
export type ReviewTier = (typeof tierOrder)[number];
type Missing = Exclude<Tier, ReviewTier | 'background'>;
export const everyTierListed: [Missing] extends [never] ? true : Missing = true;
