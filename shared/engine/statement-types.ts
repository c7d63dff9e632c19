import type { Tier } from '../pack/schema.ts';

/**
 * What an item claims and what it rests on: citations, statements in fact shape, the claim an
 * option answers, and the evidence that proves a wrong option wrong.
 */

export interface Citation {
  readonly referenceId: string;
  /** Human-readable, e.g. "Lee et al. 2017, Figure 1" or "Kim YG et al. 2012". */
  readonly label: string;
  readonly tier: Tier;
}

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
  /** The species a manipulated subject came from, when not the one studied (a human transgene). */
  readonly origin?: string;
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
  /** What was measured (level, expression, activity, function), when the fact says. */
  readonly measure?: string;
  readonly compartments: readonly string[];
  readonly diseases: readonly string[];
  readonly species?: readonly string[];
  /** Cells and setting the statement is said of (absent: unspecific); a refutation must fit them. */
  readonly cells?: readonly string[];
  readonly setting?: string;
  /** Set when the statement is framed on a pathway model rather than on a study. */
  readonly pathwayId?: string;
}
