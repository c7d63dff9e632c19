/** What a perturbation of a pathway node does, and the routes it travels (graph.ts). */

export type PerturbationChange = 'raised' | 'lowered' | 'blocked';
export type BalanceShift = 'toward-target' | 'toward-other' | 'depends' | 'unchanged';
export type PerturbationEffect = 'up' | 'down' | 'unchanged' | 'depends';

/** One route a perturbation travels along, with the facts behind each step. */
export interface Route {
  readonly nodeIds: readonly string[];
  readonly edgeIds: readonly string[];
  /** Net sign along the route: +1 same direction as the change at the source, −1 opposite. */
  readonly sign: 1 | -1;
  readonly factIds: readonly string[];
  /** Inference ids (dossier C9) of inferred edges on the route. */
  readonly inferenceIds: readonly string[];
  /** "IL-32γ → miR-29a ⊣ DKK-1 ⊣ Osteoblast differentiation" (→ raises or activates, ⊣ lowers or inhibits: shared/pack/edge-signs.ts). */
  readonly chain: string;
  /** One line per step: "IL-32γ raises miR-29a (F099, F127)". */
  readonly steps: readonly string[];
}

export interface NodeEffect {
  readonly nodeId: string;
  readonly entityId: string;
  readonly label: string;
  /** Effect with every edge, inferred ones included (exploration). */
  readonly effect: PerturbationEffect;
  /** Effect over fact-backed edges only. */
  readonly factualEffect: PerturbationEffect;
  /** True when the two differ: the answer rests on an inferred edge. */
  readonly dependsOnInference: boolean;
  /** The perturbed node itself. */
  readonly perturbed: boolean;
  /** Supporting routes (one shortest route per net sign reached). */
  readonly routes: readonly Route[];
  readonly factIds: readonly string[];
  readonly inferenceIds: readonly string[];
}

export interface PerturbationResult {
  readonly pathwayId: string;
  readonly context?: string;
  readonly nodeId: string;
  readonly change: PerturbationChange;
  /** In the pathway's node order. */
  readonly effects: readonly NodeEffect[];
}
