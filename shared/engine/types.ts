import type { Tier } from '../pack/schema.ts';

/**
 * Types shared by the generators (which produce cards and quiz items from a pack) and the
 * scheduling/storage services (which schedule them and record answers). Generators own the
 * content; services only rely on ids, links to facts/entities/topics, and teaching order.
 */

export interface Citation {
  readonly referenceId: string;
  /** Human-readable, e.g. "Lee et al. 2017, Figure 1" or "Kim YG et al. 2012". */
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

// ─── Quiz items ──────────────────────────────────────────────────────────────────────────────

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

/** Why the pack proves a wrong option wrong (a missing fact is never proof). */
export type WrongnessBasis =
  /** A fact of the pack states the opposite (opposite polarity, a negation, or no difference). */
  | 'contrary-fact'
  /** In the pathway model the stem is framed on, the option has a different role. */
  | 'pathway-role'
  /** The option belongs to a value set whose members exclude each other (a sign, a status). */
  | 'disjoint-category'
  /** The relation admits one value per subject and the pack gives a different one. */
  | 'functional-relation'
  /** Contested findings: the option's study reported a contrary finding. */
  | 'contested-source';

export interface Evidence {
  readonly basis: WrongnessBasis;
  /** Facts that show the option is wrong; for pathway roles, the facts of the option's edges. */
  readonly factIds: readonly string[];
}

export interface ChoiceOption {
  /** Stable within the item: an entity id, a reference id or a value key such as "up". */
  readonly id: string;
  readonly text: string;
  readonly correct: boolean;
  readonly entityId?: string;
  /** Wrong options only: one line, from the pack, saying why the option is wrong. */
  readonly rationale?: string;
  /** Wrong options only: what in the pack proves it wrong. */
  readonly evidence?: Evidence;
  /** Statement options ("which of the following did X report?"): the claim the option makes. */
  readonly statement?: Statement;
}

/** A subject as a fact states it: the entity, how it is perturbed, and its partners. */
export interface SubjectRef {
  readonly entityId: string;
  readonly modifier?: string;
  readonly coSubjects: readonly string[];
}

/**
 * What the answer of an entity-choice item must satisfy, so checkBank can re-verify every option
 * against the whole pack. `object-of`: "{subject} {relation} ?"; `subject-of`: "? {relation} {object}".
 * With `pathwayId` the stem is framed on that pathway model and roles in it count as evidence.
 */
export type EntityClaim =
  | {
      readonly kind: 'object-of';
      readonly subject: SubjectRef;
      readonly relation: string;
      readonly pathwayId?: string;
    }
  | {
      readonly kind: 'subject-of';
      readonly object: string;
      readonly relation: string;
      readonly pathwayId?: string;
    };

/**
 * "Which of the following did this source report?": each option is a statement; exactly one is
 * a fact of the source, every other one is proved false by the source's own findings.
 */
export interface StatementClaim {
  readonly kind: 'statement';
  readonly referenceId: string;
  /**
   * Framed on a pathway model instead: the correct statement is a fact drawn on it, and a wrong
   * one may be proved wrong by its role in the model as well as by a contrary fact.
   */
  readonly pathwayId?: string;
}

export type Claim = EntityClaim | StatementClaim;

/** A statement in fact shape (true/false items). */
export interface Statement {
  readonly subject: SubjectRef;
  readonly relation: string;
  /** Entity id, or a literal for literal relations. */
  readonly object: string;
  readonly objectDetail?: string;
  readonly compartments: readonly string[];
  readonly diseases: readonly string[];
  readonly species?: string;
  /** Cells and setting the statement is said of (absent: unspecific); a refutation must fit them. */
  readonly cells?: readonly string[];
  readonly setting?: string;
  /** Set when the statement is framed on a pathway model rather than on a study. */
  readonly pathwayId?: string;
}

export type PerturbationChange = 'raised' | 'lowered' | 'blocked';
export type BalanceShift = 'toward-target' | 'toward-other' | 'depends' | 'unchanged';
export type PerturbationEffect = 'up' | 'down' | 'unchanged' | 'depends';

/** One route a perturbation travels along, with the facts behind each step. */
export interface Route {
  readonly nodeIds: readonly string[];
  readonly edgeIds: readonly string[];
  /** Net sign along the route: +1 same direction as the change at the source, −1 opposite. */
  readonly sign: 1 | -1;
  readonly factIds: readonly string[];
  /** Inference ids (dossier C9) of inferred edges on the route. */
  readonly inferenceIds: readonly string[];
  /** "IL-32γ → miR-29a ⊣ DKK-1 ⊣ Osteoblast differentiation" (→ raises/activates, ⊣ lowers/inhibits). */
  readonly chain: string;
  /** One line per step: "IL-32γ raises miR-29a (F099, F127)". */
  readonly steps: readonly string[];
}

export interface NodeEffect {
  readonly nodeId: string;
  readonly entityId: string;
  readonly label: string;
  /** Effect with every edge, inferred ones included (exploration). */
  readonly effect: PerturbationEffect;
  /** Effect over fact-backed edges only. */
  readonly factualEffect: PerturbationEffect;
  /** True when the two differ: the answer rests on an inferred edge. */
  readonly dependsOnInference: boolean;
  /** The perturbed node itself. */
  readonly perturbed: boolean;
  /** Supporting routes (one shortest route per net sign reached). */
  readonly routes: readonly Route[];
  readonly factIds: readonly string[];
  readonly inferenceIds: readonly string[];
}

export interface PerturbationResult {
  readonly pathwayId: string;
  readonly context?: string;
  readonly nodeId: string;
  readonly change: PerturbationChange;
  /** In the pathway's node order. */
  readonly effects: readonly NodeEffect[];
}

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

export type LevelStatus = 'raised' | 'reduced' | 'no-difference';

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
  /** "+" (raises/activates), "-" (lowers/inhibits), "0" (no difference). */
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

export interface Bank {
  readonly cards: readonly StudyCard[];
  readonly quiz: readonly QuizItem[];
}

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

// ─── Dump shapes (content:dump) ──────────────────────────────────────────────────────────────

export interface DumpCard {
  readonly id: string;
  readonly kind: CardKind;
  readonly front: string;
  readonly back: string;
  readonly factIds: readonly string[];
}

/**
 * `answer`, per kind:
 * - option kinds: the correct option's text (the options carry `correct` too);
 * - true-false: `true` or `false`;
 * - cloze: `{ text, accepted }` — the expected answer and every accepted written form;
 * - matching: `[{ left, right }]` — the correct pairs as texts;
 * - ordering: the step texts, upstream first.
 */
export type DumpAnswer =
  | string
  | boolean
  | { readonly text: string; readonly accepted: readonly string[] }
  | readonly { readonly left: string; readonly right: string }[]
  | readonly string[];

export interface DumpQuizItem {
  readonly id: string;
  readonly kind: QuizKind;
  readonly prompt: string;
  readonly options?: readonly { readonly text: string; readonly correct: boolean }[];
  readonly answer: DumpAnswer;
  readonly explanation: string;
  readonly factIds: readonly string[];
  readonly citations: readonly Citation[];
}

// ─── Bank check ──────────────────────────────────────────────────────────────────────────────

export const violationRules = [
  'duplicate-id',
  'prompt-empty',
  'explanation-empty',
  'citations-missing',
  'facts-missing',
  'fact-unknown',
  'fact-background',
  'answer-shape',
  'mcq-option-count',
  'option-count',
  'one-correct-option',
  'rationale-missing',
  'duplicate-option',
  'answer-in-stem',
  'stem-not-framed',
  'answer-unsupported',
  'answer-background',
  'answer-inferred',
  'answer-contested',
  'distractor-satisfies-stem',
  'distractor-unproven',
  'distractor-type',
  'true-statement-unsupported',
  'false-statement-is-fact',
  'false-statement-unproven',
  'matching-ambiguous',
  'matching-unsupported-pair',
  'ordering-not-a-cascade',
  'perturbation-mismatch',
  'inference-undisclosed',
  'edge-sign-mismatch',
  'which-study-mismatch',
  'context-mismatch',
  /** A bracket inside a bracket, or more than two setting items listed in one bracket. */
  'stem-brackets',
  /** A common noun capitalised mid-sentence ("What is Rheumatic disease?"), or a bracket opening on one. */
  'stem-casing',
  /** The same word twice in a row ("4 isoforms isoforms"). */
  'repeated-word',
  /** A blank more than one answer fits, or that accepts several answers without asking for one. */
  'cloze-ambiguous',
  /** A distractor sharing no topic, pathway or study with the answer: guessable by elimination. */
  'distractor-off-topic',
  /** Two cards with the same question and different answers. */
  'card-ambiguous',
] as const;
export type ViolationRule = (typeof violationRules)[number];

export interface Violation {
  readonly itemId: string;
  readonly rule: ViolationRule;
  readonly message: string;
}
