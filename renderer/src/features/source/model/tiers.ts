import type { Tier } from '../../../../../shared/pack/schema.ts';

/**
 * The tiers in display order. Listed here rather than imported from the pack schema, whose module
 * would bring zod into this screen's chunk; the check below keeps the two lists in step.
 */
export const tierOrder = [
  'review',
  'companion-review',
  'primary',
  'other',
] as const satisfies readonly Tier[];
type Missing = Exclude<Tier, (typeof tierOrder)[number]>;
export const everyTierListed: [Missing] extends [never] ? true : Missing = true;
