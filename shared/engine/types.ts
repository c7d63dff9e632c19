import type { QuizItem, QuizKind } from './quiz-types.ts';
import type { Citation } from './statement-types.ts';

/**
 * Types shared by the generators (which produce cards and quiz items from a pack) and the
 * scheduling/storage services (which schedule them and record answers). Generators own the
 * content; services only rely on ids, links to facts/entities/topics, and teaching order.
 */

export type * from './perturbation-types.ts';
export type * from './quiz-types.ts';
export type * from './statement-types.ts';
export { quizKinds, responseKinds } from './quiz-types.ts';

/**
 * No open question ("What does IL-32 induce?") and no "name it" from a definition: in the open
 * world both have many true answers. A card asks a fact's own sentence or a term's definition.
 */
export type CardKind =
  /** The fact's sentence with its answer (object, or else its one partner) blanked. */
  | 'fact-cloze'
  /** Glossary term → one-line definition. */
  | 'entity-definition';

export interface StudyCard {
  /** Stable across pack updates: derived from template + fact or entity id, e.g. "fact-cloze:F099". */
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

export interface Bank {
  readonly cards: readonly StudyCard[];
  readonly quiz: readonly QuizItem[];
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
