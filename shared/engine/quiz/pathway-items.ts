import type { EdgeSign, Fact, Pathway, PathwayEdge } from '../../pack/schema.ts';
import type { RelationId } from '../../pack/relations.ts';
import { pathwayFraming } from '../citations.ts';
import { cascades, signOf, viewPathway, type PathwayView } from '../graph.ts';
import {
  classOf,
  entityOf,
  equivalents,
  isBackgroundEntity,
  type EntityClass,
  type PackIndex,
} from '../pack-index.ts';
import {
  isPluralName,
  midSentenceName,
  plural,
  pluralVerb,
  withoutParenthetical,
} from '../names.ts';
import { capitalise, nameOf, teachingPointLines } from '../phrasing.ts';
import { rngFor, shuffled, tieBreaker } from '../rng.ts';
import { perturbationOf, supportOf } from '../semantics.ts';
import type {
  BalanceShift,
  ChoiceOption,
  EntityClaim,
  DiagramEdgeItem,
  DiagramNodeItem,
  NodeEffect,
  OrderingItem,
  PerturbationChange,
  PerturbationEffect,
  PerturbationItem,
  Route,
} from '../types.ts';
import {
  arrange,
  base,
  edgeText,
  edgeVerb,
  explain,
  nodeName,
  names,
  rationaleFor,
  SELECTION_SEED,
  type GenContext,
} from './common.ts';
import { findDistractors } from './distractors.ts';

function factsOf(index: PackIndex, ids: readonly string[]): Fact[] {
  return [...new Set(ids)]
    .map((id) => index.factById.get(id))
    .filter((f): f is Fact => f !== undefined);
}

/** An edge may back a single-answer item only if one of its facts is uncontested. */
export function edgeIsSolid(index: PackIndex, edge: PathwayEdge): boolean {
  return !edge.inferred && factsOf(index, edge.factIds).some((f) => f.contested === undefined);
}

function contextsOf(pathway: Pathway): (string | undefined)[] {
  return pathway.contexts.length > 0 ? pathway.contexts.map((c) => c.id) : [undefined];
}

/** "In the ankylosing spondylitis panel of the review's Figure 2A model (Lee et al. 2017)". */
function framing(ctx: GenContext, pathway: Pathway, context: string | undefined): string {
  const found = pathway.contexts.find((c) => c.id === context);
  const panel = found
    ? withoutParenthetical(midSentenceName({ name: found.label, type: 'disease' }))
    : undefined;
  return pathwayFraming(ctx.index, pathway, undefined, panel);
}

function labelOf(ctx: GenContext, view: PathwayView, nodeId: string): string {
  return view.nodeById.has(nodeId) ? nodeName(ctx.index, view.pathway, nodeId) : nodeId;
}

function classOfNode(ctx: GenContext, view: PathwayView, nodeId: string): string {
  const node = view.nodeById.get(nodeId);
  return node ? classOf(entityOf(ctx.index, node.entity).type) : 'molecule';
}

/** "if RANKL is blocked", "if osteoblast differentiation is enhanced", "if osteoblasts are depleted". */
function changeClause(
  ctx: GenContext,
  view: PathwayView,
  nodeId: string,
  change: PerturbationChange,
): string {
  const label = labelOf(ctx, view, nodeId);
  switch (classOfNode(ctx, view, nodeId)) {
    case 'cell':
      return change === 'raised' ? `${label} numbers rise` : `${plural(label)} are depleted`;
    case 'process':
      return `${label} is ${change === 'raised' ? 'enhanced' : change}`;
    case 'drug':
      return `${label} is ${change === 'raised' ? 'given' : 'withdrawn'}`;
    default:
      return `${label} ${isPluralName(label) ? 'are' : 'is'} ${change}`;
  }
}

/** What the question asks about: a level, an activity, or for cells their number. */
function targetText(ctx: GenContext, view: PathwayView, nodeId: string): string {
  const label = labelOf(ctx, view, nodeId);
  return classOfNode(ctx, view, nodeId) === 'cell' ? `the number of ${plural(label)}` : label;
}

// ─── Ordering ────────────────────────────────────────────────────────────────────────────────

/** Put a cascade of a pathway in order, upstream first. */
export function orderingItems(ctx: GenContext): OrderingItem[] {
  const { index } = ctx;
  const items: OrderingItem[] = [];
  const seen = new Set<string>();
  // One cascade per branch (first two steps): the rest differ only in the last step.
  const branches = new Set<string>();
  for (const pathway of index.pack.pathways) {
    for (const context of contextsOf(pathway)) {
      const view = viewPathway(pathway, context);
      const longestFirst = [...cascades(view)].sort((a, b) => b.length - a.length);
      for (const path of longestFirst) {
        if (!path.every((e) => edgeIsSolid(index, e))) continue;
        const drawn = path
          .flatMap((e) => [e.from, e.to])
          .map((n) => view.nodeById.get(n)?.entity ?? n);
        if (drawn.some((entity) => isBackgroundEntity(index, entity))) continue;
        const first = path[0];
        if (!first) continue;
        const nodeIds = [first.from, ...path.map((e) => e.to)];
        const id = `ordering:${pathway.id}:${nodeIds.join('>')}`;
        const branch = `${pathway.id}:${nodeIds.slice(0, 2).join('>')}`;
        if (seen.has(id) || branches.has(branch)) continue;
        branches.add(branch);
        const labels = nodeIds.map((n) => capitalise(labelOf(ctx, view, n)));
        if (new Set(labels).size !== labels.length) continue;
        seen.add(id);
        const facts = factsOf(
          index,
          path.flatMap((e) => e.factIds),
        ).filter((f) => f.contested === undefined);
        const chain = labels.reduce(
          (text, label, i) =>
            i === 0
              ? label
              : `${text} ${signOf(path[i - 1]?.sign ?? 'stimulates') === -1 ? '⊣' : '→'} ${label}`,
          '',
        );
        const steps = path.map((e) => `${edgeText(index, pathway, e)} (${e.factIds.join(', ')}).`);
        const stepsShown = shuffled(
          nodeIds.map((n, i) => ({ id: n, text: labels[i] ?? n })),
          rngFor(ctx.seed, `steps:${id}`),
        );
        items.push({
          kind: 'ordering',
          ...base(ctx, {
            id,
            prompt: `${framing(ctx, pathway, context)}, put these steps of one cascade in order, from upstream to downstream.`,
            explanation: explain(ctx, `Order: ${chain}.`, [], steps),
            facts,
            difficulty: nodeIds.length <= 3 ? 1 : nodeIds.length === 4 ? 2 : 3,
            family: id,
            pathway,
            entityIds: nodeIds.map((n) => view.nodeById.get(n)?.entity ?? n),
            edgeIds: path.map((e) => e.id),
          }),
          pathwayId: pathway.id,
          steps: stepsShown,
          answer: nodeIds,
        });
      }
    }
  }
  return items;
}

// ─── Perturbation ────────────────────────────────────────────────────────────────────────────

const effectText: Record<PerturbationEffect, string> = {
  up: 'It rises',
  down: 'It falls',
  unchanged: 'It does not change',
  depends: 'It depends on context: the routes disagree',
};
const effects: readonly PerturbationEffect[] = ['up', 'down', 'unchanged', 'depends'];

function negatives(route: Route, view: PathwayView): number {
  return route.edgeIds.filter((id) => {
    const edge = view.edges.find((e) => e.id === id);
    return edge !== undefined && signOf(edge.sign) === -1;
  }).length;
}

function logicLine(route: Route, view: PathwayView): string {
  const n = negatives(route, view);
  if (n >= 2 && n % 2 === 0) {
    return 'Inhibitions in series cancel in pairs, so the end of the route moves the same way as its start.';
  }
  if (n % 2 === 1) return 'An odd number of lowering or inhibiting steps turns the change around.';
  return '';
}

function annotationsFor(pathway: Pathway, factIds: readonly string[]): string[] {
  return pathway.annotations
    .filter((a) => a.factIds.some((id) => factIds.includes(id)) || factIds.length === 0)
    .map((a) => `${a.text} (${a.factIds.join(', ')})`);
}

function inferenceNote(ctx: GenContext, ids: readonly string[]): string {
  const texts = ids.map((id) => {
    const inference = ctx.index.pack.manifest.inferences.find((i) => i.id === id);
    return inference ? `${id}: ${inference.text}` : id;
  });
  return ` Note: this prediction uses a step the pack marks as inferred, not stated by a source — ${texts.join(' ')}`;
}

/** Route facts must all be usable: no route of the answer may rest on a contested edge only. */
function routesAreSolid(index: PackIndex, view: PathwayView, routes: readonly Route[]): boolean {
  return routes.every((r) =>
    r.edgeIds.every((id) => {
      const edge = view.edges.find((e) => e.id === id);
      return edge !== undefined && (edge.inferred || edgeIsSolid(index, edge));
    }),
  );
}

function perturbationItem(
  ctx: GenContext,
  view: PathwayView,
  source: string,
  change: PerturbationChange,
  target: NodeEffect,
  roleFactIds: readonly string[],
): PerturbationItem | null {
  const { index } = ctx;
  const pathway = view.pathway;
  const answer = target.effect;
  const routeFacts = answer === 'unchanged' ? [...roleFactIds] : [...target.factIds];
  const facts = factsOf(index, routeFacts).filter((f) => f.contested === undefined);
  if (facts.length === 0) return null;
  const sourceLabel = labelOf(ctx, view, source);
  const targetLabel = labelOf(ctx, view, target.nodeId);
  const context = view.context;
  const id = `perturbation:${pathway.id}${context ? `@${context}` : ''}:${source}:${change}:${target.nodeId}`;
  const disclosed = target.dependsOnInference ? inferenceNote(ctx, target.inferenceIds) : '';
  const prompt = `${framing(ctx, pathway, context)}, if ${changeClause(ctx, view, source, change)}, what happens to ${targetText(ctx, view, target.nodeId)}?${disclosed}`;
  const chains = target.routes.map((r) => r.chain);
  const why: Record<PerturbationEffect, string> = {
    up:
      answer === 'depends'
        ? `one route lowers it: ${target.routes.find((r) => r.sign * (change === 'raised' ? 1 : -1) === -1)?.chain ?? ''}.`
        : answer === 'unchanged'
          ? `no route leads from ${sourceLabel} to ${targetLabel} in this model.`
          : `every route carries a fall: ${chains.join('; ')}.`,
    down:
      answer === 'depends'
        ? `one route raises it: ${target.routes.find((r) => r.sign * (change === 'raised' ? 1 : -1) === 1)?.chain ?? ''}.`
        : answer === 'unchanged'
          ? `no route leads from ${sourceLabel} to ${targetLabel} in this model.`
          : `every route carries a rise: ${chains.join('; ')}.`,
    unchanged: `${sourceLabel} reaches ${targetLabel}: ${chains.join('; ')}.`,
    depends:
      answer === 'unchanged'
        ? `no route reaches ${targetLabel}, so there is nothing to disagree.`
        : `all routes agree (${chains.join('; ')}).`,
  };
  const options: ChoiceOption[] = effects.map((effect) =>
    effect === answer
      ? { id: effect, text: effectText[effect], correct: true }
      : {
          id: effect,
          text: effectText[effect],
          correct: false,
          rationale: `Not “${effectText[effect].toLowerCase()}”: ${why[effect]}`,
          evidence: { basis: 'disjoint-category', factIds: facts.map((f) => f.id) },
        },
  );
  const lead: Record<PerturbationEffect, string> = {
    up: `${capitalise(targetLabel)} rises. Route: ${chains.join('; ')}.`,
    down: `${capitalise(targetLabel)} falls. Route: ${chains.join('; ')}.`,
    unchanged: `${capitalise(targetLabel)} does not change: no route leads from ${sourceLabel} to it in this model (there is no feedback upstream and no cross-link between branches).`,
    depends: `It depends on context: the routes disagree — ${target.routes
      .map(
        (r) =>
          `${r.chain} (net ${r.sign * (change === 'raised' ? 1 : -1) === 1 ? 'rise' : 'fall'})`,
      )
      .join(' versus ')}. The model alone cannot say which wins.`,
  };
  const steps = target.routes.flatMap((r) => [
    ...r.steps.map((s) => `${capitalise(s)}.`),
    logicLine(r, view),
  ]);
  const longest = Math.max(0, ...target.routes.map((r) => r.edgeIds.length));
  const doubleNegative = target.routes.some((r) => negatives(r, view) >= 2);
  const difficulty =
    answer === 'depends' || target.dependsOnInference || longest >= 4 || doubleNegative
      ? 3
      : answer === 'unchanged' || longest >= 2
        ? 2
        : 1;
  return {
    kind: 'perturbation',
    ...base(ctx, {
      id,
      prompt,
      explanation: explain(
        ctx,
        lead[answer],
        [],
        [
          ...steps,
          ...(answer === 'unchanged' ? facts.map((f) => `${f.text} (${f.id}).`) : []),
          ...annotationsFor(pathway, routeFacts),
          ...(disclosed ? [disclosed.trim()] : []),
        ],
      ),
      facts,
      difficulty,
      family: `perturbation:${pathway.id}${context ? `@${context}` : ''}:${source}:${target.nodeId}`,
      pathway,
      entityIds: [view.nodeById.get(source)?.entity ?? source, target.entityId],
      edgeIds: target.routes.flatMap((r) => r.edgeIds),
      inferenceIds: target.dependsOnInference ? target.inferenceIds : [],
    }),
    pathwayId: pathway.id,
    perturbation: {
      ...(context === undefined ? {} : { context }),
      nodeId: source,
      change,
      targetNodeId: target.nodeId,
    },
    options: arrange(ctx, id, options),
    routes: target.routes,
  };
}

function ancestors(view: PathwayView, nodeId: string): Set<string> {
  const found = new Set<string>();
  const stack = [nodeId];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    for (const edge of view.in.get(current) ?? []) {
      if (!found.has(edge.from)) {
        found.add(edge.from);
        stack.push(edge.from);
      }
    }
  }
  found.delete(nodeId);
  return found;
}

function roleFacts(view: PathwayView, nodeIds: readonly string[]): string[] {
  return view.edges
    .filter((e) => !e.inferred && (nodeIds.includes(e.from) || nodeIds.includes(e.to)))
    .flatMap((e) => e.factIds);
}

/** A source/target pair the pack relates outside the model must not be asked as "unchanged". */
function relatedOutsideModel(
  ctx: GenContext,
  view: PathwayView,
  source: string,
  target: string,
): boolean {
  const from = view.nodeById.get(source)?.entity;
  const to = view.nodeById.get(target)?.entity;
  if (from === undefined || to === undefined) return true;
  if (from === to) return true;
  const relationsToTry: RelationId[] = ['increases', 'decreases'];
  return relationsToTry.some(
    (relation) =>
      supportOf(ctx.index, {
        subject: { entityId: from, coSubjects: [] },
        relation,
        object: to,
        compartments: [],
        diseases: [],
      }) !== null,
  );
}

/**
 * "If X is raised/blocked, what happens to Y?" for every node that changes something, every node
 * it reaches, and one node it does not reach (upstream first: the classic trap), computed by
 * predictPerturbation.
 */
export function perturbationItems(ctx: GenContext): PerturbationItem[] {
  const { index } = ctx;
  const items: PerturbationItem[] = [];
  for (const pathway of index.pack.pathways) {
    for (const context of contextsOf(pathway)) {
      const view = viewPathway(pathway, context);
      for (const source of view.nodes) {
        const out = (view.out.get(source.id) ?? []).filter((e) => signOf(e.sign) !== 0);
        if (out.length === 0) continue;
        for (const change of ['raised', 'blocked'] as const) {
          const result = perturbationOf(index, pathway, source.id, change, context);
          for (const target of result.effects) {
            if (target.perturbed || target.effect === 'unchanged') continue;
            // A drug's level is what the experimenter sets: "what happens to cyclosporine?" is no question.
            if (classOfNode(ctx, view, target.nodeId) === 'drug') continue;
            if (target.factIds.length === 0 || !routesAreSolid(index, view, target.routes))
              continue;
            const item = perturbationItem(ctx, view, source.id, change, target, []);
            if (item) items.push(item);
          }
          if (change !== 'blocked') continue;
          // Two classic traps: a node upstream (no feedback in the model) and a parallel branch.
          const upstream = ancestors(view, source.id);
          const untouched = result.effects
            .filter((e) => !e.perturbed && e.effect === 'unchanged')
            .filter((e) => classOfNode(ctx, view, e.nodeId) !== 'drug')
            .filter((e) => roleFacts(view, [e.nodeId]).length > 0)
            .filter((e) => !relatedOutsideModel(ctx, view, source.id, e.nodeId))
            .map((e) => ({
              e,
              tie: tieBreaker(SELECTION_SEED, `${pathway.id}:${source.id}:${e.nodeId}`),
            }))
            .sort((a, b) => a.tie - b.tie)
            .map(({ e }) => e);
          const picks = [
            untouched.find((e) => upstream.has(e.nodeId)),
            untouched.find((e) => !upstream.has(e.nodeId)),
          ];
          for (const pick of picks) {
            if (!pick) continue;
            const facts = roleFacts(view, [source.id, pick.nodeId]);
            const item = perturbationItem(ctx, view, source.id, change, pick, facts);
            if (item) items.push(item);
          }
        }
      }
      items.push(...balanceItems(ctx, view));
    }
  }
  return items;
}

// ─── Balance between competing arms ─────────────────────────────────────────────────────────

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

/**
 * Balance items for each pair of arms a fact declares competing ("outweighs"), on pathways that
 * draw both arms but do not themselves settle the contest (no annotation cites that fact).
 */
function balanceItems(ctx: GenContext, view: PathwayView): PerturbationItem[] {
  const { index } = ctx;
  const pathway = view.pathway;
  const items: PerturbationItem[] = [];
  for (const fact of index.pack.facts) {
    if (fact.relation !== 'outweighs' || fact.contested !== undefined) continue;
    if (pathway.annotations.some((a) => a.factIds.includes(fact.id))) continue;
    const a = view.nodes.find((n) => equivalents(index, fact.subject).has(n.entity));
    const b = view.nodes.find((n) => equivalents(index, fact.object).has(n.entity));
    if (!a || !b) continue;
    for (const source of view.nodes) {
      if (source.id === a.id || source.id === b.id) continue;
      if (!(view.out.get(source.id) ?? []).some((e) => signOf(e.sign) !== 0)) continue;
      for (const change of ['raised', 'blocked'] as const) {
        const result = perturbationOf(index, pathway, source.id, change, view.context);
        const ea = result.effects.find((e) => e.nodeId === a.id);
        const eb = result.effects.find((e) => e.nodeId === b.id);
        if (!ea || !eb) continue;
        const shift = balanceShift(ea.effect, eb.effect);
        if (shift === null || shift === 'unchanged') continue;
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
  if (!routesAreSolid(index, view, routes)) return null;
  const routeFacts = factsOf(index, [...target.factIds, ...other.factIds]).filter(
    (f) => f.contested === undefined,
  );
  if (routeFacts.length === 0) return null;
  const facts = [...routeFacts, outweighs];
  const aLabel = labelOf(ctx, view, target.nodeId);
  const bLabel = labelOf(ctx, view, other.nodeId);
  const inference = [
    ...new Set([target, other].filter((e) => e.dependsOnInference).flatMap((e) => e.inferenceIds)),
  ];
  const disclosed = inference.length > 0 ? inferenceNote(ctx, inference) : '';
  const id = `perturbation:${pathway.id}${view.context ? `@${view.context}` : ''}:${source}:${change}:${target.nodeId}~${other.nodeId}`;
  const prompt = `${framing(ctx, pathway, view.context)}, if ${changeClause(ctx, view, source, change)}, how does the balance between ${aLabel} and ${bLabel} move?${disclosed}`;
  const text: Record<BalanceShift, string> = {
    'toward-target': `It tilts toward ${aLabel}`,
    'toward-other': `It tilts toward ${bLabel}`,
    depends: 'It depends on context: both arms move the same way',
    unchanged: 'It does not move',
  };
  const moves = (e: NodeEffect, label: string): string =>
    e.effect === 'unchanged'
      ? `${capitalise(label)} is not reached.`
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
  const lead =
    shift === 'depends'
      ? `It depends on context. ${both} The model alone cannot say which arm wins; the pack settles it only for a given setting: ${outweighs.text} (${outweighs.id}).`
      : `${text[shift]}. ${both}`;
  return {
    kind: 'perturbation',
    ...base(ctx, {
      id,
      prompt,
      explanation: explain(
        ctx,
        lead,
        [],
        [
          ...routes.flatMap((r) => r.steps.map((s) => `${capitalise(s)}.`)),
          ...(disclosed ? [disclosed.trim()] : []),
        ],
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
      inferenceIds: inference,
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

// ─── Diagram: hidden node ────────────────────────────────────────────────────────────────────

export function relationForSign(sign: EdgeSign): RelationId | null {
  switch (sign) {
    case 'stimulates':
      return 'activates';
    case 'inhibits':
      return 'inhibits';
    case 'increases-level':
      return 'increases';
    case 'decreases-level':
      return 'decreases';
    case 'no-difference':
      return null;
  }
}

/** A pathway neighbourhood with one node hidden: which entity belongs there? */
export function diagramNodeItems(ctx: GenContext): DiagramNodeItem[] {
  const { index } = ctx;
  const items: DiagramNodeItem[] = [];
  for (const pathway of index.pack.pathways) {
    const view = viewPathway(pathway);
    const label = (n: { readonly id: string }): string => labelOf(ctx, view, n.id);
    for (const node of pathway.nodes) {
      if (isBackgroundEntity(index, node.entity)) continue;
      const incoming = (view.in.get(node.id) ?? []).filter(
        (e) => edgeIsSolid(index, e) && signOf(e.sign) !== 0,
      );
      const outgoing = (view.out.get(node.id) ?? []).filter(
        (e) => edgeIsSolid(index, e) && signOf(e.sign) !== 0,
      );
      const anchorEdge = incoming[0] ?? outgoing[0];
      if (!anchorEdge) continue;
      const relation = relationForSign(anchorEdge.sign);
      if (relation === null) continue;
      const shown = [...(view.in.get(node.id) ?? []), ...(view.out.get(node.id) ?? [])];
      const text = (nodeId: string): string =>
        nodeId === node.id
          ? '?'
          : classOfNode(ctx, view, nodeId) === 'cell'
            ? plural(label(view.nodeById.get(nodeId) ?? node))
            : label(view.nodeById.get(nodeId) ?? node);
      const note = (e: PathwayEdge): string =>
        e.inferred ? ' (inferred link)' : edgeIsSolid(index, e) ? '' : ' (contested link)';
      const verbOf = (e: PathwayEdge): string =>
        edgeVerb(
          e.sign,
          classOfNode(ctx, view, e.from) as EntityClass,
          classOfNode(ctx, view, e.to) as EntityClass,
        );
      // "preosteoclasts drive ?": a named cell type is plural and its verb agrees.
      const agreed = (e: PathwayEdge): string =>
        e.from !== node.id && classOfNode(ctx, view, e.from) === 'cell'
          ? pluralVerb(verbOf(e))
          : verbOf(e);
      const lines = shown.map((e) => `${text(e.from)} ${agreed(e)} ${text(e.to)}${note(e)}`);
      const prompt = `${framing(ctx, pathway, undefined)}, one node is hidden (“?”): ${lines.join('; ')}. Which entity is “?”`;
      if (names(ctx, prompt, node.entity)) continue;
      const neighbour =
        anchorEdge === incoming[0]
          ? view.nodeById.get(anchorEdge.from)?.entity
          : view.nodeById.get(anchorEdge.to)?.entity;
      if (neighbour === undefined) continue;
      const claim: EntityClaim =
        anchorEdge === incoming[0]
          ? {
              kind: 'object-of',
              subject: { entityId: neighbour, coSubjects: [] },
              relation,
              pathwayId: pathway.id,
            }
          : { kind: 'subject-of', object: neighbour, relation, pathwayId: pathway.id };
      const id = `diagram-node:${pathway.id}:${node.id}`;
      const distractors = findDistractors(ctx, {
        claim,
        answerId: node.entity,
        situation: { compartments: [], diseases: [] },
        itemId: id,
        stem: prompt,
        need: 3,
      });
      if (distractors.length < 2) continue;
      const answerText = capitalise(nameOf(index, node.entity));
      const edges = [...incoming, ...outgoing];
      const facts = factsOf(
        index,
        edges.flatMap((e) => e.factIds),
      ).filter((f) => f.contested === undefined);
      items.push({
        kind: 'diagram-node',
        ...base(ctx, {
          id,
          prompt,
          explanation: explain(
            ctx,
            `${answerText}: ${shown.map((e) => edgeText(index, pathway, e)).join('; ')}.`,
            facts,
          ),
          facts,
          difficulty:
            1 +
            (distractors.filter((d) => d.distance === 1).length >= 2 ? 1 : 0) +
            (shown.length <= 1 ? 1 : 0),
          family: id,
          pathway,
          entityIds: [node.entity, ...distractors.map((d) => d.entityId)],
          edgeIds: edges.map((e) => e.id),
        }),
        pathwayId: pathway.id,
        hiddenNodeId: node.id,
        visibleNodeIds: [...new Set([node.id, ...shown.flatMap((e) => [e.from, e.to])])],
        claim,
        options: arrange(ctx, id, [
          { id: node.entity, text: answerText, correct: true, entityId: node.entity },
          ...distractors.map((d) => {
            const optionText = capitalise(nameOf(index, d.entityId));
            return {
              id: d.entityId,
              text: optionText,
              correct: false,
              entityId: d.entityId,
              evidence: d.evidence,
              rationale: rationaleFor(
                ctx,
                nameOf(index, d.entityId),
                d.evidence,
                pathway,
                d.entityId,
              ),
            };
          }),
        ]),
      });
    }
  }
  return items;
}

// ─── Diagram: hidden edge sign ───────────────────────────────────────────────────────────────

export type SignValue = '+' | '-' | '0';
export const signValue = (sign: EdgeSign): SignValue => {
  const s = signOf(sign);
  return s === 1 ? '+' : s === -1 ? '-' : '0';
};
const signText: Record<SignValue, string> = {
  '+': 'It raises or activates it (+)',
  '-': 'It lowers or inhibits it (−)',
  '0': 'No difference: the link carries no effect',
};

/** A pathway edge with its sign hidden. */
export function diagramEdgeItems(ctx: GenContext): DiagramEdgeItem[] {
  const { index } = ctx;
  const items: DiagramEdgeItem[] = [];
  for (const pathway of index.pack.pathways) {
    const view = viewPathway(pathway);
    for (const edge of pathway.edges) {
      if (!edgeIsSolid(index, edge)) continue;
      const facts = factsOf(index, edge.factIds).filter((f) => f.contested === undefined);
      const from = labelOf(ctx, view, edge.from);
      const toLabel = labelOf(ctx, view, edge.to);
      const to = classOfNode(ctx, view, edge.to) === 'cell' ? plural(toLabel) : toLabel;
      const answer = signValue(edge.sign);
      const id = `diagram-edge:${pathway.id}:${edge.id}`;
      const options: ChoiceOption[] = (['+', '-', '0'] as const).map((value) =>
        value === answer
          ? { id: value, text: signText[value], correct: true }
          : {
              id: value,
              text: signText[value],
              correct: false,
              evidence: { basis: 'disjoint-category', factIds: facts.map((f) => f.id) },
              rationale: rationaleFor(ctx, `“${signText[value]}”`, {
                basis: 'disjoint-category',
                factIds: facts.map((f) => f.id),
              }),
            },
      );
      items.push({
        kind: 'diagram-edge',
        ...base(ctx, {
          id,
          prompt: `${framing(ctx, pathway, undefined)}, ${from} is linked to ${to}. What does the link do to ${targetText(ctx, view, edge.to)}?`,
          explanation: explain(ctx, `${edgeText(index, pathway, edge)}.`, facts),
          facts,
          difficulty: answer === '+' ? 1 : 2,
          family: id,
          pathway,
          edgeIds: [edge.id],
          entityIds: [
            view.nodeById.get(edge.from)?.entity ?? edge.from,
            view.nodeById.get(edge.to)?.entity ?? edge.to,
          ],
        }),
        pathwayId: pathway.id,
        hiddenEdgeId: edge.id,
        options: arrange(ctx, id, options),
      });
    }
  }
  return items;
}
