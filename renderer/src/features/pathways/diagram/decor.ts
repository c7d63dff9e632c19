import type { EdgeSign } from '../../../../../shared/pack/schema.ts';

/**
 * What a mode adds to the plain diagram: emphasis, badges, masked labels, extra (learner) edges.
 * Modes compute it; the diagram only draws it.
 */
export type NodeState =
  | 'normal'
  | 'active'
  | 'current'
  | 'dim'
  | 'correct'
  | 'wrong'
  | 'mastery-low'
  | 'mastery-mid'
  | 'mastery-high'
  | 'mastery-none'
  | 'perturbed'
  | 'effect-up'
  | 'effect-down'
  | 'effect-depends';
export type EdgeState =
  'normal' | 'active' | 'current' | 'dim' | 'correct' | 'wrong' | 'extra' | 'missing' | 'learner';

export interface NodeDecor {
  readonly state?: NodeState;
  /** Replaces the label, e.g. "?3" in the naming quiz. */
  readonly masked?: string;
  /** A short visible badge ("↑", "72 %") and the words a screen reader hears for it. */
  readonly badge?: { readonly text: string; readonly words: string; readonly tone?: string };
  /** Added to the node's accessible name. */
  readonly ariaExtra?: string;
}

export interface EdgeDecor {
  readonly state?: EdgeState;
  readonly hidden?: boolean;
  readonly ariaExtra?: string;
}

export interface ExtraEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly sign: EdgeSign;
  readonly state: EdgeState;
  readonly ariaLabel: string;
}

export interface DiagramDecor {
  readonly nodes?: Readonly<Record<string, NodeDecor>>;
  readonly edges?: Readonly<Record<string, EdgeDecor>>;
  /** Hide every pathway edge (build-the-pathway shows only the learner's). */
  readonly hideEdges?: boolean;
  readonly extraEdges?: readonly ExtraEdge[];
  /** Description read after each node's name, e.g. "Press Enter to name it." */
  readonly nodeHint?: string;
}

export const noDecor: DiagramDecor = {};
