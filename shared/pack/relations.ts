/**
 * The closed relation vocabulary, declared once: per relation its polarity, family, level status,
 * and the isoform ties and single values it states. A fact's relation must be one of these keys;
 * anything else is a validation error. Polarity drives true/false corruption and perturbation
 * logic. How a relation reads (its verb and question templates) has one home too, in
 * shared/engine/relation-text.ts, typed to cover every key here; shared/verify keeps its own
 * deliberately simple polarity reading.
 */
import type { RelationDef } from './relation-def.ts';

export type { LevelStatus, Polarity, RelationDef } from './relation-def.ts';

export const relations = {
  'is-a': { polarity: 'none', objectKind: 'entity', symmetric: false },
  'also-known-as': {
    polarity: 'none',
    objectKind: 'literal',
    symmetric: false,
  },
  'function-first-reported-in': {
    polarity: 'none',
    objectKind: 'literal',
    symmetric: false,
    oneValue: 'object',
  },
  'first-identified-in': {
    polarity: 'none',
    objectKind: 'literal',
    symmetric: false,
    oneValue: 'object',
  },
  'has-isoform-count': {
    polarity: 'none',
    objectKind: 'literal',
    symmetric: false,
    oneValue: 'object',
  },
  'isoform-of': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    isoform: 'member',
    oneValue: 'object',
  },
  'most-active-isoform-of': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    isoform: 'member',
    oneValue: 'subject',
  },
  'most-abundant-isoform-of': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    isoform: 'member',
    oneValue: 'subject',
  },
  'predominant-isoform-in': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    isoform: 'setting',
    oneValue: 'subject',
    openObject: true,
  },
  'spliced-into': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    isoform: 'member',
  },
  'located-at': {
    polarity: 'none',
    objectKind: 'literal',
    symmetric: false,
  },
  'discovered-via': {
    polarity: 'none',
    objectKind: 'literal',
    symmetric: false,
  },
  'lacks-homology-with': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
  },
  'absent-in': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
  },
  'associated-with': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: true,
    openObject: true,
  },
  'correlates-positively-with': {
    polarity: 'increases',
    objectKind: 'entity',
    symmetric: true,
    opposite: 'correlates-inversely-with',
    family: 'correlation',
    openObject: true,
  },
  'correlates-inversely-with': {
    polarity: 'decreases',
    objectKind: 'entity',
    symmetric: true,
    opposite: 'correlates-positively-with',
    family: 'correlation',
    openObject: true,
  },
  'elevated-in': {
    polarity: 'increases',
    objectKind: 'entity',
    symmetric: false,
    opposite: 'reduced-in',
    family: 'level',
    levelStatus: 'raised',
    openObject: true,
  },
  'reduced-in': {
    polarity: 'decreases',
    objectKind: 'entity',
    symmetric: false,
    opposite: 'elevated-in',
    family: 'level',
    levelStatus: 'reduced',
    openObject: true,
  },
  'no-difference-in': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    family: 'level',
    levelStatus: 'no-difference',
    negates: [1, -1],
  },
  'detected-in': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    openObject: true,
  },
  'produced-by': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    openObject: true,
  },
  'acts-mainly-on': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    openObject: true,
  },
  'induces-expression-of': {
    polarity: 'increases',
    objectKind: 'entity',
    symmetric: false,
    opposite: 'decreases',
    family: 'causal',
    openObject: true,
  },
  increases: {
    polarity: 'increases',
    objectKind: 'entity',
    symmetric: false,
    opposite: 'decreases',
    family: 'causal',
    openObject: true,
  },
  decreases: {
    polarity: 'decreases',
    objectKind: 'entity',
    symmetric: false,
    opposite: 'increases',
    family: 'causal',
    openObject: true,
  },
  activates: {
    polarity: 'increases',
    objectKind: 'entity',
    symmetric: false,
    opposite: 'inhibits',
    family: 'causal',
    openObject: true,
  },
  inhibits: {
    polarity: 'decreases',
    objectKind: 'entity',
    symmetric: false,
    opposite: 'activates',
    family: 'causal',
    openObject: true,
  },
  promotes: {
    polarity: 'increases',
    objectKind: 'entity',
    symmetric: false,
    opposite: 'suppresses',
    family: 'causal',
    openObject: true,
  },
  suppresses: {
    polarity: 'decreases',
    objectKind: 'entity',
    symmetric: false,
    opposite: 'promotes',
    family: 'causal',
    openObject: true,
  },
  targets: {
    polarity: 'decreases',
    objectKind: 'entity',
    symmetric: false,
    opposite: 'increases',
    family: 'causal',
    openObject: true,
  },
  disrupts: {
    polarity: 'decreases',
    objectKind: 'entity',
    symmetric: false,
    opposite: 'promotes',
    family: 'causal',
    openObject: true,
  },
  regulates: {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    openObject: true,
  },
  'required-for': {
    polarity: 'increases',
    objectKind: 'entity',
    symmetric: false,
    family: 'causal',
    openObject: true,
    necessity: true,
  },
  'synergizes-with': {
    polarity: 'increases',
    objectKind: 'entity',
    symmetric: true,
    openObject: true,
  },
  binds: {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: true,
    openObject: true,
  },
  'does-not-induce': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    family: 'causal',
    negates: [1],
    openObject: true,
  },
  'fails-to-inhibit': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    family: 'causal',
    negates: [-1],
    openObject: true,
  },
  outweighs: { polarity: 'none', objectKind: 'entity', symmetric: false },
  'proposed-as': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    openObject: true,
  },
  /** A drug and the disease it is given for; its effects are facts with subjectModifier "treated". */
  treats: {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
    openObject: true,
  },
  /** A harm seen with a treatment (in trials, against a comparator the note names). */
  'has-adverse-effect': {
    polarity: 'none',
    objectKind: 'entity',
    symmetric: false,
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
