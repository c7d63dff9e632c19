import type { Fact } from '../../../pack/schema.ts';
import { factsOf, type Report } from '../../items/check-helpers.ts';
import { checkChoiceOptions, checkEntityChoices } from '../../items/choice-checks.ts';
import { claimStatement, type Situation } from '../../items/distractors.ts';
import type { PackIndex } from '../../pack-index.ts';
import { exactSupport, refutationOf, supportOf } from '../../semantics.ts';
import type { EntityClaim, McqItem, StatementClaim } from '../../types.ts';
import { nearFinding } from './statement-mcq.ts';

function situationOfMcq(index: PackIndex, item: McqItem, claim: EntityClaim): Situation {
  if (claim.pathwayId !== undefined) return { compartments: [], diseases: [] };
  const fact = index.factById.get(item.factIds[0] ?? '');
  return fact
    ? {
        compartments: fact.context.compartments,
        diseases: fact.context.diseases,
        species: fact.context.species,
        cells: fact.context.cells,
        setting: fact.context.setting,
      }
    : { compartments: [], diseases: [] };
}

export function checkMcq(index: PackIndex, item: McqItem, report: Report): void {
  checkChoiceOptions(index, item, report, 4);
  const claim = item.claim;
  if (claim.kind === 'statement') {
    checkStatementOptions(index, item, claim, report);
    return;
  }
  const situation = situationOfMcq(index, item, claim);
  const answer = checkEntityChoices(index, item, claim, situation, report);
  if (!answer?.entityId) return;
  const statement = claimStatement(claim, answer.entityId, situation);
  const exact = exactSupport(index, statement);
  if (exact.length === 0) {
    report('answer-unsupported', `no uncontested fact states the answer ${answer.entityId}`);
  }
}

/**
 * "Which of the following did this source report?": the correct statement is a fact of the
 * source; every other one is supported by nothing and refuted by the source's own findings, and
 * sits in the correct statement's neighbourhood (its topic, a pathway or the study).
 */
function checkStatementOptions(
  index: PackIndex,
  item: McqItem,
  claim: StatementClaim,
  report: Report,
): void {
  const correct = item.options.find((o) => o.correct);
  if (!correct?.statement) {
    report('answer-shape', 'the correct option carries no statement');
    return;
  }
  const onModel = claim.pathwayId !== undefined;
  const backing = exactSupport(index, correct.statement).filter(
    (f) =>
      f.references.includes(claim.referenceId) ||
      (onModel &&
        (index.edgesByFact.get(f.id) ?? []).some((r) => r.pathway.id === claim.pathwayId)),
  );
  if (backing.length === 0) {
    report('answer-unsupported', `no uncontested fact of ${claim.referenceId} states the answer`);
  }
  const home = factsOf(index, item.factIds.slice(0, 1));
  for (const option of item.options) {
    if (option.correct) continue;
    if (!option.statement) {
      report('answer-shape', `option "${option.text}" carries no statement`);
      continue;
    }
    const support = supportOf(index, option.statement);
    if (support) {
      report(
        'distractor-satisfies-stem',
        `“${option.text}” is supported (${support.factIds.join(', ')})`,
      );
      continue;
    }
    if (onModel && option.statement.pathwayId !== claim.pathwayId) {
      report('answer-shape', `“${option.text}” is not framed on ${claim.pathwayId ?? ''}`);
    }
    const refuted = refutationOf(index, option.statement);
    const bySource = (refuted?.factIds ?? [])
      .map((id) => index.evidence.factById.get(id))
      .filter((f): f is Fact => f !== undefined)
      .filter((f) => f.references.includes(claim.referenceId));
    if (!refuted || (bySource.length === 0 && !onModel)) {
      report(
        'distractor-unproven',
        `nothing ${claim.referenceId} reported shows “${option.text}” is false`,
      );
      continue;
    }
    // Same source by construction; the option must also share a topic, an entity or a pathway.
    const refuting = refuted.factIds
      .map((id) => index.evidence.factById.get(id))
      .filter((f): f is Fact => f !== undefined);
    const near = home.some((h) => nearFinding(index, h, refuting));
    if (!near && !onModel) {
      report('distractor-off-topic', `“${option.text}” is unrelated to the correct statement`);
    }
  }
}
