import type { EdgeSign, Pathway, PathwayEdge } from '../../pack/schema.ts';
import { signOf, viewPathway, type PathwayView } from '../graph.ts';
import { plural, pluralVerb } from '../names.ts';
import { capitalise } from '../phrasing.ts';
import type { ChoiceOption, DiagramEdgeItem } from '../types.ts';
import { arrange, base, edgeText, explain, rationaleFor, type GenContext } from './common.ts';
import { capKeyShare, spreadKeyPositions } from './key-balance.ts';
import {
  classOfNode,
  edgeIsSolid,
  labelOf,
  pathwayCaption,
  pathwayFrame,
  uncontestedFactsOf,
} from './pathway-common.ts';

export type SignValue = '+' | '-' | '0';
export const signValue = (sign: EdgeSign): SignValue => {
  const s = signOf(sign);
  return s === 1 ? '+' : s === -1 ? '-' : '0';
};
const signText: Record<SignValue, string> = {
  '+': 'It raises or activates it (+)',
  '-': 'It lowers or inhibits it (−)',
  '0': 'No difference is seen (0)',
};

/**
 * A link between two cells or processes is true by definition (osteoblasts drive bone formation,
 * osteoclast fusion gives rise to osteoclasts): not worth asking.
 */
function isDefinitional(ctx: GenContext, view: PathwayView, edge: PathwayEdge): boolean {
  const lineage = new Set(['cell', 'process']);
  return (
    lineage.has(classOfNode(ctx, view, edge.from)) && lineage.has(classOfNode(ctx, view, edge.to))
  );
}

/** The same link drawn on several pathways is asked once (the first pathway that draws it). */
function linkKey(ctx: GenContext, view: PathwayView, edge: PathwayEdge): string {
  return `${labelOf(ctx, view, edge.from)}→${labelOf(ctx, view, edge.to)}`;
}

/** "In …, a link is drawn from IL-32γ to miR-29a. What does IL-32γ do to miR-29a?" */
function edgePrompt(
  ctx: GenContext,
  view: PathwayView,
  pathway: Pathway,
  edge: PathwayEdge,
): string {
  const cell = (id: string): boolean => classOfNode(ctx, view, id) === 'cell';
  const name = (id: string): string =>
    cell(id) ? plural(labelOf(ctx, view, id)) : labelOf(ctx, view, id);
  const does = cell(edge.from) ? pluralVerb('does') : 'does';
  const target = cell(edge.to) ? `the number of ${name(edge.to)}` : name(edge.to);
  return `${pathwayFrame(ctx, pathway, undefined)}, a link is drawn from ${name(edge.from)} to ${name(edge.to)}. What ${does} ${name(edge.from)} do to ${target}?`;
}

/** Links that join two molecules and rest on a high-yield fact teach most. */
function worth(ctx: GenContext, item: DiagramEdgeItem): number {
  return (
    (item.highYield ? 2 : 0) +
    (item.difficulty > 1 ? 1 : 0) +
    (item.entityIds.every((id) => {
      const entity = ctx.index.entityById.get(id);
      return entity !== undefined && !['cell', 'process'].includes(entity.type);
    })
      ? 1
      : 0)
  );
}

/** A pathway edge with its sign hidden; "+" keys at most 60 % of these items. */
export function diagramEdgeItems(ctx: GenContext): DiagramEdgeItem[] {
  const { index } = ctx;
  const items: DiagramEdgeItem[] = [];
  const asked = new Set<string>();
  for (const pathway of index.pack.pathways) {
    const view = viewPathway(pathway);
    for (const edge of pathway.edges) {
      if (!edgeIsSolid(index, edge) || isDefinitional(ctx, view, edge)) continue;
      const link = linkKey(ctx, view, edge);
      if (asked.has(link)) continue;
      asked.add(link);
      const facts = uncontestedFactsOf(index, edge.factIds);
      const factIds = facts.map((f) => f.id);
      const answer = signValue(edge.sign);
      const id = `diagram-edge:${pathway.id}:${edge.id}`;
      const options: ChoiceOption[] = (['+', '-', '0'] as const).map((value) =>
        value === answer
          ? { id: value, text: signText[value], correct: true }
          : {
              id: value,
              text: signText[value],
              correct: false,
              evidence: { basis: 'disjoint-category', factIds },
              rationale: rationaleFor(ctx, `“${signText[value]}”`, {
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
          family: id,
          pathway,
          edgeIds: [edge.id],
          entityIds: [
            view.nodeById.get(edge.from)?.entity ?? edge.from,
            view.nodeById.get(edge.to)?.entity ?? edge.to,
          ],
        }),
        pathwayId: pathway.id,
        caption: pathwayCaption(index, pathway),
        hiddenEdgeId: edge.id,
        options: arrange(ctx, id, options),
      });
    }
  }
  const keyOf = (item: DiagramEdgeItem): string => item.options.find((o) => o.correct)?.id ?? '';
  return spreadKeyPositions(
    ctx,
    capKeyShare(items, keyOf, (item) => worth(ctx, item)),
  );
}
