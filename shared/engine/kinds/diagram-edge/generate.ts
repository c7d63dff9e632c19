import { evidenceSpecies } from '../../items/evidence-species.ts';
import { signChoice, signValueOf, signValues } from '../../../pack/edge-signs.ts';
import type { Pathway, PathwayEdge } from '../../../pack/schema.ts';
import { statesNecessity } from '../../claims.ts';
import type { PathwayView } from '../../graph.ts';
import { pathwayView } from '../../semantics.ts';
import { plural } from '../../names.ts';
import { tieBreaker } from '../../rng.ts';
import { capitalise } from '../../phrasing.ts';
import type { ChoiceOption, DiagramEdgeItem } from '../../types.ts';
import {
  arrange,
  base,
  edgeText,
  explain,
  rationaleFor,
  SELECTION_SEED,
  type GenContext,
} from '../../items/common.ts';
import { capKeyShare, spreadKeyPositions, withoutUnkeyedValues } from '../../items/key-balance.ts';
import {
  classOfNode,
  edgeIsSolid,
  isDefinitionalEdge,
  labelOf,
  pathwayCaption,
  pathwayFrame,
  uncontestedFactsOf,
} from '../../items/pathway-common.ts';

/** The same link drawn on several pathways is asked once (the first pathway that draws it). */
function linkKey(ctx: GenContext, view: PathwayView, edge: PathwayEdge): string {
  return `${labelOf(ctx, view, edge.from)}→${labelOf(ctx, view, edge.to)}`;
}

/** "In …, a link is drawn from IL-32γ to miR-29a. What does the link show?" */
function edgePrompt(
  ctx: GenContext,
  view: PathwayView,
  pathway: Pathway,
  edge: PathwayEdge,
): string {
  const name = (id: string): string =>
    classOfNode(ctx, view, id) === 'cell' ? plural(labelOf(ctx, view, id)) : labelOf(ctx, view, id);
  const facts = edge.factIds.flatMap((id) => ctx.index.factById.get(id) ?? []);
  return `${pathwayFrame(ctx, pathway, undefined)}${evidenceSpecies(pathway, facts)}, a link is drawn from ${name(edge.from)} to ${name(edge.to)}. What does the link show?`;
}

/**
 * How much an edge item teaches: a high-yield fact and two molecules count; each further link from
 * the same node counts less (NF-κB → TNF-α, → IL-1β, → IL-6 ask one thing four times).
 */
function worths(ctx: GenContext, items: readonly DiagramEdgeItem[]): Map<DiagramEdgeItem, number> {
  const fromSeen = new Map<string, number>();
  const out = new Map<DiagramEdgeItem, number>();
  const ranked = items
    .map((item) => ({ item, tie: tieBreaker(SELECTION_SEED, item.id) }))
    .sort((a, b) => a.tie - b.tie);
  for (const { item } of ranked) {
    const from = `${item.pathwayId}:${item.entityIds[0] ?? ''}`;
    const repeats = fromSeen.get(from) ?? 0;
    fromSeen.set(from, repeats + 1);
    const molecules = item.entityIds.every(
      (id) =>
        ctx.index.entityById.get(id)?.type !== undefined &&
        !['cell', 'process'].includes(ctx.index.entityById.get(id)?.type ?? ''),
    );
    out.set(item, (item.highYield ? 2 : 0) + (molecules ? 1 : 0) - 2 * repeats);
  }
  return out;
}

/** A pathway edge with its sign hidden; "+" keys at most 60 % of these items. */
export function diagramEdgeItems(
  ctx: GenContext,
  taught: ReadonlySet<string> = new Set(),
): DiagramEdgeItem[] {
  const { index } = ctx;
  const items: DiagramEdgeItem[] = [];
  const asked = new Set<string>();
  for (const pathway of index.pack.pathways) {
    const view = pathwayView(index, pathway, undefined);
    for (const edge of pathway.edges) {
      if (!edgeIsSolid(index, pathway, edge) || isDefinitionalEdge(index, pathway, edge)) continue;
      // "No difference between fracture and no-fracture patients" is a comparison of groups, not
      // what one node does to the next: drawn as a link, it reads "has no effect" (audit R). The
      // context kind asks it with its comparison.
      if (edge.sign === 'no-difference') continue;
      const link = linkKey(ctx, view, edge);
      if (asked.has(link)) continue;
      asked.add(link);
      const facts = uncontestedFactsOf(index, edge.factIds);
      if (facts.every((fact) => statesNecessity(fact.relation))) continue;
      const factIds = facts.map((f) => f.id);
      const answer = signValueOf(edge.sign);
      const id = `diagram-edge:${pathway.id}:${edge.id}`;
      const ends = [edge.from, edge.to].map((end) => view.nodeById.get(end)?.entity ?? end);
      const options: ChoiceOption[] = signValues.map((value) =>
        value === answer
          ? { id: value, text: signChoice(value), correct: true }
          : {
              id: value,
              text: signChoice(value),
              correct: false,
              evidence: { basis: 'disjoint-category', factIds },
              rationale: rationaleFor(ctx, `“${signChoice(value)}”`, {
                basis: 'disjoint-category',
                factIds,
              }),
            },
      );
      items.push({
        kind: 'diagram-edge',
        ...base(ctx, {
          id,
          prompt: edgePrompt(ctx, view, pathway, edge),
          explanation: explain(ctx, `${capitalise(edgeText(index, pathway, edge))}.`, facts),
          facts,
          difficulty: answer === '+' ? 1 : 2,
          // One link drawn in two figures is one question: a session asks it once.
          family: `diagram-edge:${ends.join('>')}`,
          pathway,
          edgeIds: [edge.id],
          entityIds: ends,
        }),
        pathwayId: pathway.id,
        caption: pathwayCaption(index, pathway),
        hiddenEdgeId: edge.id,
        options: arrange(ctx, id, options),
      });
    }
  }
  const keyOf = (item: DiagramEdgeItem): string => item.options.find((o) => o.correct)?.id ?? '';
  const worth = worths(ctx, items);
  // A link no perturbation asks (their key caps leave some out) is kept first.
  const linksOf = (item: DiagramEdgeItem): string[] =>
    item.edgeIds.map((edge) => `${item.pathwayId}:${edge}`).filter((link) => !taught.has(link));
  return spreadKeyPositions(
    ctx,
    withoutUnkeyedValues(capKeyShare(items, keyOf, (item) => worth.get(item) ?? 0, linksOf)),
  );
}
