import { signVerbs } from '../pack/edge-signs.ts';
import type { EdgeSign, Entity, Pathway, PathwayEdge, PathwayNode } from '../pack/schema.ts';
import { midSentenceName } from './names.ts';
import type {
  NodeEffect,
  PerturbationChange,
  PerturbationEffect,
  PerturbationResult,
  Route,
} from './types.ts';

export type Sign = 1 | -1;

/** Direction an edge carries a change: no-difference edges carry none. */
export function signOf(sign: EdgeSign): Sign | 0 {
  switch (sign) {
    case 'stimulates':
    case 'increases-level':
      return 1;
    case 'inhibits':
    case 'decreases-level':
      return -1;
    case 'no-difference':
      return 0;
  }
}

const verbOf = (sign: EdgeSign): string => signVerbs[sign];

/** A pathway restricted to one of its contexts (panels), with adjacency. */
export interface PathwayView {
  readonly pathway: Pathway;
  readonly context?: string;
  readonly nodes: readonly PathwayNode[];
  readonly nodeById: ReadonlyMap<string, PathwayNode>;
  readonly edges: readonly PathwayEdge[];
  readonly edgeById: ReadonlyMap<string, PathwayEdge>;
  readonly out: ReadonlyMap<string, readonly PathwayEdge[]>;
  readonly in: ReadonlyMap<string, readonly PathwayEdge[]>;
}

const inContext = (contexts: readonly string[], context: string | undefined): boolean =>
  context === undefined || contexts.length === 0 || contexts.includes(context);

export function viewPathway(pathway: Pathway, context?: string): PathwayView {
  if (context !== undefined && !pathway.contexts.some((c) => c.id === context)) {
    throw new Error(`pathway ${pathway.id} has no context "${context}"`);
  }
  const nodes = pathway.nodes.filter((n) => inContext(n.contexts, context));
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const edges = pathway.edges.filter(
    (e) => inContext(e.contexts, context) && nodeById.has(e.from) && nodeById.has(e.to),
  );
  const out = new Map<string, PathwayEdge[]>();
  const into = new Map<string, PathwayEdge[]>();
  for (const edge of edges) {
    (out.get(edge.from) ?? out.set(edge.from, []).get(edge.from))?.push(edge);
    (into.get(edge.to) ?? into.set(edge.to, []).get(edge.to))?.push(edge);
  }
  return {
    pathway,
    ...(context === undefined ? {} : { context }),
    nodes,
    nodeById,
    edges,
    edgeById: new Map(edges.map((e) => [e.id, e])),
    out,
    in: into,
  };
}

export type LabelOf = (node: PathwayNode) => string;

/** Node labels: the node's own label, else its entity's name (as it reads mid-sentence if asked). */
export function labeller(
  entities: readonly Entity[] | ReadonlyMap<string, Entity>,
  midSentence = false,
): LabelOf {
  const byId =
    entities instanceof Map
      ? (entities as ReadonlyMap<string, Entity>)
      : new Map((entities as readonly Entity[]).map((e) => [e.id, e]));
  return (node) => {
    const entity = byId.get(node.entity);
    const name = node.label ?? entity?.name ?? node.entity;
    // A drawn label ("Bone formation") reads mid-sentence like a name: "stimulates bone formation".
    return midSentence && entity ? midSentenceName({ name, type: entity.type }) : name;
  };
}

interface Visit {
  readonly nodeId: string;
  readonly sign: Sign;
  readonly edge: PathwayEdge | null;
  readonly previous: Visit | null;
}

/** The first visit of each (node, net sign) state: [0] reached rising, [1] reached falling. */
type Visits = readonly [Map<string, Visit>, Map<string, Visit>];

const slotOf = (sign: Sign): 0 | 1 => (sign === 1 ? 0 : 1);

/**
 * Breadth-first search over (node, net sign) states: linear in the edges, handles cycles, and the
 * first visit of a state gives a shortest route to it.
 */
function propagate(
  view: PathwayView,
  start: string,
  startSign: Sign,
  withInferred: boolean,
): Visits {
  const visits: Visits = [new Map(), new Map()];
  const first: Visit = { nodeId: start, sign: startSign, edge: null, previous: null };
  visits[slotOf(startSign)].set(start, first);
  const queue: Visit[] = [first];
  for (let head = 0; head < queue.length; head++) {
    const from = queue[head] as Visit;
    for (const edge of view.out.get(from.nodeId) ?? []) {
      const edgeSign = signOf(edge.sign);
      if (edgeSign === 0 || (edge.inferred && !withInferred)) continue;
      const next = (from.sign * edgeSign) as Sign;
      const seen = visits[slotOf(next)];
      if (seen.has(edge.to)) continue;
      const visit: Visit = { nodeId: edge.to, sign: next, edge, previous: from };
      seen.set(edge.to, visit);
      queue.push(visit);
    }
  }
  return visits;
}

function effectFrom(signs: readonly Sign[]): PerturbationEffect {
  const up = signs.includes(1);
  const down = signs.includes(-1);
  if (up && down) return 'depends';
  if (up) return 'up';
  if (down) return 'down';
  return 'unchanged';
}

/** A node's name in a route, plain or as it reads mid-sentence. */
type NameOf = (nodeId: string, mid?: boolean) => string;

function routeTo(
  visits: Visits,
  nodeId: string,
  sign: Sign,
  startSign: Sign,
  nameOf: NameOf,
): Route {
  const edges: PathwayEdge[] = [];
  for (
    let visit = visits[slotOf(sign)].get(nodeId);
    visit?.edge;
    visit = visit.previous ?? undefined
  ) {
    edges.unshift(visit.edge);
  }
  const first = edges[0];
  const nodeIds = first ? [first.from, ...edges.map((e) => e.to)] : [nodeId];
  let chain = nameOf(nodeIds[0] ?? nodeId);
  const steps: string[] = [];
  for (const edge of edges) {
    chain += ` ${signOf(edge.sign) === -1 ? '⊣' : '→'} ${nameOf(edge.to)}`;
    const support = edge.inferred
      ? `inferred${edge.inference ? `: ${edge.inference}` : ''}`
      : edge.factIds.join(', ');
    steps.push(`${nameOf(edge.from)} ${verbOf(edge.sign)} ${nameOf(edge.to, true)} (${support})`);
  }
  return {
    nodeIds,
    edgeIds: edges.map((e) => e.id),
    sign: (sign * startSign) as Sign,
    factIds: unique(edges.flatMap((e) => e.factIds)),
    inferenceIds: unique(
      edges.filter((e) => e.inferred).map((e) => e.inference ?? `inferred:${e.id}`),
    ),
    chain,
    steps,
  };
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** The routes' ids, each once in order; most nodes are reached by one route or none. */
function unionOf(routes: readonly Route[], ids: (route: Route) => readonly string[]): string[] {
  if (routes.length === 0) return [];
  if (routes.length === 1) return [...ids(routes[0] as Route)];
  return unique(routes.flatMap(ids));
}

/** Directions (+1 up, −1 down) in which a node is reached. */
function signsAt(visits: Visits, nodeId: string): Sign[] {
  const signs: Sign[] = [];
  if (visits[0].has(nodeId)) signs.push(1);
  if (visits[1].has(nodeId)) signs.push(-1);
  return signs;
}

/** Names of a view's nodes for its routes, each worked out once per prediction (ids otherwise). */
function routeNames(view: PathwayView, label: LabelOf, midLabel: LabelOf): NameOf {
  const plain = new Map<string, string>();
  const mid = new Map<string, string>();
  return (nodeId, midSentence = false) => {
    const known = midSentence ? mid : plain;
    let name = known.get(nodeId);
    if (name === undefined) {
      const node = view.nodeById.get(nodeId);
      name = node ? (midSentence ? midLabel(node) : label(node)) : nodeId;
      known.set(nodeId, name);
    }
    return name;
  };
}

/**
 * What happens to every node of a pathway when one node is raised, lowered or blocked: signs
 * multiply along each route; routes that disagree give "depends"; no-difference edges carry
 * nothing. Inferred edges are followed, and each node says whether its effect rests on them.
 * `entities` supplies display names for the routes (node ids otherwise).
 */
export function predictPerturbation(
  pathway: Pathway,
  perturbation: { readonly nodeId: string; readonly change: PerturbationChange },
  context?: string,
  entities: readonly Entity[] | ReadonlyMap<string, Entity> = [],
): PerturbationResult {
  return predictOnView(viewPathway(pathway, context), perturbation, entities);
}

/** predictPerturbation on a view already made, for a caller that predicts many times on one. */
export function predictOnView(
  view: PathwayView,
  perturbation: { readonly nodeId: string; readonly change: PerturbationChange },
  entities: readonly Entity[] | ReadonlyMap<string, Entity> = [],
): PerturbationResult {
  const { pathway, context } = view;
  if (!view.nodeById.has(perturbation.nodeId)) {
    throw new Error(
      `pathway ${pathway.id}${context ? ` (${context})` : ''} has no node "${perturbation.nodeId}"`,
    );
  }
  const label = labeller(entities);
  const nameOf = routeNames(view, label, labeller(entities, true));
  const startSign: Sign = perturbation.change === 'raised' ? 1 : -1;
  const all = propagate(view, perturbation.nodeId, startSign, true);
  // Without inferred links the factual search would retrace the same one.
  const factual = view.edges.some((e) => e.inferred)
    ? propagate(view, perturbation.nodeId, startSign, false)
    : all;
  const effects: NodeEffect[] = view.nodes.map((node) => {
    const perturbed = node.id === perturbation.nodeId;
    const allSigns = signsAt(all, node.id);
    const factualSigns = signsAt(factual, node.id);
    const effect: PerturbationEffect = perturbed
      ? startSign === 1
        ? 'up'
        : 'down'
      : effectFrom(allSigns);
    const factualEffect: PerturbationEffect = perturbed ? effect : effectFrom(factualSigns);
    const useFactual = factualEffect === effect;
    const visits = useFactual ? factual : all;
    const routes = perturbed
      ? []
      : (useFactual ? factualSigns : allSigns).map((s) =>
          routeTo(visits, node.id, s, startSign, nameOf),
        );
    return {
      nodeId: node.id,
      entityId: node.entity,
      label: nameOf(node.id),
      effect,
      factualEffect,
      dependsOnInference: effect !== factualEffect,
      perturbed,
      routes,
      factIds: unionOf(routes, (r) => r.factIds),
      inferenceIds: unionOf(routes, (r) => r.inferenceIds),
    };
  });
  return {
    pathwayId: pathway.id,
    ...(context === undefined ? {} : { context }),
    nodeId: perturbation.nodeId,
    change: perturbation.change,
    effects,
  };
}

/**
 * Cascade depth of every entity drawn on any pathway: Kahn's algorithm over the union of the
 * pathways' edges; where a cycle leaves no source, the remaining entity with the fewest
 * unresolved inputs (then the smallest id) is taken as one. Level = longest chain of resolved
 * edges leading to it.
 */
export function cascadeLevels(pathways: readonly Pathway[]): Map<string, number> {
  const out = new Map<string, Set<string>>();
  const indegree = new Map<string, number>();
  const ensure = (id: string): void => {
    if (!indegree.has(id)) indegree.set(id, 0);
    if (!out.has(id)) out.set(id, new Set());
  };
  for (const pathway of pathways) {
    const entityOfNode = new Map(pathway.nodes.map((n) => [n.id, n.entity]));
    for (const node of pathway.nodes) ensure(node.entity);
    for (const edge of pathway.edges) {
      const from = entityOfNode.get(edge.from);
      const to = entityOfNode.get(edge.to);
      if (from === undefined || to === undefined || from === to) continue;
      const targets = out.get(from);
      if (targets && !targets.has(to)) {
        targets.add(to);
        indegree.set(to, (indegree.get(to) ?? 0) + 1);
      }
    }
  }
  const level = new Map<string, number>();
  const remaining = new Map(indegree);
  const ready = [...remaining.keys()].filter((id) => remaining.get(id) === 0).sort();
  const resolve = (id: string): void => {
    remaining.delete(id);
    const own = level.get(id) ?? 0;
    if (!level.has(id)) level.set(id, own);
    const fresh: string[] = [];
    for (const to of out.get(id) ?? []) {
      if (!remaining.has(to)) continue;
      level.set(to, Math.max(level.get(to) ?? 0, own + 1));
      const left = (remaining.get(to) ?? 1) - 1;
      remaining.set(to, left);
      if (left === 0) fresh.push(to);
    }
    for (const node of fresh.sort()) ready.push(node);
  };
  while (remaining.size > 0) {
    const next = ready.shift();
    if (next !== undefined) {
      if (remaining.has(next)) resolve(next);
      continue;
    }
    let pick: string | undefined;
    let best = Infinity;
    for (const [id, deg] of remaining) {
      if (deg < best || (deg === best && pick !== undefined && id < pick)) {
        best = deg;
        pick = id;
      }
    }
    if (pick !== undefined) resolve(pick);
  }
  return level;
}

/**
 * Cascades for ordering exercises: maximal simple routes over fact-backed edges that change
 * something, from nodes no such edge enters, of at least three nodes, whose order is forced (no
 * edge of the pathway runs from a later node back to an earlier one).
 */
export function cascades(view: PathwayView, limit = 24): PathwayEdge[][] {
  const usable = (e: PathwayEdge): boolean => !e.inferred && signOf(e.sign) !== 0;
  const entered = new Set(view.edges.filter(usable).map((e) => e.to));
  const starts = view.nodes.filter(
    (n) => !entered.has(n.id) && (view.out.get(n.id) ?? []).some(usable),
  );
  const found: PathwayEdge[][] = [];
  const walk = (nodeId: string, path: PathwayEdge[], seen: Set<string>): void => {
    if (found.length >= limit) return;
    const next = (view.out.get(nodeId) ?? []).filter((e) => usable(e) && !seen.has(e.to));
    if (next.length === 0) {
      if (path.length >= 2) found.push([...path]);
      return;
    }
    for (const edge of next) {
      seen.add(edge.to);
      path.push(edge);
      walk(edge.to, path, seen);
      path.pop();
      seen.delete(edge.to);
    }
  };
  for (const start of starts) walk(start.id, [], new Set([start.id]));
  return found.filter((path) => orderIsForced(view, path));
}

function orderIsForced(view: PathwayView, path: readonly PathwayEdge[]): boolean {
  const position = new Map<string, number>();
  const first = path[0];
  if (!first) return false;
  position.set(first.from, 0);
  path.forEach((e, i) => position.set(e.to, i + 1));
  return view.edges.every((e) => {
    const from = position.get(e.from);
    const to = position.get(e.to);
    return from === undefined || to === undefined || from < to;
  });
}
