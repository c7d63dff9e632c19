/**
 * How a fact's subject was changed or qualified, defined once: what each modifier does to the
 * subject, how a sentence says it, and what a perturbation question may make of it. A modifier is
 * one of three sorts: a level the subject was found at (raised, lowered), a manipulation an
 * experiment or a treatment made (knockout, silencing, a blocking antibody, a transgene, a drug),
 * or a place (local, systemic), which is a setting rather than a change.
 */
export interface ModifierDef {
  readonly sort: 'level' | 'manipulation' | 'place';
  /** What happened to the subject: a lowering modifier turns the fact's sign round. */
  readonly change: 'raised' | 'lowered' | 'none';
  /**
   * Takes the subject away or stops it acting (knockout, silencing, blocking): a sentence that
   * says "not", "no" or "deleted" may rest on it.
   */
  readonly removes?: true;
  /** The subject as a sentence names it: "silencing IL-32γ", "an antibody that blocks DKK-1". */
  readonly phrase: (name: string) => string;
  /** The phrase takes "a" or "an" ("a human IL-32γ transgene"), chosen by how it is spoken. */
  readonly article?: true;
  /** The phrase is plural ("loss-of-function mutations in … increase"). */
  readonly plural?: true;
  /** For the pack's authors (JSON Schema and the guide). */
  readonly docs: string;
}

export const modifiers = {
  raised: {
    sort: 'level',
    change: 'raised',
    phrase: (n) => `high ${n}`,
    docs: 'found at a high level (not made so by an experiment)',
  },
  lowered: {
    sort: 'level',
    change: 'lowered',
    phrase: (n) => `low ${n}`,
    docs: 'found at a low level (not made so by an experiment)',
  },
  absent: {
    sort: 'manipulation',
    change: 'lowered',
    removes: true,
    phrase: (n) => `loss of ${n}`,
    docs: 'missing, however it was lost (a deficiency, a deletion)',
  },
  knockout: {
    sort: 'manipulation',
    change: 'lowered',
    removes: true,
    phrase: (n) => `${n} knockout`,
    docs: 'its gene deleted (a knockout animal or cell)',
  },
  'loss-of-function': {
    sort: 'manipulation',
    change: 'lowered',
    removes: true,
    phrase: (n) => `loss-of-function mutations in the ${n} gene`,
    plural: true,
    docs: 'a mutation that removes or weakens its function (in patients or animals)',
  },
  'gain-of-function': {
    sort: 'manipulation',
    change: 'raised',
    phrase: (n) => `gain-of-function mutations in the ${n} gene`,
    plural: true,
    docs: 'a mutation that strengthens its function',
  },
  blocked: {
    sort: 'manipulation',
    change: 'lowered',
    removes: true,
    phrase: (n) => `blocking ${n}`,
    docs: 'blocked by an inhibitor or an antagonist',
  },
  'antibody-blocked': {
    sort: 'manipulation',
    change: 'lowered',
    removes: true,
    phrase: (n) => `an antibody that blocks ${n}`,
    docs: 'neutralised by a blocking antibody',
  },
  silenced: {
    sort: 'manipulation',
    change: 'lowered',
    removes: true,
    phrase: (n) => `silencing ${n}`,
    docs: 'knocked down (siRNA, shRNA)',
  },
  overexpressed: {
    sort: 'manipulation',
    change: 'raised',
    phrase: (n) => `${n} overexpression`,
    docs: 'overexpressed by an experiment',
  },
  transgenic: {
    sort: 'manipulation',
    change: 'raised',
    phrase: (n) => `${n} transgene`,
    article: true,
    docs: 'expressed from a transgene (say in subjectSpecies where the transgene came from)',
  },
  added: {
    sort: 'manipulation',
    change: 'raised',
    phrase: (n) => `exogenous ${n}`,
    docs: 'given to cells or animals (recombinant protein, injection)',
  },
  treated: {
    sort: 'manipulation',
    change: 'raised',
    phrase: (n) => `treatment with ${n}`,
    docs: 'given as a treatment (a drug to patients or animals)',
  },
  local: {
    sort: 'place',
    change: 'none',
    phrase: (n) => `local ${n}`,
    docs: 'measured locally, at the site of disease',
  },
  systemic: {
    sort: 'place',
    change: 'none',
    phrase: (n) => `circulating ${n}`,
    docs: 'measured in the circulation',
  },
} as const satisfies Record<string, ModifierDef>;

export type SubjectModifier = keyof typeof modifiers;
export const subjectModifiers = Object.keys(modifiers) as [SubjectModifier, ...SubjectModifier[]];

export function modifierDef(modifier: string): ModifierDef | undefined {
  return Object.hasOwn(modifiers, modifier) ? modifiers[modifier as SubjectModifier] : undefined;
}

/** "Loss of DKK-1 promotes X" says DKK-1 restrains X: such a modifier turns the sign round. */
export function lowersSubject(modifier: string | undefined): boolean {
  return modifier !== undefined && modifierDef(modifier)?.change === 'lowered';
}

/** local, systemic: where a level was measured, a setting rather than a change. */
export function isPlaceModifier(modifier: string | undefined): boolean {
  return modifier !== undefined && modifierDef(modifier)?.sort === 'place';
}

/** What an experiment did to the subject, as a perturbation question asks it; undefined for levels and places. */
export function interventionOf(modifier: string | undefined): 'raised' | 'blocked' | undefined {
  const def = modifier === undefined ? undefined : modifierDef(modifier);
  if (def?.sort !== 'manipulation') return undefined;
  return def.change === 'lowered' ? 'blocked' : 'raised';
}
