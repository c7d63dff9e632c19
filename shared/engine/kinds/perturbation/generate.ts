import { evidenceSpecies } from '../../items/evidence-species.ts';
import type { Fact, Pathway } from '../../../pack/schema.ts';
import { signOf, type PathwayView } from '../../graph.ts';
import { capitalise } from '../../phrasing.ts';
import { pathwayView, perturbationOf } from '../../semantics.ts';
import type {
  ChoiceOption,
  NodeEffect,
  PerturbationChange,
  PerturbationItem,
  Route,
} from '../../types.ts';
import { balanceItems } from './balance.ts';
import {
  arrange,
  base,
  clampDifficulty,
  edgeText,
  explain,
  type GenContext,
} from '../../items/common.ts';
import { capKeyShare, spreadKeyPositions, withoutUnkeyedValues } from '../../items/key-balance.ts';
import {
  changesOf,
  changeClause,
  classOfNode,
  contextsOf,
  isLineageClass,
  labelOf,
  pathwayFrame,
  targetText,
  uncontestedFactsOf,
} from '../../items/pathway-common.ts';
import { noEffectFacts, trustedDirection } from '../../items/perturbation-evidence.ts';

/** The answers a single-target perturbation item offers; "depends" is never asked. */
export type PerturbationKey = 'up' | 'down' | 'unchanged';
export const perturbationKeys: readonly PerturbationKey[] = ['up', 'down', 'unchanged'];

const plainEffectText: Record<PerturbationKey, string> = {
  up: 'It rises',
  down: 'It falls',
  unchanged: 'It does not change',
};
/** A disease does not rise or fall: it worsens or improves, as a lecturer says it. */
const diseaseEffectText: Record<PerturbationKey, string> = {
  up: 'It worsens',
  down: 'It improves',
  unchanged: 'It does not change',
};

function negatives(route: Route, view: PathwayView): number {
  return route.edgeIds.filter((id) => {
    const edge = view.edgeById.get(id);
    return edge !== undefined && signOf(edge.sign) === -1;
  }).length;
}

function logicLine(route: Route, view: PathwayView): string {
  const n = negatives(route, view);
  if (n >= 2 && n % 2 === 0) {
    return 'Inhibitions in series cancel in pairs, so the end of the route moves the same way as its start.';
  }
  // A one-step route says its sign in its own sentence; the parity rule is for chains.
  if (n % 2 === 1 && route.edgeIds.length > 1) {
    return 'An odd number of lowering or inhibiting steps turns the change around.';
  }
  return '';
}

function annotationsFor(pathway: Pathway, factIds: readonly string[]): string[] {
  return (
    pathway.annotations
      // Only an annotation about this route: its facts all back the route.
      .filter((a) => a.factIds.every((id) => factIds.includes(id)))
      .map((a) => `${a.text} (${a.factIds.join(', ')})`)
  );
}

function longestRoute(routes: readonly Route[]): number {
  return Math.max(0, ...routes.map((r) => r.edgeIds.length));
}

function difficultyOf(view: PathwayView, routes: readonly Route[]): number {
  const longest = longestRoute(routes);
  const doubleNegative = routes.some((r) => negatives(r, view) >= 2);
  return longest >= 4 || doubleNegative ? 3 : longest >= 2 ? 2 : 1;
}

/**
 * An item the rules allow, with what selection reads (its key, change, worth and links); the item
 * itself is written only when selection keeps it, as most are capped away.
 */
interface Allowed {
  readonly id: string;
  readonly key: string;
  readonly change: PerturbationChange;
  readonly worth: number;
  readonly links: readonly string[];
  readonly write: () => PerturbationItem;
}

/** Multi-step and double-negative routes teach the logic; one-step items mostly restate a fact. */
function worth(difficulty: number, routes: readonly Route[]): number {
  return clampDifficulty(difficulty) * 2 + (longestRoute(routes) >= 2 ? 1 : 0);
}

/** One item per pathway view, perturbed node, change and target. */
function perturbationId(
  view: PathwayView,
  source: string,
  change: PerturbationChange,
  target: NodeEffect,
): string {
  const context = view.context ? `@${view.context}` : '';
  return `perturbation:${view.pathway.id}${context}:${source}:${change}:${target.nodeId}`;
}

function allowedItem(
  ctx: GenContext,
  view: PathwayView,
  source: string,
  change: PerturbationChange,
  target: NodeEffect,
  answer: PerturbationKey,
  facts: readonly Fact[],
): Allowed {
  const pathwayId = view.pathway.id;
  return {
    id: perturbationId(view, source, change, target),
    key: answer,
    change,
    worth: worth(difficultyOf(view, target.routes), target.routes),
    links: [...new Set(target.routes.flatMap((r) => r.edgeIds))].map((e) => `${pathwayId}:${e}`),
    write: () => perturbationItem(ctx, view, source, change, target, answer, facts),
  };
}

/** A balance item, already written, as selection reads it. */
function allowedBalance(item: PerturbationItem): Allowed {
  return {
    id: item.id,
    key: item.options.find((o) => o.correct)?.id ?? '',
    change: item.perturbation.change,
    worth: worth(item.difficulty, item.routes),
    links: item.edgeIds.map((edge) => `${item.pathwayId}:${edge}`),
    write: () => item,
  };
}

function perturbationItem(
  ctx: GenContext,
  view: PathwayView,
  source: string,
  change: PerturbationChange,
  target: NodeEffect,
  answer: PerturbationKey,
  facts: readonly Fact[],
): PerturbationItem {
  const pathway = view.pathway;
  const sourceLabel = labelOf(ctx, view, source);
  const targetLabel = labelOf(ctx, view, target.nodeId);
  const context = view.context;
  const id = perturbationId(view, source, change, target);
  const prompt = `${pathwayFrame(ctx, pathway, context)}${evidenceSpecies(pathway, facts)}, if ${changeClause(ctx, view, source, change)}, what happens to ${targetText(ctx, view, target.nodeId)}?`;
  const chains = target.routes.map((r) => r.chain).join('; ');
  const why: Record<PerturbationKey, string> = {
    up:
      answer === 'unchanged'
        ? `a study found no difference in ${targetLabel} after this change.`
        : `every route carries a fall: ${chains}.`,
    down:
      answer === 'unchanged'
        ? `a study found no difference in ${targetLabel} after this change.`
        : `every route carries a rise: ${chains}.`,
    unchanged: `${sourceLabel} reaches ${targetLabel}: ${chains}.`,
  };
  const factIds = facts.map((f) => f.id);
  const isDisease = ['disease', 'animal-model'].includes(classOfNode(ctx, view, target.nodeId));
  const effectText = isDisease ? diseaseEffectText : plainEffectText;
  const options: ChoiceOption[] = perturbationKeys.map((effect) =>
    effect === answer
      ? { id: effect, text: effectText[effect], correct: true }
      : {
          id: effect,
          text: effectText[effect],
          correct: false,
          rationale: `Not “${effectText[effect].toLowerCase()}”: ${why[effect]}`,
          evidence: { basis: 'disjoint-category', factIds },
        },
  );
  // "The number of multinucleated osteoclasts falls", not "Multinucleated osteoclast falls".
  const measured = capitalise(targetText(ctx, view, target.nodeId));
  const lead: Record<PerturbationKey, string> = {
    up: `${measured} ${isDisease ? 'worsens' : 'rises'}. Route: ${chains}.`,
    down: `${measured} ${isDisease ? 'improves' : 'falls'}. Route: ${chains}.`,
    unchanged: `${measured} does not change: a study that made this change found no difference.`,
  };
  // Each step in the words its link's ends call for: "Osteoclast fusion gives rise to
  // multinucleated osteoclasts", not "… stimulates multinucleated osteoclast" (audit Q).
  const stepOf = (edgeId: string): string[] => {
    const edge = view.edgeById.get(edgeId);
    if (!edge) return [];
    const support = edge.inferred
      ? `inferred${edge.inference ? `: ${edge.inference}` : ''}`
      : edge.factIds.join(', ');
    return [`${edgeText(ctx.index, pathway, edge)} (${support}).`];
  };
  const steps = target.routes.flatMap((r) => [...r.edgeIds.flatMap(stepOf), logicLine(r, view)]);
  return {
    kind: 'perturbation',
    ...base(ctx, {
      id,
      prompt,
      explanation: explain(ctx, lead[answer], answer === 'unchanged' ? facts : [], [
        ...steps,
        ...annotationsFor(pathway, factIds),
      ]),
      facts,
      difficulty: difficultyOf(view, target.routes),
      // Raised and blocked on one pair, in any figure or context, answer each other: one family,
      // so a session asks one of them (audit 20261230).
      family: `perturbation:${view.nodeById.get(source)?.entity ?? source}>${target.entityId}`,
      pathway,
      entityIds: [view.nodeById.get(source)?.entity ?? source, target.entityId],
      edgeIds: target.routes.flatMap((r) => r.edgeIds),
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

/**
 * Routes through cells and processes only are true by definition (more osteoclast fusion, more
 * multinucleated osteoclasts; fewer osteoblasts, less bone formation): not worth asking.
 */
function isDefinitional(ctx: GenContext, view: PathwayView, routes: readonly Route[]): boolean {
  return routes.every((r) => r.nodeIds.every((id) => isLineageClass(classOfNode(ctx, view, id))));
}

/** The item for one source, change and target, or null when no key can be trusted. */
function itemFor(
  ctx: GenContext,
  view: PathwayView,
  source: string,
  change: PerturbationChange,
  target: NodeEffect,
): Allowed | null {
  const { index } = ctx;
  if (target.perturbed || classOfNode(ctx, view, target.nodeId) === 'drug') return null;
  if (target.effect === 'unchanged') {
    const sourceEntity = view.nodeById.get(source)?.entity ?? source;
    const facts = noEffectFacts(index, sourceEntity, target.entityId, change);
    return facts.length > 0
      ? allowedItem(ctx, view, source, change, target, 'unchanged', facts)
      : null;
  }
  if (!trustedDirection(ctx, view, source, change, target)) return null;
  if (isDefinitional(ctx, view, target.routes)) return null;
  const facts = uncontestedFactsOf(index, target.factIds);
  if (facts.length === 0) return null;
  return allowedItem(ctx, view, source, change, target, target.effect as 'up' | 'down', facts);
}

/**
 * "If X is raised or blocked, what happens to Y?" for every node that changes something and every
 * node it reaches by routes of one sign, computed by predictPerturbation; plus balance questions.
 * Keys are balanced by selection between rise and fall, and between following the change and
 * going against it.
 */
export function perturbationItems(ctx: GenContext): PerturbationItem[] {
  return selectPerturbations(ctx, everyAllowed(ctx));
}

/** Every item the pathways support, before selection: what the rules allow. */
export function everyPerturbationItem(ctx: GenContext): PerturbationItem[] {
  return everyAllowed(ctx).map((allowed) => allowed.write());
}

function everyAllowed(ctx: GenContext): Allowed[] {
  const { index } = ctx;
  const items: Allowed[] = [];
  for (const pathway of index.pack.pathways) {
    for (const context of contextsOf(pathway)) {
      const view = pathwayView(index, pathway, context);
      for (const source of view.nodes) {
        if (!(view.out.get(source.id) ?? []).some((e) => signOf(e.sign) !== 0)) continue;
        for (const change of changesOf(ctx, view, source.id)) {
          const result = perturbationOf(index, pathway, source.id, change, context);
          for (const target of result.effects) {
            const item = itemFor(ctx, view, source.id, change, target);
            if (item) items.push(item);
          }
        }
      }
      for (const item of balanceItems(ctx, view)) items.push(allowedBalance(item));
    }
  }
  return items;
}

function selectPerturbations(ctx: GenContext, items: readonly Allowed[]): PerturbationItem[] {
  const keyOf = (item: Allowed): string => item.key;
  // Most routes carry a change on in its own direction: without a cap, "raised → rises, blocked →
  // falls" would score 83 % (audit D). Both that cue and the key's value stay within the share.
  const followsOf = (item: Allowed): string => {
    const key = keyOf(item);
    if (key !== 'up' && key !== 'down') return key;
    return (key === 'up') === (item.change === 'raised') ? 'follows' : 'opposes';
  };
  const worthOf = (item: Allowed): number => item.worth;
  const linksOf = (item: Allowed): readonly string[] => item.links;
  const capped = capKeyShare(
    capKeyShare(items, followsOf, worthOf, linksOf),
    keyOf,
    worthOf,
    linksOf,
  );
  return spreadKeyPositions(ctx, withoutUnkeyedValues(capped.map((item) => item.write())));
}
