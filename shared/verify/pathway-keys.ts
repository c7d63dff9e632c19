import type { DiagramEdgeItem, OrderingItem, PerturbationItem } from '../engine/types.ts';
import type { Fact, Pathway, PathwayEdge } from '../pack/schema.ts';
import { effectiveSign } from './evidence.ts';
import { factClaim, type FactBase } from './facts.ts';
import { edgeSignOf, polarity, type Sign } from './polarity.ts';
import type { Finding } from './statement-keys.ts';

/**
 * Pathway kinds. A pathway edge is trusted only as far as a fact backs it: a fact linking the
 * edge's two entities (a fact about an isoform counts for its gene) with the edge's own sign.
 * Perturbations are recomputed by listing every simple route over fact-backed, non-inferred edges
 * and multiplying the drawn signs, written here from scratch rather than taken from the engine.
 */

function entityOf(pathway: Pathway, nodeId: string): string | undefined {
  return pathway.nodes.find((n) => n.id === nodeId)?.entity;
}

function links(base: FactBase, fact: Fact, from: string, to: string): boolean {
  const subjectOk = fact.subject === from || (base.genesOf.get(fact.subject) ?? []).includes(from);
  return subjectOk && fact.object === to && polarity(fact.relation).family !== 'none';
}

/**
 * The signs the evidence for an edge gives (the sign a fact reports once its subject's
 * perturbation is read). Evidence is the edge's own cited facts plus every background (textbook)
 * fact: a textbook link is true wherever it is drawn, so it backs the arrow without being cited.
 * Other pack facts do not: a finding backs only the edges that cite it, since its setting (cell,
 * species, disease) was chosen for those edges, and reading it into any edge with the same ends
 * would let a finding from one study prove an arrow drawn for another.
 */
function factSigns(base: FactBase, pathway: Pathway, edge: PathwayEdge): Map<Sign, string[]> {
  const from = entityOf(pathway, edge.from) ?? '';
  const to = entityOf(pathway, edge.to) ?? '';
  const signs = new Map<Sign, string[]>();
  for (const id of new Set([...edge.factIds, ...base.backgroundIds])) {
    const fact = base.byId.get(id);
    if (fact === undefined || !links(base, fact, from, to)) continue;
    const sign = effectiveSign(factClaim(fact));
    signs.set(sign, [...(signs.get(sign) ?? []), id]);
  }
  return signs;
}

/** Why the edge is not backed by a fact with its sign, or undefined when it is. */
export function edgeProblem(
  base: FactBase,
  pathway: Pathway,
  edge: PathwayEdge,
): string | undefined {
  const sign = edgeSignOf[edge.sign];
  const signs = factSigns(base, pathway, edge);
  if (signs.has(sign)) return undefined;
  const found = [...signs].map(([s, f]) => `${f.join(', ')} give ${s}`).join('; ');
  return `edge ${pathway.id}:${edge.id} (${edge.sign}) has no fact with its sign${found === '' ? ' linking its ends' : ` (${found})`}`;
}

function active(contexts: readonly string[], context: string | undefined): boolean {
  return context === undefined || contexts.length === 0 || contexts.includes(context);
}

/**
 * Every simple route from one node to another over the edges drawn in the context. An inferred
 * edge counts only when the item discloses its inference.
 */
function routes(
  pathway: Pathway,
  item: PerturbationItem,
  from: string,
  to: string,
): PathwayEdge[][] {
  const context = item.perturbation.context;
  const nodeOn = new Set(pathway.nodes.filter((n) => active(n.contexts, context)).map((n) => n.id));
  const disclosed = (e: PathwayEdge) =>
    !e.inferred || (e.inference !== undefined && item.inferenceIds.includes(e.inference));
  const edges = pathway.edges.filter(
    (e) => disclosed(e) && active(e.contexts, context) && nodeOn.has(e.from) && nodeOn.has(e.to),
  );
  const found: PathwayEdge[][] = [];
  const walk = (at: string, seen: readonly string[], path: readonly PathwayEdge[]) => {
    if (at === to) {
      found.push([...path]);
      return;
    }
    for (const edge of edges) {
      if (edge.from === at && !seen.includes(edge.to))
        walk(edge.to, [...seen, edge.to], [...path, edge]);
    }
  };
  walk(from, [from], []);
  return found;
}

type Effect = 'up' | 'down' | 'unchanged' | 'depends' | 'unproven';

interface Outcome {
  readonly effect: Effect;
  readonly problems: readonly string[];
}

/** The effect on `target` of changing `node`, from routes whose every edge a fact backs. */
function effectOn(
  base: FactBase,
  pathway: Pathway,
  item: PerturbationItem,
  target: string,
): Outcome {
  const { nodeId, change } = item.perturbation;
  if (nodeId === target) return { effect: change === 'raised' ? 'up' : 'down', problems: [] };
  const problems = new Set<string>();
  const signs = new Set<Sign>();
  for (const route of routes(pathway, item, nodeId, target)) {
    const bad = route
      .filter((e) => !e.inferred)
      .map((e) => edgeProblem(base, pathway, e))
      .filter((p) => p !== undefined);
    bad.forEach((p) => problems.add(p));
    if (bad.length > 0) continue;
    const product = route.reduce<number>((acc, e) => acc * edgeSignOf[e.sign], 1);
    signs.add((change === 'raised' ? product : -product) as Sign);
  }
  const moves = [...signs].filter((s) => s !== 0);
  let effect: Effect;
  if (moves.length === 0) effect = signs.has(0) ? 'unchanged' : 'unproven';
  else if (moves.every((s) => s === 1)) effect = 'up';
  else if (moves.every((s) => s === -1)) effect = 'down';
  else effect = 'depends';
  return { effect, problems: [...problems] };
}

function balance(target: Effect, other: Effect): string {
  const value = (e: Effect) => (e === 'up' ? 1 : e === 'down' ? -1 : 0);
  if (target === 'depends' || other === 'depends') return 'depends';
  if (target === 'unproven' && other === 'unproven') return 'unproven';
  const net = value(target) - value(other);
  if (net > 0) return 'toward-target';
  if (net < 0) return 'toward-other';
  return target === 'unchanged' && other === 'unchanged' ? 'unchanged' : 'depends';
}

/** "; il-32-gamma is an isoform of il-32" when the perturbed node and the target are one gene. */
function isoformNote(base: FactBase, pathway: Pathway, item: PerturbationItem): string {
  const a = entityOf(pathway, item.perturbation.nodeId) ?? '';
  const b = entityOf(pathway, item.perturbation.targetNodeId) ?? '';
  if ((base.genesOf.get(a) ?? []).includes(b)) return `; ${a} is an isoform of ${b}`;
  if ((base.genesOf.get(b) ?? []).includes(a)) return `; ${b} is an isoform of ${a}`;
  return '';
}

export function checkPerturbation(base: FactBase, item: PerturbationItem): Finding[] {
  const pathway = base.pathways.get(item.pathwayId);
  if (pathway === undefined)
    return [{ rule: 'item-shape', reason: `no pathway ${item.pathwayId}` }];
  const key = item.options.find((o) => o.correct)?.id;
  const { targetNodeId, versus } = item.perturbation;
  const target = effectOn(base, pathway, item, targetNodeId);
  let expected: string = target.effect;
  let problems = target.problems;
  if (versus !== undefined) {
    const other = effectOn(base, pathway, item, versus.nodeId);
    expected = balance(target.effect, other.effect);
    problems = [...problems, ...other.problems];
    if (base.byId.get(versus.factId)?.relation !== 'outweighs') {
      return [{ rule: 'key-unsupported', reason: `${versus.factId} is not an "outweighs" fact` }];
    }
  }
  if (expected === key) return [];
  const why = problems.length > 0 ? `; ${problems.join('; ')}` : '';
  if (key === 'unchanged') {
    const found = expected === 'unproven' ? 'no fact-backed route' : `the routes give ${expected}`;
    return [
      {
        rule: 'no-change-unproven',
        reason: `keyed "unchanged", but no route through a no-difference edge and ${found}${isoformNote(base, pathway, item)}${why}`,
      },
    ];
  }
  return [
    {
      rule: 'key-unsupported',
      reason: `keyed ${key ?? 'nothing'}, fact-backed routes give ${expected}${why}`,
    },
  ];
}

const signOfOption: Readonly<Record<string, Sign>> = { '+': 1, '-': -1, '0': 0 };

export function checkDiagramEdge(base: FactBase, item: DiagramEdgeItem): Finding[] {
  const pathway = base.pathways.get(item.pathwayId);
  const edge = pathway?.edges.find((e) => e.id === item.hiddenEdgeId);
  if (pathway === undefined || edge === undefined) {
    return [{ rule: 'item-shape', reason: `no edge ${item.pathwayId}:${item.hiddenEdgeId}` }];
  }
  const signs = factSigns(base, pathway, edge);
  return item.options.flatMap((option): Finding[] => {
    const sign = signOfOption[option.id];
    if (sign === undefined)
      return [{ rule: 'item-shape', reason: `option ${option.id} is no sign` }];
    const backing = signs.get(sign) ?? [];
    if (option.correct) {
      return backing.length > 0
        ? []
        : [
            {
              rule: 'key-unsupported',
              reason: edgeProblem(base, pathway, edge) ?? `no fact gives ${option.id}`,
            },
          ];
    }
    if (backing.length > 0) {
      return [
        {
          rule: 'wrong-is-true',
          reason: `wrong sign ${option.id} is given by ${backing.join(', ')}`,
        },
      ];
    }
    const other = [...signs.keys()].some((s) => s !== sign);
    return other
      ? []
      : [{ rule: 'wrong-unproven', reason: `no fact gives a sign other than ${option.id}` }];
  });
}

/** Ordering: each step leads to the next by a drawn, fact-backed, non-inferred edge. */
export function checkOrdering(base: FactBase, item: OrderingItem): Finding[] {
  const pathway = base.pathways.get(item.pathwayId);
  if (pathway === undefined)
    return [{ rule: 'item-shape', reason: `no pathway ${item.pathwayId}` }];
  return item.answer.slice(1).flatMap((to, i): Finding[] => {
    const from = item.answer[i] ?? '';
    const edge = pathway.edges.find((e) => e.from === from && e.to === to && !e.inferred);
    if (edge === undefined) {
      return [
        { rule: 'key-unsupported', reason: `no fact-backed edge leads from ${from} to ${to}` },
      ];
    }
    const problem = edgeProblem(base, pathway, edge);
    return problem === undefined ? [] : [{ rule: 'edge-unsupported', reason: problem }];
  });
}
