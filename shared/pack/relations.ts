/**
 * The closed relation vocabulary, declared once: per relation its polarity, family, level status,
 * the isoform ties and single values it states, and its phrases. A fact's relation must be one of
 * these keys; anything else is a validation error. Polarity drives true/false corruption and
 * perturbation logic; the phrases drive generated questions. (The question templates of cards
 * and quiz stems are still kept apart, in shared/engine/phrasing.ts; shared/verify keeps its own
 * deliberately simple polarity reading.)
 */
import type { RelationDef } from './relation-def.ts';

export type { LevelStatus, Polarity, RelationDef } from './relation-def.ts';

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
  /** A drug and the disease it is given for; its effects are facts with subjectModifier "treated". */
  treats: {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'is used to treat',
    passive: 'is treated with',
    openObject: true,
  },
  /** A harm seen with a treatment (in trials, against a comparator the note names). */
  'has-adverse-effect': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    phrase: 'is associated with',
    openObject: true,
  },
} as const satisfies Record<string, RelationDef>;

export type RelationId = keyof typeof relations;
export const relationIds = Object.keys(relations) as RelationId[];

/**
 * The table again with every field any entry uses present on every entry (undefined where absent):
 * one object shape, so the engine's many reads of one field across relations stay fast (the
 * literal above gives each entry a shape of its own).
 */
const fields = [...new Set(relationIds.flatMap((id) => Object.keys(relations[id])))].sort();
const uniformDefs: ReadonlyMap<RelationId, RelationDef> = new Map(
  relationIds.map((id) => {
    const def: Readonly<Record<string, unknown>> = relations[id];
    return [id, Object.fromEntries(fields.map((f) => [f, def[f]])) as unknown as RelationDef];
  }),
);

export function isRelationId(id: string): id is RelationId {
  return uniformDefs.has(id as RelationId);
}

export function relationDef(id: RelationId): RelationDef {
  const def = uniformDefs.get(id);
  if (!def) throw new Error(`unknown relation "${id}"`);
  return def;
}
