/** What the relation vocabulary (relations.ts) states of each relation. */

export type Polarity = 'increases' | 'decreases' | 'none';

/** A finding's level in a disease or compartment, as a level relation states it. */
export type LevelStatus = 'raised' | 'reduced' | 'no-difference';

export interface RelationDef {
  readonly polarity: Polarity;
  /** 'entity': the object is an entity id. 'literal': the object is a value such as a year or a count. */
  readonly objectKind: 'entity' | 'literal';
  /** Reads the same both ways (A binds B = B binds A), so a reverse card is generated. */
  readonly symmetric: boolean;
  /** The relation with the opposite polarity, used to build false statements. */
  readonly opposite?: string;
  /**
   * Relations that can contradict one another share a family (same family, opposite effective
   * polarity); a relation without one is a family of its own.
   */
  readonly family?: 'causal' | 'correlation' | 'level';
  /** A denial: the claimed directions it refutes ("fails to inhibit" refutes only −1). */
  readonly negates?: readonly (1 | -1)[];
  /** Level relations: the status a finding with this relation reports. */
  readonly levelStatus?: LevelStatus;
  /**
   * Says who belongs to an isoform family: `member` ties an isoform to its molecule ("is the
   * most abundant isoform of IL-32"); `setting` names where an isoform predominates.
   */
  readonly isoform?: 'member' | 'setting';
  /**
   * Single-valued: `object`, a subject has exactly one object ("first identified in 1992");
   * `subject`, an object has exactly one subject ("the most abundant isoform of IL-32").
   */
  readonly oneValue?: 'object' | 'subject';
  /**
   * Its objects form an open set in the world: IL-32 is raised in many diseases, made by many
   * cells, associated with many things, and a cause has effects no pack lists (IL-32 activates
   * p38 MAPK, and ERK1/2 and Akt too). A blank on the object has one answer only within the
   * review's own words (its abstract or a figure model), never within a primary paper's.
   */
  readonly openObject?: true;
  /**
   * Says the subject is needed for the object, not how much of it there is ("TNF-α is required for
   * IL-32-driven swelling"): drawn as a plain arrow, a sign question on it asks a "raises" anyone
   * guesses and drops the necessity, the point of the finding (audit X).
   */
  readonly necessity?: true;
}
