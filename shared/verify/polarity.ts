import type { RelationId } from '../pack/relations.ts';
import type { EdgeSign } from '../pack/schema.ts';

/**
 * Relation polarities, written out again on purpose. The generators and `checkBank` read the
 * polarity of a relation from `pack/relations.ts` and `engine/semantics.ts`; if one of those
 * rules were wrong, a generator and its checker would agree on the same wrong key. This verifier
 * is a second opinion, so it keeps its own table and imports the relation list as a type only
 * (the `satisfies` below makes a new relation a compile error here until someone classifies it).
 *
 * A relation belongs to a family; two relations contradict each other only inside one family and
 * with opposite signs. `sign: 0` is "no difference" (it contradicts both + and − of its family);
 * relations outside every family (`none`) are never contradicted by polarity.
 */
export type Family = 'causal' | 'level' | 'correlation' | 'none';
export type Sign = 1 | -1 | 0;

export interface Polarity {
  readonly family: Family;
  readonly sign: Sign;
}

const causalUp: Polarity = { family: 'causal', sign: 1 };
const causalDown: Polarity = { family: 'causal', sign: -1 };
const neutral: Polarity = { family: 'none', sign: 0 };

export const polarityOf = {
  increases: causalUp,
  activates: causalUp,
  promotes: causalUp,
  'induces-expression-of': causalUp,
  'required-for': causalUp,
  decreases: causalDown,
  inhibits: causalDown,
  suppresses: causalDown,
  targets: causalDown,
  disrupts: causalDown,
  'elevated-in': { family: 'level', sign: 1 },
  'reduced-in': { family: 'level', sign: -1 },
  'no-difference-in': { family: 'level', sign: 0 },
  'correlates-positively-with': { family: 'correlation', sign: 1 },
  'correlates-inversely-with': { family: 'correlation', sign: -1 },
  // Negated findings: each denies one direction only, so they are handled by `deniedBy` below.
  'does-not-induce': neutral,
  'fails-to-inhibit': neutral,
  'synergizes-with': neutral,
  regulates: neutral,
  'associated-with': neutral,
  'is-a': neutral,
  'also-known-as': neutral,
  'function-first-reported-in': neutral,
  'first-identified-in': neutral,
  'has-isoform-count': neutral,
  'isoform-of': neutral,
  'most-active-isoform-of': neutral,
  'most-abundant-isoform-of': neutral,
  'predominant-isoform-in': neutral,
  'spliced-into': neutral,
  'located-at': neutral,
  'discovered-via': neutral,
  'lacks-homology-with': neutral,
  'absent-in': neutral,
  'detected-in': neutral,
  'produced-by': neutral,
  'acts-mainly-on': neutral,
  binds: neutral,
  outweighs: neutral,
  'proposed-as': neutral,
  treats: neutral,
  'has-adverse-effect': neutral,
} as const satisfies Record<RelationId, Polarity>;

export function polarity(relation: string): Polarity {
  return (polarityOf as Record<string, Polarity | undefined>)[relation] ?? neutral;
}

/** A negated finding denies the causal claim of one sign (with the same subject and object). */
export const deniedSign: Readonly<Record<string, Sign>> = {
  'does-not-induce': 1,
  'fails-to-inhibit': -1,
};

/**
 * Single-valued relations: a second fact with the same relation and the same fixed side but a
 * different value contradicts a claim. `subject` means one subject per object ("the most abundant
 * isoform of IL-32"), `object` one object per subject ("first identified in 1992").
 */
export const singleValued: Readonly<Record<string, 'subject' | 'object'>> = {
  'most-active-isoform-of': 'subject',
  'most-abundant-isoform-of': 'subject',
  'predominant-isoform-in': 'subject',
  'first-identified-in': 'object',
  'function-first-reported-in': 'object',
  'has-isoform-count': 'object',
  'located-at': 'object',
};

/** Relations that say what an isoform belongs to (subject: isoform, object: its gene). */
export const isoformRelations: readonly string[] = [
  'isoform-of',
  'most-active-isoform-of',
  'most-abundant-isoform-of',
];

/**
 * Subject modifiers that turn the subject's effect around ("lowered IL-32γ raises DKK-1" says
 * IL-32γ lowers DKK-1); the others keep its direction or only qualify where it acts.
 */
export const invertingModifiers: readonly string[] = [
  'lowered',
  'absent',
  'knockout',
  'loss-of-function',
  'blocked',
  'antibody-blocked',
  'silenced',
];
/** Modifiers that are qualifiers of setting, which a true statement must keep. */
export const qualifyingModifiers: readonly string[] = ['local', 'systemic', 'transgenic'];

/** The sign a pathway edge draws: + raises, − lowers, 0 no difference. */
export const edgeSignOf: Readonly<Record<EdgeSign, Sign>> = {
  stimulates: 1,
  'increases-level': 1,
  inhibits: -1,
  'decreases-level': -1,
  'no-difference': 0,
};
