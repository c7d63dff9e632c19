import { isCultureSetting } from '../../pack/settings.ts';
import type { EdgeSign, Fact, Pathway, PathwayEdge } from '../../pack/schema.ts';
import type { RelationId } from '../../pack/relations.ts';
import { titleTellsSigns } from '../../pack/edge-signs.ts';
import { isFigureSection } from '../../pack/sections.ts';
import { pathwayBySource, pathwayFigure, referenceLabel } from '../citations.ts';
import type { PathwayView } from '../graph.ts';
import { asRelation, effectivePolarity } from '../claims.ts';
import { isIsoformOf } from '../family.ts';
import { signOf } from '../graph.ts';
import {
  classOf,
  entityOf,
  equivalents,
  formsOf,
  type EntityClass,
  type PackIndex,
} from '../pack-index.ts';
import {
  capitalise,
  isPluralName,
  midSentenceName,
  plural,
  takesDefiniteArticle,
  withoutParenthetical,
} from '../names.ts';
import { mentionsAny } from '../normalize.ts';
import type { PerturbationChange } from '../types.ts';
import { nodeName, type GenContext } from './common.ts';

/** What the pathway kinds share: the facts behind edges, how a pathway is named, node wording. */

export function factsOf(index: PackIndex, ids: readonly string[]): Fact[] {
  return [...new Set(ids)]
    .map((id) => index.factById.get(id))
    .filter((f): f is Fact => f !== undefined);
}

export function uncontestedFactsOf(index: PackIndex, ids: readonly string[]): Fact[] {
  return factsOf(index, ids).filter((f) => f.contested === undefined);
}

/** The fact says what the edge draws: its subject (or an isoform of it) acts on the target with the edge's sign. */
function statesEdge(
  index: PackIndex,
  fact: Fact,
  from: string,
  to: string,
  sign: EdgeSign,
): boolean {
  const subjectOk =
    equivalents(index, from).has(fact.subject) || isIsoformOf(index, fact.subject, from);
  if (!subjectOk || !equivalents(index, to).has(fact.object)) return false;
  const relation = asRelation(fact.relation);
  const drawn = signOf(sign);
  if (drawn === 0) return relation === 'no-difference-in';
  return effectivePolarity(relation, fact.subjectModifier) === drawn;
}

/**
 * An edge may back a single-answer item only when a fact states it: an uncontested fact the edge
 * cites, or a background (textbook) fact, linking its two ends with its sign. A drawn arrow whose
 * cited facts name the target only in free text, or not at all, proves nothing.
 */
export function edgeIsSolid(index: PackIndex, pathway: Pathway, edge: PathwayEdge): boolean {
  let known = solidEdges.get(index);
  if (!known) {
    known = new WeakMap();
    solidEdges.set(index, known);
  }
  let solid = known.get(edge);
  if (solid === undefined) {
    solid = edgeIsStated(index, pathway, edge);
    known.set(edge, solid);
  }
  return solid;
}

const solidEdges = new WeakMap<PackIndex, WeakMap<PathwayEdge, boolean>>();

/** The review section a figure pathway draws ("figure-2a"), if it draws one. */
export function figureSection(index: PackIndex, pathway: Pathway): string | undefined {
  return isFigureSection(index.pack.manifest, pathway.figure) ? pathway.figure : undefined;
}

/**
 * A link the pack added to a figure from another of the review's figures (Figure 1's DKK-1 ⊣ Wnt
 * rests on the Figure 2A caption): an item framed on this figure would credit it with a link it
 * does not draw (audits E and F).
 */
function borrowedFromAnotherFigure(index: PackIndex, pathway: Pathway, edge: PathwayEdge): boolean {
  const own = figureSection(index, pathway);
  if (own === undefined) return false;
  const cited = factsOf(index, edge.factIds);
  return (
    cited.length > 0 &&
    cited.every((f) => isFigureSection(index.pack.manifest, f.section) && f.section !== own)
  );
}

function edgeIsStated(index: PackIndex, pathway: Pathway, edge: PathwayEdge): boolean {
  if (edge.inferred || borrowedFromAnotherFigure(index, pathway, edge)) return false;
  const from = pathway.nodes.find((n) => n.id === edge.from)?.entity;
  const to = pathway.nodes.find((n) => n.id === edge.to)?.entity;
  if (from === undefined || to === undefined) return false;
  const background = [...equivalents(index, to)].flatMap(
    (id) => backgroundByObject(index).get(id) ?? [],
  );
  return [...uncontestedFactsOf(index, edge.factIds), ...background]
    .filter((f) => f.contested === undefined)
    .some((f) => statesEdge(index, f, from, to, edge.sign));
}

const backgroundIndex = new WeakMap<PackIndex, ReadonlyMap<string, readonly Fact[]>>();

function backgroundByObject(index: PackIndex): ReadonlyMap<string, readonly Fact[]> {
  let byObject = backgroundIndex.get(index);
  if (!byObject) {
    const map = new Map<string, Fact[]>();
    for (const fact of index.evidence.backgroundById.values()) {
      map.set(fact.object, [...(map.get(fact.object) ?? []), fact]);
    }
    byObject = map;
    backgroundIndex.set(index, byObject);
  }
  return byObject;
}

/** Cells and processes: a link or route joining only these is true by definition. */
export function isLineageClass(entityClass: EntityClass): boolean {
  return entityClass === 'cell' || entityClass === 'process';
}

/**
 * A link between two cells or processes is true by definition (osteoblasts drive bone formation,
 * osteoclast fusion gives rise to osteoclasts): not worth asking, and not owed an item.
 */
export function isDefinitionalEdge(index: PackIndex, pathway: Pathway, edge: PathwayEdge): boolean {
  const entityAt = (nodeId: string): string | undefined =>
    pathway.nodes.find((n) => n.id === nodeId)?.entity;
  return isDefinitionalLink(index, entityAt(edge.from), entityAt(edge.to));
}

/** Both ends are cells or processes: the link is what the words mean. */
export function isDefinitionalLink(
  index: PackIndex,
  from: string | undefined,
  to: string | undefined,
): boolean {
  return [from, to].every((id) => {
    const entity = id === undefined ? undefined : index.entityById.get(id);
    return entity !== undefined && isLineageClass(classOf(entity.type));
  });
}

export function contextsOf(pathway: Pathway): (string | undefined)[] {
  return pathway.contexts.length > 0 ? pathway.contexts.map((c) => c.id) : [undefined];
}

/** The written forms of these entities, for redaction and leak checks. */
function formsOfAll(index: PackIndex, entityIds: readonly string[]): string[] {
  return entityIds.flatMap((id) => (index.entityById.has(id) ? formsOf(index, id) : []));
}

/**
 * Whether a title names one of the hidden entities. Such a title is not shown, not even with the
 * name blanked: "IL-32γ, … and fracture risk" asks a student who has seen Figure 2B to fill the
 * gap from the title they remember, not from the biology (audit 20261230).
 */
function titleNames(index: PackIndex, title: string, hidden: readonly string[]): boolean {
  const forms = formsOfAll(index, hidden);
  return forms.length > 0 && mentionsAny(title, forms);
}

/**
 * "Figure 1 · IL-32γ in both bone formation and resorption": the caption drawn under a diagram;
 * the figure number alone (or the pathway's source) when the title would tell a sign or name a
 * hidden entity.
 */
export function pathwayCaption(
  index: PackIndex,
  pathway: Pathway,
  hidden: readonly string[] = [],
): string {
  const figure = pathwayFigure(index, pathway);
  if (titleTellsSigns(pathway.title) || titleNames(index, pathway.title, hidden)) {
    return figure ?? capitalise(pathwayBySource(index, pathway));
  }
  return figure ? `${figure} · ${pathway.title}` : pathway.title;
}

/**
 * How a stem names its pathway for a student: "In the normal spine panel of the review's Figure 2A
 * model (Lee et al. 2017)", or, for a pathway drawn from other sources, "In the pathway “IL-32 and
 * TNF-α in arthritis”"; never by its id, and with hidden entities redacted.
 */
export function pathwayFrame(
  ctx: GenContext,
  pathway: Pathway,
  context: string | undefined,
  hidden: readonly string[] = [],
): string {
  const { index } = ctx;
  const found = pathway.contexts.find((c) => c.id === context);
  const panel = found
    ? `the ${withoutParenthetical(midSentenceName({ name: found.label, type: 'disease' }))} panel of `
    : '';
  const review = index.referenceById.get(index.reviewReferenceId);
  const figure = pathwayFigure(index, pathway);
  if (figure && pathway.references.includes(index.reviewReferenceId) && review) {
    return `In ${panel}the review's ${figure} model (${referenceLabel(review)})`;
  }
  if (titleTellsSigns(pathway.title) || titleNames(index, pathway.title, hidden)) {
    return `In ${panel}${pathwayBySource(index, pathway)}`;
  }
  return `In ${panel}the pathway “${pathway.title}”`;
}

export function labelOf(ctx: GenContext, view: PathwayView, nodeId: string): string {
  return view.nodeById.has(nodeId) ? nodeName(ctx.index, view.pathway, nodeId) : nodeId;
}

export function classOfNode(ctx: GenContext, view: PathwayView, nodeId: string): EntityClass {
  const node = view.nodeById.get(nodeId);
  return node ? classOf(entityOf(ctx.index, node.entity).type) : 'molecule';
}

/**
 * The changes a question may make to a node. A drug is only given: "if cyclosporine is withdrawn"
 * presumes a treatment the question never set up (audits E and F).
 */
export function changesOf(
  ctx: GenContext,
  view: PathwayView,
  nodeId: string,
): readonly PerturbationChange[] {
  return classOfNode(ctx, view, nodeId) === 'drug' ? ['raised'] : ['raised', 'blocked'];
}

/** Every finding behind the node's links was made in cultured cells. */
function onlyInVitro(ctx: GenContext, view: PathwayView, nodeId: string): boolean {
  const facts = factsOf(
    ctx.index,
    (view.out.get(nodeId) ?? []).flatMap((edge) => edge.factIds),
  );
  return facts.length > 0 && facts.every((fact) => isCultureSetting(fact.context.setting));
}

/** "if RANKL is blocked", "if mechanical loading is reduced", "if osteoblasts are depleted". */
export function changeClause(
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
    case 'measure':
      // Blocking fits a molecule: a stimulus or a process is reduced ("if mechanical loading is
      // reduced", not "blocked"), audit 20261230.
      return `${label} is ${change === 'raised' ? 'enhanced' : 'reduced'}`;
    case 'drug':
      // Cyclosporine blunts osteoclast formation in culture; given to a patient it causes
      // high-turnover bone loss (audit I): a drug is given only where its findings were made.
      if (change !== 'raised') return `${label} is withdrawn`;
      return onlyInVitro(ctx, view, nodeId)
        ? `${label} is added to the cultured cells`
        : `${label} is given`;
    default:
      if (isActivated(ctx, view, nodeId)) {
        return `${label} is ${change === 'raised' ? 'activated' : 'blocked'}`;
      }
      return `${label} ${isPluralName(label) ? 'are' : 'is'} ${change}`;
  }
}

/**
 * A signalling molecule the model turns on rather than makes more of: a kinase (phosphorylated,
 * F051's p38), or a transcription factor whose every link in is an activation. Its change and
 * its outcome are said as activity, not as a level (audit V).
 */
function isActivated(ctx: GenContext, view: PathwayView, nodeId: string): boolean {
  const node = view.nodeById.get(nodeId);
  const type = node ? entityOf(ctx.index, node.entity).type : undefined;
  if (type === 'kinase') return true;
  const into = view.in.get(nodeId) ?? [];
  return (
    type === 'transcription-factor' &&
    into.length > 0 &&
    into.every((edge) => edge.sign === 'stimulates' || edge.sign === 'inhibits')
  );
}

/** What the question asks about: a level, an activity, or for cells their number. */
export function targetText(ctx: GenContext, view: PathwayView, nodeId: string): string {
  const label = labelOf(ctx, view, nodeId);
  if (classOfNode(ctx, view, nodeId) === 'cell') return `the number of ${plural(label)}`;
  if (isActivated(ctx, view, nodeId)) return `${label} activity`;
  // "what happens to the RANKL/OPG ratio", as a lecturer writes it (audit D).
  return takesDefiniteArticle(label) ? `the ${label}` : label;
}

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
