import type { Fact, Pathway, PathwayEdge } from '../../pack/schema.ts';
import { signVerbs } from '../../pack/edge-signs.ts';
import { citationsForItem, pathwayName } from '../citations.ts';
import { mentionsAny } from '../normalize.ts';
import {
  classOf,
  entityOf,
  formsOf,
  isEntityObject,
  nodeOf,
  type EntityClass,
  type PackIndex,
} from '../pack-index.ts';
import { capitalise, midSentenceName, plural, pluralVerb } from '../names.ts';
import { nameOf } from '../phrasing.ts';
import {
  factLine,
  factLineWithRemark,
  teachingPointIds,
  teachingPointLines,
} from '../explanation-lines.ts';
import { rngFor, shuffled, type Seed } from '../rng.ts';
import type { ChoiceOption, Difficulty, Evidence } from '../types.ts';

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
  const mentioned: string[] = [];
  const diseases = new Set<string>();
  for (const f of facts) {
    mentioned.push(f.subject, ...f.coSubjects);
    if (isEntityObject(f)) mentioned.push(f.object);
    for (const id of f.context.diseases) diseases.add(id);
  }
  for (const id of mentioned) if (entityOf(index, id).type === 'disease') diseases.add(id);
  const pathwayIds = new Set<string>(input.pathway ? [input.pathway.id] : []);
  for (const id of factIds) {
    for (const r of index.edgesByFact.get(id) ?? []) pathwayIds.add(r.pathway.id);
  }
  const edgeIds = unique(input.edgeIds ?? []);
  return {
    id: input.id,
    prompt: input.prompt,
    explanation: input.explanation,
    factIds,
    citations: citationsForItem(index, facts, input.pathway),
    difficulty: clampDifficulty(input.difficulty),
    topic: input.topic ?? mainTopic(facts) ?? index.pack.manifest.topics[0]?.id ?? 'general',
    ...(input.pathway ? { pathwayId: input.pathway.id } : {}),
    pathwayIds: [...pathwayIds],
    diseaseIds: [...diseases],
    entityIds: unique(input.entityIds ?? mentioned),
    edgeIds,
    inferenceIds: unique(input.inferenceIds ?? []),
    teachingPointIds: teachingPointIds(index, factIds),
    // A chain of several drawn links is a deduction to practise, not one of the review's claims.
    highYield: facts.length > 0 && facts.every((f) => f.highYield) && edgeIds.length <= 1,
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
  const lines = [lead, ...facts.map((f) => factLineWithRemark(ctx.index, f)), ...extra];
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
      return `This relation has a single answer, and the sources give another: ${lines(1)}`;
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
  const steps = pathway.edges
    .filter((e) => nodes.has(e.from) || nodes.has(e.to))
    .filter((e) => partner === undefined || partners.has(e.from) || partners.has(e.to))
    .slice(0, 4)
    .map(
      (e) =>
        `${edgeText(ctx.index, pathway, e)} (${e.inferred ? 'inferred' : e.factIds.join(', ')})`,
    );
  return `In ${pathwayName(ctx.index, pathway)}: ${steps.join('; ')}.`;
}

/**
 * A node's name as it reads in a sentence: its label without an aside ("RANKL", not "RANKL
 * (producing cell not stated)"), a one-word qualifier in front ("local IL-32γ"), a compartment
 * after ("IL-32γ in bone marrow"); an aside that is the entity's own name stays ("abnormal new
 * bone (ankylosis)").
 */
const nodeNames = new WeakMap<PackIndex, Map<string, string>>();

export function nodeName(index: PackIndex, pathway: Pathway, nodeId: string): string {
  let known = nodeNames.get(index);
  if (!known) {
    known = new Map();
    nodeNames.set(index, known);
  }
  const key = `${pathway.id}\u0000${nodeId}`;
  let name = known.get(key);
  if (name === undefined) {
    name = computeNodeName(index, pathway, nodeId);
    known.set(key, name);
  }
  return name;
}

const compartmentFormSets = new WeakMap<PackIndex, ReadonlySet<string>>();

/** Every written form of a compartment, lower-cased: looked up per node label, built once per pack. */
function compartmentForms(index: PackIndex): ReadonlySet<string> {
  let forms = compartmentFormSets.get(index);
  if (!forms) {
    forms = new Set(
      [...index.entityById.values()]
        .filter((e) => e.type === 'compartment')
        .flatMap((e) => [e.name, ...e.aliases].map((f) => f.toLowerCase())),
    );
    compartmentFormSets.set(index, forms);
  }
  return forms;
}

function computeNodeName(index: PackIndex, pathway: Pathway, nodeId: string): string {
  const node = nodeOf(pathway, nodeId);
  const entity = entityOf(index, node.entity);
  if (node.label === undefined) return nameOf(index, node.entity);
  const mid = (text: string): string => midSentenceName({ name: text, type: entity.type });
  const match = /^(.*?)\s*\(([^()]*)\)$/.exec(node.label);
  if (!match) return mid(node.label);
  const [, base = '', aside = ''] = match;
  if ([entity.name, ...entity.aliases].some((f) => f.toLowerCase() === aside.toLowerCase())) {
    return mid(node.label);
  }
  if (/^[a-z]+$/.test(aside)) return `${aside} ${mid(base)}`;
  if (compartmentForms(index).has(aside.toLowerCase()))
    return `${mid(base)} in ${aside.toLowerCase()}`;
  if ([entity.name, ...entity.aliases].some((f) => f.toLowerCase() === aside.toLowerCase())) {
    return mid(node.label);
  }
  return mid(base);
}

/** "IL-32γ raises miR-29a", "osteoclast fusion gives rise to multinucleated osteoclasts". */
export function edgeText(index: PackIndex, pathway: Pathway, edge: PathwayEdge): string {
  const from = nodeOf(pathway, edge.from);
  const to = nodeOf(pathway, edge.to);
  const fromClass = classOf(entityOf(index, from.entity).type);
  const toClass = classOf(entityOf(index, to.entity).type);
  const fromText = nodeName(index, pathway, edge.from);
  const toText =
    toClass === 'cell'
      ? plural(nodeName(index, pathway, edge.to))
      : nodeName(index, pathway, edge.to);
  const subject = fromClass === 'cell' ? plural(fromText) : fromText;
  const verb = edgeVerb(edge.sign, fromClass, toClass);
  return `${capitalise(subject)} ${fromClass === 'cell' ? pluralVerb(verb) : verb} ${toText}`;
}

/** The verb for an edge, by what it links: processes lead to outcomes, cells are formed, … */
export function edgeVerb(
  sign: Pathway['edges'][number]['sign'],
  fromClass?: EntityClass,
  toClass?: EntityClass,
): string {
  if (sign === 'stimulates') {
    if (toClass === 'cell') return 'gives rise to';
    if (fromClass === 'cell') return 'drives';
    if (fromClass === 'process') return 'leads to';
  }
  return signVerbs[sign];
}

/** Whether a prompt names an entity under any of its forms. */
export function names(ctx: GenContext, text: string, entityId: string): boolean {
  return mentionsAny(text, formsOf(ctx.index, entityId));
}
