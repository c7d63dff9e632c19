import { predictPerturbation } from '../../graph.ts';
import { pathwayOf, type Report } from '../../items/check-helpers.ts';
import { checkChoiceOptions } from '../../items/choice-checks.ts';
import { contradictingFacts, familyOf, noEffectFacts } from '../../items/perturbation-evidence.ts';
import { equivalents, type PackIndex } from '../../pack-index.ts';
import type { NodeEffect, PerturbationItem } from '../../types.ts';
import { balanceShift } from './balance.ts';

/** The key is what sign propagation over the pathway gives, and stands in the open world. */
export function checkPerturbation(index: PackIndex, item: PerturbationItem, report: Report): void {
  checkChoiceOptions(index, item, report);
  const pathway = pathwayOf(index, item.pathwayId, report);
  if (!pathway) return;
  const { nodeId, change, targetNodeId, context } = item.perturbation;
  let result;
  try {
    result = predictPerturbation(pathway, { nodeId, change }, context, index.entityById);
  } catch (error) {
    report('answer-shape', error instanceof Error ? error.message : String(error));
    return;
  }
  const target = result.effects.find((e) => e.nodeId === targetNodeId);
  if (!target) {
    report('answer-shape', `target ${targetNodeId} is not in the pathway`);
    return;
  }
  const versus = item.perturbation.versus;
  const other = versus ? result.effects.find((e) => e.nodeId === versus.nodeId) : undefined;
  if (versus && !other) {
    report('answer-shape', `balance node ${versus.nodeId} is not in the pathway`);
    return;
  }
  const expectedIds = versus
    ? ['depends', 'toward-other', 'toward-target', 'unchanged']
    : ['down', 'unchanged', 'up'];
  // A value no item of the kind keys is left out (withoutUnkeyedValues): two options may remain.
  const ids = item.options.map((o) => o.id);
  if (
    ids.length < 2 ||
    new Set(ids).size !== ids.length ||
    ids.some((id) => !expectedIds.includes(id))
  ) {
    report('answer-shape', `options are not two or more of ${expectedIds.join(' / ')}`);
  }
  const expected = other ? balanceShift(target.effect, other.effect) : target.effect;
  const correct = item.options.find((o) => o.correct);
  if (correct && correct.id !== expected) {
    report(
      'perturbation-mismatch',
      `marked “${correct.id}” but the model gives “${expected ?? 'no answer'}”`,
    );
  }
  if (correct) checkPerturbationKey(index, item, correct.id, target, other, report);
  if (versus) {
    const fact = index.factById.get(versus.factId);
    const arms = [target.entityId, other?.entityId ?? ''];
    const declares =
      fact?.relation === 'outweighs' &&
      arms.some((id) => equivalents(index, fact.subject).has(id)) &&
      arms.some((id) => equivalents(index, fact.object).has(id));
    if (!declares)
      report('answer-unsupported', `${versus.factId} does not declare these arms as competing`);
  }
  for (const effect of [target, ...(other ? [other] : [])]) {
    if (!effect.dependsOnInference) continue;
    const undisclosed = effect.inferenceIds.filter((id) => !item.inferenceIds.includes(id));
    if (undisclosed.length > 0) {
      report('inference-undisclosed', `the answer rests on ${undisclosed.join(', ')}, not listed`);
    }
  }
}

/**
 * A key the model gives must also stand in the open world: "depends" is never a key, "no change"
 * needs a fact that found no difference after that intervention, and a rise or fall must not be
 * denied by a fact or background fact, nor ask about an isoform of the perturbed molecule.
 */
function checkPerturbationKey(
  index: PackIndex,
  item: PerturbationItem,
  key: string,
  target: NodeEffect,
  other: NodeEffect | undefined,
  report: Report,
): void {
  const { nodeId, change } = item.perturbation;
  const pathway = index.pathwayById.get(item.pathwayId);
  const source = pathway?.nodes.find((n) => n.id === nodeId)?.entity;
  if (source === undefined) return;
  if (key === 'depends' && !other) {
    report('perturbation-mismatch', 'keyed “depends”: the routes to the target disagree');
  }
  if (key === 'unchanged' && noEffectFacts(index, source, target.entityId, change).length === 0) {
    report('perturbation-mismatch', 'keyed “no change” with no fact that found no difference');
  }
  for (const arm of other ? [target, other] : [target]) {
    if (arm.effect !== 'up' && arm.effect !== 'down') continue;
    if (familyOf(index, source).has(arm.entityId)) {
      report('perturbation-mismatch', `${arm.entityId} is an isoform or a form of ${source}`);
    }
    const sign = (arm.effect === 'up' ? 1 : -1) * (change === 'raised' ? 1 : -1);
    for (const fact of contradictingFacts(index, source, arm.entityId, sign as 1 | -1)) {
      report(
        'perturbation-mismatch',
        `${fact.id} denies that ${arm.entityId} ${arm.effect === 'up' ? 'rises' : 'falls'}`,
      );
    }
  }
}
