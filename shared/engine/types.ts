import type { Tier } from '../pack/schema.ts';

/**
 * Types shared by the generators (which produce cards and quiz items from a pack) and the
 * scheduling/storage services (which schedule them and record answers). Generators own the
 * content; services only rely on ids, links to facts/entities/topics, and teaching order.
 */

export interface Citation {
  readonly referenceId: string;
  /** Human-readable, e.g. "Lee et al. 2017, Figure 1 caption" or "Kim YG et al. 2012". */
  readonly label: string;
  readonly tier: Tier;
}

export type CardKind =
  /** Question from the relation's template: "According to the review, what does IL-32γ raise…?" */
  | 'fact-forward'
  /** The same fact asked from the object's side, for relations that read both ways. */
  | 'fact-reverse'
  /** The fact's sentence with its object masked. */
  | 'fact-cloze'
  /** Entity name → one-line definition. */
  | 'entity-definition'
  /** Definition → entity name. */
  | 'entity-name';

export interface StudyCard {
  /** Stable across pack updates: derived from template + fact or entity id, e.g. "fact-forward:F099". */
  readonly id: string;
  readonly kind: CardKind;
  readonly front: string;
  readonly back: string;
  /** Extra context shown with the answer (the full fact sentence, a chain, a caveat). */
  readonly note?: string;
  readonly factIds: readonly string[];
  readonly entityIds: readonly string[];
  readonly topic: string;
  /** Pathways on which one of the card's facts supports an edge ("Show in pathway"). */
  readonly pathwayIds: readonly string[];
  readonly citations: readonly Citation[];
  readonly highYield: boolean;
  /**
   * Order in which new cards are introduced (lower first): definitions before mechanisms,
   * upstream before downstream along each cascade.
   */
  readonly teachingRank: number;
}
