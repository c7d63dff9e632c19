import type { PathwayEdge } from '../../../pack/schema.ts';
import { signOf } from '../../graph.ts';
import { pathwayView } from '../../semantics.ts';
import { formsOf, isBackgroundEntity } from '../../pack-index.ts';
import { plural, pluralVerb } from '../../names.ts';
import { mentionsAny } from '../../normalize.ts';
import { capitalise, nameOf } from '../../phrasing.ts';
import type { DiagramNodeItem, EntityClaim } from '../../types.ts';
import {
  arrange,
  base,
  edgeText,
  edgeVerb,
  explain,
  rationaleFor,
  type GenContext,
} from '../../items/common.ts';
import { distractorPool, findDistractors } from '../../items/distractors.ts';
import { spreadKeyPositions } from '../../items/key-balance.ts';
import {
  classOfNode,
  edgeIsSolid,
  labelOf,
  pathwayCaption,
  pathwayFrame,
  relationForSign,
  uncontestedFactsOf,
} from '../../items/pathway-common.ts';
import { familyOf } from '../../items/perturbation-evidence.ts';

/**
 * A pathway neighbourhood with one node hidden: which entity belongs there? Nothing the learner
 * sees names the answer: the stem and the caption redact it, a neighbour that names it (or is an
 * isoform of it) drops the item, and no isoform of the answer is offered as a wrong option.
 */
export function diagramNodeItems(ctx: GenContext): DiagramNodeItem[] {
  const { index } = ctx;
  const items: DiagramNodeItem[] = [];
  for (const pathway of index.pack.pathways) {
    const view = pathwayView(index, pathway, undefined);
    for (const node of pathway.nodes) {
      if (isBackgroundEntity(index, node.entity)) continue;
      const usable = (e: PathwayEdge): boolean =>
        edgeIsSolid(index, pathway, e) && signOf(e.sign) !== 0;
      const incoming = (view.in.get(node.id) ?? []).filter(usable);
      const outgoing = (view.out.get(node.id) ?? []).filter(usable);
      const anchorEdge = incoming[0] ?? outgoing[0];
      if (!anchorEdge) continue;
      const relation = relationForSign(anchorEdge.sign);
      if (relation === null) continue;
      // Only links a fact states are shown: an inferred or unconfirmed link is no clue a student
      // can trust, and a caption that calls it so is no sentence a lecturer would write.
      const shown = [...(view.in.get(node.id) ?? []), ...(view.out.get(node.id) ?? [])].filter(
        (e) => !e.inferred && edgeIsSolid(index, pathway, e),
      );
      const visibleNodeIds = [...new Set([node.id, ...shown.flatMap((e) => [e.from, e.to])])];
      const family = familyOf(index, node.entity);
      const answerForms = formsOf(index, node.entity);
      const neighbourGivesAway = visibleNodeIds.some((id) => {
        const other = view.nodeById.get(id);
        if (!other || id === node.id) return false;
        return family.has(other.entity) || mentionsAny(labelOf(ctx, view, id), answerForms);
      });
      if (neighbourGivesAway) continue;
      const fromAnchor = anchorEdge === incoming[0];
      const neighbour = view.nodeById.get(fromAnchor ? anchorEdge.from : anchorEdge.to)?.entity;
      if (neighbour === undefined) continue;
      const claim: EntityClaim = fromAnchor
        ? {
            kind: 'object-of',
            subject: { entityId: neighbour, coSubjects: [] },
            relation,
            pathwayId: pathway.id,
          }
        : { kind: 'subject-of', object: neighbour, relation, pathwayId: pathway.id };
      // The stem below only removes candidates: not written when too few are left before it.
      const pool = distractorPool(ctx, claim, node.entity);
      if (pool.candidates.length < 2) continue;
      const text = (nodeId: string): string =>
        nodeId === node.id
          ? '?'
          : classOfNode(ctx, view, nodeId) === 'cell'
            ? plural(labelOf(ctx, view, nodeId))
            : labelOf(ctx, view, nodeId);
      const verbOf = (e: PathwayEdge): string =>
        edgeVerb(e.sign, classOfNode(ctx, view, e.from), classOfNode(ctx, view, e.to));
      // "preosteoclasts drive ?": a named cell type is plural and its verb agrees.
      const agreed = (e: PathwayEdge): string =>
        e.from !== node.id && classOfNode(ctx, view, e.from) === 'cell'
          ? pluralVerb(verbOf(e))
          : verbOf(e);
      const lines = shown.map((e) => `${text(e.from)} ${agreed(e)} ${text(e.to)}`);
      const prompt = `${pathwayFrame(ctx, pathway, undefined, [node.entity])}, one node is hidden (“?”): ${lines.join('; ')}. Which entity is “?”`;
      if (mentionsAny(prompt, answerForms)) continue;
      const id = `diagram-node:${pathway.id}:${node.id}`;
      const distractors = findDistractors(ctx, {
        claim,
        pool,
        answerId: node.entity,
        situation: { compartments: [], diseases: [] },
        itemId: id,
        stem: prompt,
        need: 3,
        atLeast: 2,
      }).filter((d) => !family.has(d.entityId));
      if (distractors.length < 2) continue;
      const answerText = capitalise(nameOf(index, node.entity));
      const edges = [...incoming, ...outgoing];
      const facts = uncontestedFactsOf(
        index,
        edges.flatMap((e) => e.factIds),
      );
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
        caption: pathwayCaption(index, pathway, [node.entity]),
        hiddenNodeId: node.id,
        visibleNodeIds,
        claim,
        options: arrange(ctx, id, [
          { id: node.entity, text: answerText, correct: true, entityId: node.entity },
          ...distractors.map((d) => ({
            id: d.entityId,
            text: capitalise(nameOf(index, d.entityId)),
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
          })),
        ]),
      });
    }
  }
  return spreadKeyPositions(ctx, items);
}
