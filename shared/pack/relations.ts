/**
 * The closed relation vocabulary, declared once: per relation its polarity, family, level status,
 * the isoform ties and single values it states, and its phrases. A fact's relation must be one of
 * these keys; anything else is a validation error. Polarity drives true/false corruption and
 * perturbation logic; the phrases drive generated questions. (The question templates of cards
 * and quiz stems are still kept apart, in shared/engine/phrasing.ts; shared/verify keeps its own
 * deliberately simple polarity reading.)
 */
export type Polarity = 'increases' | 'decreases' | 'none';

/** A finding's level in a disease or compartment, as a level relation states it. */
export type LevelStatus = 'raised' | 'reduced' | 'no-difference';

export interface RelationDef {
  readonly polarity: Polarity;
  /** 'entity': the object is an entity id. 'literal': the object is a value such as a year or a count. */
  readonly objectKind: 'entity' | 'literal';
  /** Reads the same both ways (A binds B = B binds A), so a reverse card is generated. */
  readonly symmetric: boolean;
  /** Present-tense verb phrase: "{subject} {phrase} {object}". */
  readonly phrase: string;
  /** Passive phrase for reverse questions: "{object} {passive} {subject}"; absent when a reverse reads badly. */
  readonly passive?: string;
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

export const relations = {
  'is-a': { polarity: 'none', objectKind: 'entity', symmetric: false, phrase: 'is a' },
  'also-known-as': {
    polarity: 'none',
    objectKind: 'literal',
    symmetric: false,
    phrase: 'was formerly called',
  },
  'function-first-reported-in': {
    polarity: 'none',
    objectKind: 'literal',
    symmetric: false,
    phrase: 'had its function first reported in',
    oneValue: 'object',
  },
  'first-identified-in': {
    polarity: 'none',
    objectKind: 'literal',
    symmetric: false,
    phrase: 'was first identified in',
    oneValue: 'object',
  },
  'has-isoform-count': {
    polarity: 'none',
    objectKind: 'literal',
    symmetric: false,
    phrase: 'has this many isoforms:',
    oneValue: 'object',
  },
  'isoform-of': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'is an isoform of',
    passive: 'has as an isoform',
    isoform: 'member',
    oneValue: 'object',
  },
  'most-active-isoform-of': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'is the most active isoform of',
    isoform: 'member',
    oneValue: 'subject',
  },
  'most-abundant-isoform-of': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'is the most abundant isoform of',
    isoform: 'member',
    oneValue: 'subject',
  },
  'predominant-isoform-in': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'is the predominant isoform in',
    isoform: 'setting',
    oneValue: 'subject',
    openObject: true,
  },
  'spliced-into': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'can be spliced into',
    isoform: 'member',
  },
  'located-at': {
    polarity: 'none',
    objectKind: 'literal',
    symmetric: false,
    phrase: 'is located at',
  },
  'discovered-via': {
    polarity: 'none',
    objectKind: 'literal',
    symmetric: false,
    phrase: 'was discovered via',
  },
  'lacks-homology-with': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'lacks sequence homology with',
  },
  'absent-in': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'has no counterpart in',
  },
  'associated-with': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: true,
    phrase: 'is associated with',
    passive: 'is associated with',
    openObject: true,
  },
  'correlates-positively-with': {
    polarity: 'increases',
    objectKind: 'entity',
    symmetric: true,
    phrase: 'correlates positively with',
    passive: 'correlates positively with',
    opposite: 'correlates-inversely-with',
    family: 'correlation',
    openObject: true,
  },
  'correlates-inversely-with': {
    polarity: 'decreases',
    objectKind: 'entity',
    symmetric: true,
    phrase: 'correlates inversely with',
    passive: 'correlates inversely with',
    opposite: 'correlates-positively-with',
    family: 'correlation',
    openObject: true,
  },
  'elevated-in': {
    polarity: 'increases',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'is elevated in',
    opposite: 'reduced-in',
    family: 'level',
    levelStatus: 'raised',
    openObject: true,
  },
  'reduced-in': {
    polarity: 'decreases',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'is reduced in',
    opposite: 'elevated-in',
    family: 'level',
    levelStatus: 'reduced',
    openObject: true,
  },
  'no-difference-in': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'shows no difference in',
    family: 'level',
    levelStatus: 'no-difference',
    negates: [1, -1],
  },
  'detected-in': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'is detected in',
    openObject: true,
  },
  'produced-by': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'is produced by',
    passive: 'produces',
    openObject: true,
  },
  'acts-mainly-on': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'acts mainly on',
    openObject: true,
  },
  'induces-expression-of': {
    polarity: 'increases',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'induces expression of',
    passive: 'is induced by',
    opposite: 'decreases',
    family: 'causal',
    openObject: true,
  },
  increases: {
    polarity: 'increases',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'increases',
    passive: 'is increased by',
    opposite: 'decreases',
    family: 'causal',
    openObject: true,
  },
  decreases: {
    polarity: 'decreases',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'decreases',
    passive: 'is decreased by',
    opposite: 'increases',
    family: 'causal',
    openObject: true,
  },
  activates: {
    polarity: 'increases',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'activates',
    passive: 'is activated by',
    opposite: 'inhibits',
    family: 'causal',
    openObject: true,
  },
  inhibits: {
    polarity: 'decreases',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'inhibits',
    passive: 'is inhibited by',
    opposite: 'activates',
    family: 'causal',
    openObject: true,
  },
  promotes: {
    polarity: 'increases',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'promotes',
    passive: 'is promoted by',
    opposite: 'suppresses',
    family: 'causal',
    openObject: true,
  },
  suppresses: {
    polarity: 'decreases',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'suppresses',
    passive: 'is suppressed by',
    opposite: 'promotes',
    family: 'causal',
    openObject: true,
  },
  targets: {
    polarity: 'decreases',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'targets (lowers)',
    passive: 'is targeted by',
    opposite: 'increases',
    family: 'causal',
    openObject: true,
  },
  disrupts: {
    polarity: 'decreases',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'disrupts',
    passive: 'is disrupted by',
    opposite: 'promotes',
    family: 'causal',
    openObject: true,
  },
  regulates: {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'regulates',
    passive: 'is regulated by',
    openObject: true,
  },
  'required-for': {
    polarity: 'increases',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'is required for',
    passive: 'requires',
    family: 'causal',
    openObject: true,
    necessity: true,
  },
  'synergizes-with': {
    polarity: 'increases',
    objectKind: 'entity',
    symmetric: true,
    phrase: 'acts synergistically with',
    passive: 'acts synergistically with',
    openObject: true,
  },
  binds: {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: true,
    phrase: 'binds',
    passive: 'binds',
    openObject: true,
  },
  'does-not-induce': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'does not by itself induce',
    family: 'causal',
    negates: [1],
    openObject: true,
  },
  'fails-to-inhibit': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'fails to inhibit',
    family: 'causal',
    negates: [-1],
    openObject: true,
  },
  outweighs: { polarity: 'none', objectKind: 'entity', symmetric: false, phrase: 'outweighs' },
  'proposed-as': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'is proposed as',
    openObject: true,
  },
} as const satisfies Record<string, RelationDef>;

export type RelationId = keyof typeof relations;
export const relationIds = Object.keys(relations) as RelationId[];

export function relationDef(id: RelationId): RelationDef {
  return relations[id];
}
