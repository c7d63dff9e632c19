import type {
  ChoiceOption,
  ContextItem,
  EntityClaim,
  McqItem,
  DiagramNodeItem,
  Statement,
  TrueFalseItem,
} from '../engine/types.ts';
import type { Fact } from '../pack/schema.ts';
import type { DisagreementRule } from './disagreement.ts';
import {
  contradictedBy,
  impossibleByType,
  whyUnsupported,
  supportedBy,
  type Strictness,
} from './evidence.ts';
import { bareClaim, type FactBase } from './facts.ts';
import { settingNotShown } from './shown.ts';

/** A finding about one item: the rule it breaks and why. */
export interface Finding {
  readonly rule: DisagreementRule;
  readonly reason: string;
}

const ids = (facts: readonly Fact[]) => facts.map((f) => f.id).join(', ');

function describe(claim: Statement): string {
  const modifier = claim.subject.modifier === undefined ? '' : `${claim.subject.modifier} `;
  const partners = claim.subject.coSubjects.map((c) => `+${c}`).join('');
  return `“${modifier}${claim.subject.entityId}${partners} ${claim.relation} ${claim.object}”`;
}

/**
 * The key: supported by a fact the item cites, and contradicted by no fact outside the contested
 * set its supporting fact declares (a contested finding is keyed to the review by design).
 */
export function checkKey(
  base: FactBase,
  claim: Statement,
  cited: readonly Fact[],
  strictness: Strictness,
  reference?: string,
  shownText?: string,
): Finding[] {
  const supporting = supportedBy(base, claim, cited, strictness).filter(
    (f) => reference === undefined || f.references.includes(reference),
  );
  if (supporting.length === 0) {
    const why = cited
      .map((f) => whyUnsupported(base, claim, f, strictness) ?? `${f.id} supports it`)
      .slice(0, 3);
    const source = reference === undefined ? '' : ` from ${reference}`;
    return [
      {
        rule: 'key-unsupported',
        reason: `key ${describe(claim)} has no supporting cited fact${source} (${why.join('; ')})`,
      },
    ];
  }
  const contested = new Set(supporting.flatMap((f) => f.contested?.with ?? []));
  const against = contradictedBy(claim, base.all).filter((f) => !contested.has(f.id));
  if (against.length > 0) {
    return [
      {
        rule: 'key-contradicted',
        reason: `key ${describe(claim)} is contradicted by ${ids(against)}`,
      },
    ];
  }
  // A pathway-framed statement takes its setting from the model it names.
  if (shownText === undefined || claim.pathwayId !== undefined) return [];
  const hidden = supporting.map((f) => settingNotShown(f, shownText, base.names));
  return hidden.some((h) => h === undefined)
    ? []
    : [{ rule: 'setting-not-shown', reason: hidden.join('; ') }];
}

/** A wrong option or false statement: no fact supports it, and a fact or its type proves it false. */
export function checkWrong(base: FactBase, claim: Statement, label: string): Finding[] {
  const supporting = supportedBy(base, claim, base.all, 'overlap');
  if (supporting.length > 0) {
    return [
      {
        rule: 'wrong-is-true',
        reason: `${label} ${describe(claim)} is supported by ${ids(supporting)}`,
      },
    ];
  }
  if (contradictedBy(claim, base.all).length > 0 || impossibleByType(base, claim) !== undefined) {
    return [];
  }
  return [
    {
      rule: 'wrong-unproven',
      reason: `${label} ${describe(claim)} is contradicted by no fact and allowed by its types`,
    },
  ];
}

export function checkTrueFalse(
  base: FactBase,
  item: TrueFalseItem,
  cited: readonly Fact[],
): Finding[] {
  return item.answer
    ? checkKey(base, item.statement, cited, 'all', undefined, item.prompt)
    : checkWrong(base, item.statement, 'false statement');
}

function optionLabel(option: ChoiceOption): string {
  return `wrong option ${option.id}`;
}

function entityClaimFor(claim: EntityClaim, option: ChoiceOption): Statement {
  const value = option.entityId ?? option.id;
  return claim.kind === 'object-of'
    ? bareClaim(claim.subject, claim.relation, value, claim.pathwayId)
    : bareClaim({ entityId: value, coSubjects: [] }, claim.relation, claim.object, claim.pathwayId);
}

/** Options are checked one by one: the correct one as a key, every other one as wrong. */
function checkOptions(
  options: readonly ChoiceOption[],
  claimOf: (option: ChoiceOption) => Statement | undefined,
  checkCorrect: (claim: Statement, option: ChoiceOption) => Finding[],
  base: FactBase,
): Finding[] {
  const correct = options.filter((o) => o.correct);
  if (correct.length !== 1) {
    return [{ rule: 'item-shape', reason: `${correct.length} correct options` }];
  }
  return options.flatMap((option) => {
    const claim = claimOf(option);
    if (claim === undefined) {
      return [{ rule: 'item-shape' as const, reason: `option ${option.id} carries no statement` }];
    }
    return option.correct
      ? checkCorrect(claim, option)
      : checkWrong(base, claim, optionLabel(option));
  });
}

/** MCQs and hidden-node items: an entity claim, or statements for "which of the following…". */
export function checkChoice(
  base: FactBase,
  item: McqItem | DiagramNodeItem,
  cited: readonly Fact[],
): Finding[] {
  const claim = item.claim;
  if (claim.kind === 'statement') {
    const reference = claim.pathwayId === undefined ? claim.referenceId : undefined;
    return checkOptions(
      item.options,
      (option) => option.statement,
      (statement, option) => checkKey(base, statement, cited, 'all', reference, option.text),
      base,
    );
  }
  // An entity-choice stem carries no setting in its structure, so the key is held to the
  // setting's overlap only; its phrasing is judged by the blind audit, not here.
  return checkOptions(
    item.options,
    (option) => entityClaimFor(claim, option),
    (statement) => checkKey(base, statement, cited, 'overlap'),
    base,
  );
}

const statusRelation = {
  raised: 'elevated-in',
  reduced: 'reduced-in',
  'no-difference': 'no-difference-in',
} as const;

/** Context items: a level (raised, reduced, no difference) in one disease and compartment. */
export function checkContext(base: FactBase, item: ContextItem, cited: readonly Fact[]): Finding[] {
  const claimOf = (option: ChoiceOption): Statement | undefined => {
    const status = item.ask === 'status' ? option.id : item.status;
    const relation = statusRelation[status as keyof typeof statusRelation] as string | undefined;
    if (relation === undefined) return undefined;
    const compartments = item.ask === 'status' ? item.compartments : [option.id];
    return {
      subject: item.subject,
      relation,
      object: item.diseaseId,
      compartments,
      diseases: [item.diseaseId],
    };
  };
  return checkOptions(
    item.options,
    claimOf,
    (claim) => checkKey(base, claim, cited, 'place'),
    base,
  );
}
