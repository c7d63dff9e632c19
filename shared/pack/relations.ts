/**
 * The closed relation vocabulary, declared once. A fact's relation must be one of these keys;
 * anything else is a validation error. Polarity drives true/false corruption and perturbation logic;
 * the phrases drive generated questions.
 */
export type Polarity = 'increases' | 'decreases' | 'none';

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
    phrase: 'had its cytokine activity first reported in',
  },
  'first-identified-in': {
    polarity: 'none',
    objectKind: 'literal',
    symmetric: false,
    phrase: 'was first identified in',
  },
  'has-isoform-count': {
    polarity: 'none',
    objectKind: 'literal',
    symmetric: false,
    phrase: 'has this many isoforms:',
  },
  'isoform-of': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'is an isoform of',
    passive: 'has as an isoform',
  },
  'most-active-isoform-of': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'is the most active isoform of',
  },
  'most-abundant-isoform-of': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'is the most abundant isoform of',
  },
  'predominant-isoform-in': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'is the predominant isoform in',
  },
  'spliced-into': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'can be spliced into',
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
  },
  'correlates-positively-with': {
    polarity: 'increases',
    objectKind: 'entity',
    symmetric: true,
    phrase: 'correlates positively with',
    passive: 'correlates positively with',
    opposite: 'correlates-inversely-with',
  },
  'correlates-inversely-with': {
    polarity: 'decreases',
    objectKind: 'entity',
    symmetric: true,
    phrase: 'correlates inversely with',
    passive: 'correlates inversely with',
    opposite: 'correlates-positively-with',
  },
  'elevated-in': {
    polarity: 'increases',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'is elevated in',
    opposite: 'reduced-in',
  },
  'reduced-in': {
    polarity: 'decreases',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'is reduced in',
    opposite: 'elevated-in',
  },
  'no-difference-in': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'shows no difference in',
  },
  'detected-in': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'is detected in',
  },
  'produced-by': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'is produced by',
    passive: 'produces',
  },
  'acts-mainly-on': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'acts mainly on',
  },
  'induces-expression-of': {
    polarity: 'increases',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'induces expression of',
    passive: 'is induced by',
    opposite: 'decreases',
  },
  increases: {
    polarity: 'increases',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'increases',
    passive: 'is increased by',
    opposite: 'decreases',
  },
  decreases: {
    polarity: 'decreases',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'decreases',
    passive: 'is decreased by',
    opposite: 'increases',
  },
  activates: {
    polarity: 'increases',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'activates',
    passive: 'is activated by',
    opposite: 'inhibits',
  },
  inhibits: {
    polarity: 'decreases',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'inhibits',
    passive: 'is inhibited by',
    opposite: 'activates',
  },
  promotes: {
    polarity: 'increases',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'promotes',
    passive: 'is promoted by',
    opposite: 'suppresses',
  },
  suppresses: {
    polarity: 'decreases',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'suppresses',
    passive: 'is suppressed by',
    opposite: 'promotes',
  },
  targets: {
    polarity: 'decreases',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'targets (lowers)',
    passive: 'is targeted by',
    opposite: 'increases',
  },
  disrupts: {
    polarity: 'decreases',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'disrupts',
    passive: 'is disrupted by',
    opposite: 'promotes',
  },
  regulates: {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'regulates',
    passive: 'is regulated by',
  },
  'required-for': {
    polarity: 'increases',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'is required for',
    passive: 'requires',
  },
  'synergizes-with': {
    polarity: 'increases',
    objectKind: 'entity',
    symmetric: true,
    phrase: 'acts synergistically with',
    passive: 'acts synergistically with',
  },
  binds: {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: true,
    phrase: 'binds',
    passive: 'binds',
  },
  'does-not-induce': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'does not by itself induce',
  },
  'fails-to-inhibit': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'fails to inhibit',
  },
  outweighs: { polarity: 'none', objectKind: 'entity', symmetric: false, phrase: 'outweighs' },
  'proposed-as': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'is proposed as',
  },
} as const satisfies Record<string, RelationDef>;

export type RelationId = keyof typeof relations;
export const relationIds = Object.keys(relations) as RelationId[];

export function relationDef(id: RelationId): RelationDef {
  return relations[id];
}
