import type { Fact } from '../../../pack/schema.ts';
import { signOf, type PathwayView } from '../../graph.ts';
import { equivalents, type PackIndex } from '../../pack-index.ts';
import { capitalise } from '../../phrasing.ts';
import { teachingPointLines } from '../../explanation-lines.ts';
import { perturbationOf } from '../../semantics.ts';
import { perPack } from '../../per-pack.ts';
import type {
  BalanceShift,
  ChoiceOption,
  NodeEffect,
  PerturbationChange,
  PerturbationEffect,
  PerturbationItem,
} from '../../types.ts';
import { arrange, base, explain, type GenContext } from '../../items/common.ts';
import {
  changesOf,
  changeClause,
  labelOf,
  pathwayFrame,
  uncontestedFactsOf,
} from '../../items/pathway-common.ts';
import { trustedDirection } from '../../items/perturbation-evidence.ts';

const direction = (effect: PerturbationEffect): number | null =>
  effect === 'up' ? 1 : effect === 'down' ? -1 : effect === 'unchanged' ? 0 : null;

/**
 * Where the balance between two competing arms moves: one arm alone tilts it; both moving the
 * same way leaves the model unable to say which wins ("depends on context"). Null when an arm's
 * own effect is already undecided.
 */
export function balanceShift(
  target: PerturbationEffect,
  other: PerturbationEffect,
): BalanceShift | null {
  const a = direction(target);
  const b = direction(other);
  if (a === null || b === null) return null;
  if (a === 0 && b === 0) return 'unchanged';
  if (a === b) return 'depends';
  return a - b > 0 ? 'toward-target' : 'toward-other';
}

interface Contest {
  readonly fact: Fact;
  /** The fact's place in the pack, the order items keep. */
  readonly at: number;
}

/** Uncontested "outweighs" facts by every entity that names their subject; built once per pack. */
const contestsBySubject = perPack((index): ReadonlyMap<string, readonly Contest[]> => {
  const out = new Map<string, Contest[]>();
  index.pack.facts.forEach((fact, at) => {
    if (fact.relation !== 'outweighs' || fact.contested !== undefined) return;
    for (const id of equivalents(index, fact.subject)) {
      const list = out.get(id);
      if (list) list.push({ fact, at });
      else out.set(id, [{ fact, at }]);
    }
  });
  return out;
});

/** The contests whose first arm the view draws, in pack order, without scanning every fact. */
function contestsDrawnIn(index: PackIndex, view: PathwayView): Fact[] {
  const bySubject = contestsBySubject(index);
  const found = new Set(view.nodes.flatMap((node) => bySubject.get(node.entity) ?? []));
  return [...found].sort((a, b) => a.at - b.at).map((contest) => contest.fact);
}

/**
 * Balance items for each pair of arms a fact declares competing ("outweighs"), on pathways that
 * draw both arms but do not themselves settle the contest (no annotation cites that fact). Both
 * arms must move, each in a trusted direction, and apart: when both move the same way the model
 * alone cannot say which wins, and the review's other figures tilt it, so nothing is asked.
 */
export function balanceItems(ctx: GenContext, view: PathwayView): PerturbationItem[] {
  const { index } = ctx;
  const pathway = view.pathway;
  const items: PerturbationItem[] = [];
  for (const fact of contestsDrawnIn(index, view)) {
    if (pathway.annotations.some((a) => a.factIds.includes(fact.id))) continue;
    const a = view.nodes.find((n) => equivalents(index, fact.subject).has(n.entity));
    const b = view.nodes.find((n) => equivalents(index, fact.object).has(n.entity));
    if (!a || !b) continue;
    for (const source of view.nodes) {
      if (source.id === a.id || source.id === b.id) continue;
      if (!(view.out.get(source.id) ?? []).some((e) => signOf(e.sign) !== 0)) continue;
      for (const change of changesOf(ctx, view, source.id)) {
        const result = perturbationOf(index, pathway, source.id, change, view.context);
        const ea = result.effects.find((e) => e.nodeId === a.id);
        const eb = result.effects.find((e) => e.nodeId === b.id);
        if (!ea || !eb) continue;
        const shift = balanceShift(ea.effect, eb.effect);
        // "Both arms rise and the model does not say which wins" was the only long, hedged option,
        // and the review's other figures tilt it (low IL-32γ, bone loss): not provable (audit I).
        if (shift === null || shift === 'unchanged' || shift === 'depends') continue;
        // An arm no drawn route reaches is not thereby unchanged (formation and resorption are
        // coupled): only a change that moves both arms is asked.
        const armsTrusted = [ea, eb].every((arm) =>
          trustedDirection(ctx, view, source.id, change, arm),
        );
        if (!armsTrusted) continue;
        const item = balanceItem(ctx, view, source.id, change, [ea, eb], shift, fact);
        if (item) items.push(item);
      }
    }
  }
  return items;
}

function balanceItem(
  ctx: GenContext,
  view: PathwayView,
  source: string,
  change: PerturbationChange,
  [target, other]: readonly [NodeEffect, NodeEffect],
  shift: BalanceShift,
  outweighs: Fact,
): PerturbationItem | null {
  const { index } = ctx;
  const pathway = view.pathway;
  const routes = [...target.routes, ...other.routes];
  const routeFacts = uncontestedFactsOf(index, [...target.factIds, ...other.factIds]);
  if (routeFacts.length === 0) return null;
  const facts = [...routeFacts, outweighs];
  const aLabel = labelOf(ctx, view, target.nodeId);
  const bLabel = labelOf(ctx, view, other.nodeId);
  const id = `perturbation:${pathway.id}${view.context ? `@${view.context}` : ''}:${source}:${change}:${target.nodeId}~${other.nodeId}`;
  const prompt = `${pathwayFrame(ctx, pathway, view.context)}, if ${changeClause(ctx, view, source, change)}, how does the balance between ${aLabel} and ${bLabel} move?`;
  const text: Record<BalanceShift, string> = {
    'toward-target': `It tilts toward ${aLabel}`,
    'toward-other': `It tilts toward ${bLabel}`,
    // One claim, not a catch-all: what the model shows, and what it leaves open (audit E).
    depends: 'Both arms move the same way; the model alone does not say which wins',
    unchanged: 'It does not move',
  };
  const moves = (e: NodeEffect, label: string): string =>
    e.effect === 'unchanged'
      ? `No drawn route reaches ${label}.`
      : `${capitalise(label)} ${e.effect === 'up' ? 'rises' : 'falls'}: ${e.routes.map((r) => r.chain).join('; ')}.`;
  const both = `${moves(target, aLabel)} ${moves(other, bLabel)}`;
  const why = (wrong: BalanceShift): string => {
    if (shift === 'depends') {
      return wrong === 'unchanged'
        ? `both arms move. ${both}`
        : `both arms move the same way, so the model cannot tilt the balance either way. ${both}`;
    }
    switch (wrong) {
      case 'depends':
        return `the arms do not move the same way. ${both}`;
      case 'unchanged':
        return `at least one arm moves. ${both}`;
      case 'toward-target':
        return `the change favours ${bLabel}. ${both}`;
      case 'toward-other':
        return `the change favours ${aLabel}. ${both}`;
    }
  };
  const options: ChoiceOption[] = (
    ['toward-target', 'toward-other', 'depends', 'unchanged'] as const
  ).map((value) =>
    value === shift
      ? { id: value, text: text[value], correct: true }
      : {
          id: value,
          text: text[value],
          correct: false,
          rationale: `Not “${text[value].toLowerCase()}”: ${why(value)}`,
          evidence: { basis: 'disjoint-category', factIds: routeFacts.map((f) => f.id) },
        },
  );
  return {
    kind: 'perturbation',
    ...base(ctx, {
      id,
      prompt,
      explanation: explain(
        ctx,
        shift === 'depends'
          ? `Both arms move the same way. ${both} The model alone cannot say which arm wins; the sources settle it only for a given setting: ${outweighs.text} (${outweighs.id}).`
          : `${text[shift]}. ${both}`,
        [],
        routes.flatMap((r) => r.steps.map((s) => `${capitalise(s)}.`)),
      )
        .concat(
          ' ',
          teachingPointLines(
            index,
            facts.map((f) => f.id),
          ).join(' '),
        )
        .trim(),
      facts,
      difficulty: shift === 'depends' ? 3 : 2,
      family: `balance:${pathway.id}:${source}:${target.nodeId}~${other.nodeId}`,
      pathway,
      entityIds: [view.nodeById.get(source)?.entity ?? source, target.entityId, other.entityId],
      edgeIds: routes.flatMap((r) => r.edgeIds),
    }),
    pathwayId: pathway.id,
    perturbation: {
      ...(view.context === undefined ? {} : { context: view.context }),
      nodeId: source,
      change,
      targetNodeId: target.nodeId,
      versus: { nodeId: other.nodeId, factId: outweighs.id },
    },
    options: arrange(ctx, id, options),
    routes,
  };
}
