import type { Fact, Pathway } from '../../../pack/schema.ts';
import { predictPerturbation, signOf } from '../../graph.ts';
import { equivalents, type PackIndex } from '../../pack-index.ts';
import type {
  DiagramEdgeItem,
  NodeEffect,
  OrderingItem,
  PerturbationItem,
  ViolationRule,
} from '../../types.ts';
import { balanceShift } from './balance.ts';
import { signValue } from '../diagram-edge/generate.ts';
import { contradictingFacts, familyOf, noEffectFacts } from '../../items/perturbation-evidence.ts';

/** bank:check's rules for the pathway kinds (ordering, perturbation, edge sign), and the look-ups check.ts shares with them. */

export type Report = (rule: ViolationRule, message: string) => void;

export function factsOf(index: PackIndex, ids: readonly string[]): Fact[] {
  return ids.map((id) => index.factById.get(id)).filter((f): f is Fact => f !== undefined);
}

export function pathwayOf(
  index: PackIndex,
  id: string | undefined,
  report: Report,
): Pathway | undefined {
  const pathway = id === undefined ? undefined : index.pathwayById.get(id);
  if (!pathway) report('answer-shape', `names unknown pathway "${id ?? ''}"`);
  return pathway;
}

// ─── Ordering ────────────────────────────────────────────────────────────────────────────────

export function checkOrdering(index: PackIndex, item: OrderingItem, report: Report): void {
  const pathway = pathwayOf(index, item.pathwayId, report);
  if (!pathway) return;
  const stepIds = item.steps.map((s) => s.id);
  if (
    new Set(item.answer).size !== item.answer.length ||
    stepIds.length !== item.answer.length ||
    !item.answer.every((id) => stepIds.includes(id))
  ) {
    report('answer-shape', 'the answer is not an order of the steps');
    return;
  }
  const position = new Map(item.answer.map((id, i) => [id, i]));
  for (let i = 0; i + 1 < item.answer.length; i++) {
    const from = item.answer[i];
    const to = item.answer[i + 1];
    const link = pathway.edges.some(
      (e) =>
        e.from === from &&
        e.to === to &&
        !e.inferred &&
        signOf(e.sign) !== 0 &&
        factsOf(index, e.factIds).some((f) => f.contested === undefined),
    );
    if (!link)
      report(
        'ordering-not-a-cascade',
        `no fact-backed link ${from ?? ''} → ${to ?? ''} in ${pathway.id}`,
      );
  }
  for (const edge of pathway.edges) {
    const a = position.get(edge.from);
    const b = position.get(edge.to);
    if (a !== undefined && b !== undefined && a > b) {
      report(
        'ordering-not-a-cascade',
        `edge ${edge.id} runs backwards, so the order is not forced`,
      );
    }
  }
}

// ─── Perturbation ────────────────────────────────────────────────────────────────────────────

export function checkPerturbation(index: PackIndex, item: PerturbationItem, report: Report): void {
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
  if (
    item.options
      .map((o) => o.id)
      .sort()
      .join() !== expectedIds.join()
  ) {
    report('answer-shape', `options are not ${expectedIds.join(' / ')}`);
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

export function checkDiagramEdge(index: PackIndex, item: DiagramEdgeItem, report: Report): void {
  const pathway = pathwayOf(index, item.pathwayId, report);
  const edge = pathway?.edges.find((e) => e.id === item.hiddenEdgeId);
  if (!pathway || !edge) {
    report('answer-shape', `edge ${item.hiddenEdgeId} is not in ${item.pathwayId}`);
    return;
  }
  if (edge.inferred) report('answer-inferred', `edge ${edge.id} is inferred`);
  const correct = item.options.find((o) => o.correct);
  if (correct && correct.id !== signValue(edge.sign)) {
    report('edge-sign-mismatch', `marked “${correct.id}” but the edge is ${edge.sign}`);
  }
}
