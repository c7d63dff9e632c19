import type { Fact, Pathway } from '../../pack/schema.ts';
import { citationsForFacts, citationsForPathway, mergeCitations } from '../citations.ts';
import { mentionsAny } from '../normalize.ts';
import { entityOf, formsOf, isEntityObject, nodeOf, type PackIndex } from '../pack-index.ts';
import { factLine, nameOf, teachingPointIds, teachingPointLines } from '../phrasing.ts';
import { rngFor, shuffled, type Seed } from '../rng.ts';
import type { ChoiceOption, Citation, Difficulty, Evidence } from '../types.ts';

/**
 * Which distractor or variant an item gets is fixed by the pack alone, so an item id always
 * means the same question; the bank seed only orders options, steps and pairs.
 */
export const SELECTION_SEED = 'pathwise-selection';

export interface GenContext {
  readonly index: PackIndex;
  readonly seed: Seed;
}

export interface BaseInput {
  readonly id: string;
  readonly prompt: string;
  readonly explanation: string;
  /** The facts the item rests on, the main one first (it gives the topic). */
  readonly facts: readonly Fact[];
  readonly difficulty: number;
  readonly family: string;
  readonly pathway?: Pathway;
  readonly entityIds?: readonly string[];
  readonly edgeIds?: readonly string[];
  readonly inferenceIds?: readonly string[];
  readonly topic?: string;
}

export function clampDifficulty(value: number): Difficulty {
  return value <= 1 ? 1 : value >= 3 ? 3 : 2;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** Most frequent topic among the facts; ties go to the first seen. */
function mainTopic(facts: readonly Fact[]): string | undefined {
  const counts = new Map<string, number>();
  for (const f of facts) counts.set(f.topic, (counts.get(f.topic) ?? 0) + 1);
  let best: string | undefined;
  let most = 0;
  for (const [topic, count] of counts) {
    if (count > most) {
      best = topic;
      most = count;
    }
  }
  return best;
}

/** The fields every quiz item shares, derived from its facts. */
export function base(ctx: GenContext, input: BaseInput) {
  const { index } = ctx;
  const facts = input.facts;
  const factIds = unique(facts.map((f) => f.id));
  const citations: Citation[] = mergeCitations([
    ...(input.pathway ? citationsForPathway(index, input.pathway) : []),
    ...citationsForFacts(index, facts),
  ]);
  const mentioned = facts.flatMap((f) => [
    f.subject,
    ...f.coSubjects,
    ...(isEntityObject(f) ? [f.object] : []),
  ]);
  const diseaseIds = unique([
    ...facts.flatMap((f) => f.context.diseases),
    ...mentioned.filter((id) => entityOf(index, id).type === 'disease'),
  ]);
  return {
    id: input.id,
    prompt: input.prompt,
    explanation: input.explanation,
    factIds,
    citations,
    difficulty: clampDifficulty(input.difficulty),
    topic: input.topic ?? mainTopic(facts) ?? index.pack.manifest.topics[0]?.id ?? 'general',
    ...(input.pathway ? { pathwayId: input.pathway.id } : {}),
    pathwayIds: unique([
      ...(input.pathway ? [input.pathway.id] : []),
      ...factIds.flatMap((id) => (index.edgesByFact.get(id) ?? []).map((r) => r.pathway.id)),
    ]),
    diseaseIds,
    entityIds: unique(input.entityIds ?? mentioned),
    edgeIds: unique(input.edgeIds ?? []),
    inferenceIds: unique(input.inferenceIds ?? []),
    teachingPointIds: teachingPointIds(index, factIds),
    highYield: facts.some((f) => f.highYield),
    family: input.family,
  };
}

/** Options in a seeded order keyed by the item, so one item's order never moves another's. */
export function arrange(
  ctx: GenContext,
  itemId: string,
  options: readonly ChoiceOption[],
): ChoiceOption[] {
  return shuffled(options, rngFor(ctx.seed, `options:${itemId}`));
}

export function explain(
  ctx: GenContext,
  lead: string,
  facts: readonly Fact[],
  extra: readonly string[] = [],
): string {
  const lines = [lead, ...facts.map((f) => factLine(ctx.index, f)), ...extra];
  lines.push(
    ...teachingPointLines(
      ctx.index,
      facts.map((f) => f.id),
    ),
  );
  return lines.filter((l) => l.length > 0).join(' ');
}

/** Why a statement or an option is wrong, in sentences taken from the pack. */
export function whyWrong(
  ctx: GenContext,
  evidence: Evidence,
  pathway?: Pathway,
  entityId?: string,
): string {
  const { index } = ctx;
  const facts = evidence.factIds
    .map((id) => index.factById.get(id))
    .filter((f): f is Fact => f !== undefined);
  const lines = (n: number): string =>
    facts
      .slice(0, n)
      .map((f) => factLine(index, f))
      .join(' ');
  switch (evidence.basis) {
    case 'contrary-fact':
      return `The sources say otherwise: ${lines(2)}`;
    case 'functional-relation':
      return `This relation has a single answer, and the pack gives another: ${lines(1)}`;
    case 'pathway-role':
      return `In this model it plays a different part. ${
        pathway && entityId ? roleOf(ctx, pathway, entityId) : lines(3)
      }`;
    case 'disjoint-category':
    case 'contested-source':
      return lines(3);
  }
}

/** One line per wrong option: "Not RANKL: in this model it plays a different part. …" */
export function rationaleFor(
  ctx: GenContext,
  optionName: string,
  evidence: Evidence,
  pathway?: Pathway,
  entityId?: string,
): string {
  const why = whyWrong(ctx, evidence, pathway, entityId);
  return `Not ${optionName}: ${why.charAt(0).toLowerCase()}${why.slice(1)}`;
}

/** "In Figure 1: IL-32γ raises RANKL (F073); RANKL stimulates osteoclast differentiation (F074)." */
export function roleOf(
  ctx: GenContext,
  pathway: Pathway,
  entityId: string,
  partner?: string,
): string {
  const nodes = new Set(pathway.nodes.filter((n) => n.entity === entityId).map((n) => n.id));
  const partners = new Set(pathway.nodes.filter((n) => n.entity === partner).map((n) => n.id));
  const label = (nodeId: string): string => {
    const node = nodeOf(pathway, nodeId);
    return node.label ?? nameOf(ctx.index, node.entity);
  };
  const steps = pathway.edges
    .filter((e) => nodes.has(e.from) || nodes.has(e.to))
    .filter((e) => partner === undefined || partners.has(e.from) || partners.has(e.to))
    .slice(0, 4)
    .map(
      (e) =>
        `${label(e.from)} ${edgeVerb(e.sign)} ${label(e.to)} (${
          e.inferred ? `inferred${e.inference ? `: ${e.inference}` : ''}` : e.factIds.join(', ')
        })`,
    );
  return `In ${pathway.figure ?? pathway.title}: ${steps.join('; ')}.`;
}

export function edgeVerb(sign: Pathway['edges'][number]['sign']): string {
  switch (sign) {
    case 'stimulates':
      return 'stimulates';
    case 'inhibits':
      return 'inhibits';
    case 'increases-level':
      return 'raises';
    case 'decreases-level':
      return 'lowers';
    case 'no-difference':
      return 'shows no difference with';
  }
}

/** Whether a prompt names an entity under any of its forms. */
export function names(ctx: GenContext, text: string, entityId: string): boolean {
  return mentionsAny(text, formsOf(ctx.index, entityId));
}
