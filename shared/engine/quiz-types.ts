import type { LevelStatus } from '../pack/relations.ts';
import type { PerturbationChange, Route } from './perturbation-types.ts';
import type {
  ChoiceOption,
  Citation,
  Claim,
  EntityClaim,
  Evidence,
  Statement,
  SubjectRef,
} from './statement-types.ts';

/** Quiz items of every kind, the responses they take and the grades they get. */

export const quizKinds = [
  /** Single best answer: four options, one correct, three distractors the pack proves wrong. */
  'mcq',
  /** A statement from a fact, or a fact corrupted (polarity flipped or entity swapped) and proved false. */
  'true-false',
  /** A sentence with its object blanked; typed answer, alias-aware. */
  'cloze',
  /** Pair each left entry with one right entry (e.g. disease ↔ IL-32γ finding). */
  'matching',
  /** Put the steps of a pathway cascade in order, upstream first. */
  'ordering',
  /** "If X is blocked/raised, what happens to Y?" computed by sign propagation on a pathway. */
  'perturbation',
  /** Local vs systemic, which finding in which disease: options are statuses or compartments. */
  'context',
  /** A pathway neighbourhood with one node hidden: choose it. */
  'diagram-node',
  /** A pathway edge with its sign hidden: choose the sign. */
  'diagram-edge',
  /** Contested findings: which study reported this? */
  'which-study',
] as const;
export type QuizKind = (typeof quizKinds)[number];

export type Difficulty = 1 | 2 | 3;

/** Fields every quiz item carries. */
interface QuizItemBase {
  /** Stable across pack updates and seeds, e.g. "mcq:F099", "perturbation:D1:il-32-gamma:blocked:osteogenesis". */
  readonly id: string;
  readonly prompt: string;
  /** In our own words, built from the item's facts; multi-step items give the chain and a fact per step. */
  readonly explanation: string;
  /** The facts the item rests on (never empty). */
  readonly factIds: readonly string[];
  readonly citations: readonly Citation[];
  readonly difficulty: Difficulty;
  readonly topic: string;
  /** The pathway the item is framed on or drawn from, if any. */
  readonly pathwayId?: string;
  /** Every pathway the item touches: its own, and those on which its facts are drawn as edges. */
  readonly pathwayIds: readonly string[];
  readonly diseaseIds: readonly string[];
  readonly entityIds: readonly string[];
  /** Pathway edges the item exercises (coverage). */
  readonly edgeIds: readonly string[];
  /** Inferences the answer depends on; the prompt says so whenever this is non-empty. */
  readonly inferenceIds: readonly string[];
  readonly teachingPointIds: readonly string[];
  readonly highYield: boolean;
  /** Items of one family are variants of one question; a quiz takes at most one per family. */
  readonly family: string;
}

export interface McqItem extends QuizItemBase {
  readonly kind: 'mcq';
  readonly claim: Claim;
  /** Exactly four, exactly one correct. */
  readonly options: readonly ChoiceOption[];
}

export interface TrueFalseItem extends QuizItemBase {
  readonly kind: 'true-false';
  readonly statement: Statement;
  readonly answer: boolean;
  /** For false statements: how a fact was corrupted and what proves the result false. */
  readonly corruption?: {
    readonly method: 'polarity-flip' | 'entity-swap';
    readonly fromFactId: string;
    readonly evidence: Evidence;
  };
}

export interface ClozeAnswer {
  /** The expected answer as displayed ("miR-29a", "1992"). */
  readonly text: string;
  readonly entityId?: string;
  /** Every accepted form (name and aliases of each acceptable answer), before normalisation. */
  readonly accepted: readonly string[];
}

export interface ClozeItem extends QuizItemBase {
  readonly kind: 'cloze';
  /** The prompt contains the blank "_____". */
  readonly answer: ClozeAnswer;
}

export type MatchingFamily =
  /** Disease ↔ the level of the subject reported in it (raised locally, reduced systemically…). */
  | 'disease-status'
  /** Isoform ↔ a property reported for it. */
  | 'isoform-property'
  /** Inducer ↔ the cells or tissue where it switched the object on. */
  | 'inducer-setting';

export interface MatchingItem extends QuizItemBase {
  readonly kind: 'matching';
  readonly matchingFamily: MatchingFamily;
  /** The shared subject (disease-status) or object (inducer-setting); absent for isoform-property. */
  readonly anchorEntityId?: string;
  readonly left: readonly {
    readonly id: string;
    readonly text: string;
    readonly entityId: string;
  }[];
  /** Shown in a seeded order. */
  readonly right: readonly { readonly id: string; readonly text: string }[];
  /** Exactly one right per left; the pack supports exactly one perfect matching. */
  readonly answer: readonly {
    readonly leftId: string;
    readonly rightId: string;
    readonly factId: string;
  }[];
}

export interface OrderingItem extends QuizItemBase {
  readonly kind: 'ordering';
  readonly pathwayId: string;
  /** Node ids and labels, shown in a seeded order. */
  readonly steps: readonly { readonly id: string; readonly text: string }[];
  /** Node ids upstream → downstream. */
  readonly answer: readonly string[];
}

export interface PerturbationItem extends QuizItemBase {
  readonly kind: 'perturbation';
  readonly pathwayId: string;
  readonly perturbation: {
    readonly context?: string;
    readonly nodeId: string;
    readonly change: PerturbationChange;
    readonly targetNodeId: string;
    /**
     * Balance questions: the arm the target competes with, as a fact of the pack declares
     * ("osteoblast differentiation outweighs osteoclast differentiation" in AS). Options are then
     * "toward-target", "toward-other", "depends", "unchanged".
     */
    readonly versus?: { readonly nodeId: string; readonly factId: string };
  };
  /** One per effect: "up", "down", "unchanged", "depends" (balance questions: see `versus`). */
  readonly options: readonly ChoiceOption[];
  readonly routes: readonly Route[];
}

export type ContextAsk =
  /** Given disease and compartment, which level change was reported (raised/reduced/no difference)? */
  | 'status'
  /** Given disease and level change, in which compartment? */
  | 'compartment';

export interface ContextItem extends QuizItemBase {
  readonly kind: 'context';
  readonly ask: ContextAsk;
  readonly subject: SubjectRef;
  readonly diseaseId: string;
  /** For 'status': the compartments asked about. For 'compartment': the status asked about. */
  readonly compartments: readonly string[];
  readonly status?: LevelStatus;
  readonly options: readonly ChoiceOption[];
}

export type { LevelStatus };

export interface DiagramNodeItem extends QuizItemBase {
  readonly kind: 'diagram-node';
  readonly pathwayId: string;
  readonly hiddenNodeId: string;
  /** The pathway's figure and title as shown under the diagram, the answer redacted ("…"). */
  readonly caption: string;
  /** Draw only these nodes (the hidden node's neighbourhood) with the hidden one masked. */
  readonly visibleNodeIds: readonly string[];
  readonly claim: EntityClaim;
  readonly options: readonly ChoiceOption[];
}

export interface DiagramEdgeItem extends QuizItemBase {
  readonly kind: 'diagram-edge';
  readonly pathwayId: string;
  readonly hiddenEdgeId: string;
  /** The pathway's figure and title as shown under the diagram. */
  readonly caption: string;
  /** "+", "-", "0": the three directions of shared/pack/edge-signs.ts. */
  readonly options: readonly ChoiceOption[];
}

export interface WhichStudyItem extends QuizItemBase {
  readonly kind: 'which-study';
  /** The contested fact asked about; options are reference ids. */
  readonly factId: string;
  readonly options: readonly ChoiceOption[];
}

export type QuizItem =
  | McqItem
  | TrueFalseItem
  | ClozeItem
  | MatchingItem
  | OrderingItem
  | PerturbationItem
  | ContextItem
  | DiagramNodeItem
  | DiagramEdgeItem
  | WhichStudyItem;

export type OptionItem = Extract<QuizItem, { readonly options: readonly ChoiceOption[] }>;

// ─── Responses and grading ───────────────────────────────────────────────────────────────────

/**
 * What the learner sends, per item kind:
 * - option kinds (mcq, perturbation, context, diagram-node, diagram-edge, which-study):
 *   `{ kind: 'choice', optionId }` — an option's `id`.
 * - true-false: `{ kind: 'true-false', value }`.
 * - cloze: `{ kind: 'text', text }` — matched alias-aware, ignoring case, spaces, hyphens and how
 *   Greek letters are written ("il32 gamma" = "IL-32γ").
 * - matching: `{ kind: 'matching', pairs }` — left id → right id; unpaired lefts score zero.
 * - ordering: `{ kind: 'ordering', order }` — every step id once, upstream first.
 */
export type QuizResponse =
  | { readonly kind: 'choice'; readonly optionId: string }
  | { readonly kind: 'true-false'; readonly value: boolean }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'matching'; readonly pairs: Readonly<Record<string, string>> }
  | { readonly kind: 'ordering'; readonly order: readonly string[] };

/** How an item is answered: which QuizResponse shape it takes. */
export const responseKinds = ['choice', 'true-false', 'text', 'matching', 'ordering'] as const;
export type ResponseKind = (typeof responseKinds)[number];

export interface Grade {
  /** Full marks only. */
  readonly correct: boolean;
  /** 0–1; matching scores per pair, ordering by pairs in the right relative order. */
  readonly score: number;
  /** The expected answer as a learner reads it. */
  readonly expected: string;
  /** Why: the rationale of a chosen wrong option, then the explanation. */
  readonly feedback: string;
}
