import { cascades, signOf, viewPathway } from '../../graph.ts';
import { isBackgroundEntity, isEntityObject } from '../../pack-index.ts';
import { capitalise } from '../../phrasing.ts';
import { rngFor, shuffled, type Seed } from '../../rng.ts';
import type { OrderingItem } from '../../types.ts';
import { base, edgeText, explain, type GenContext } from '../../items/common.ts';
import {
  classOfNode,
  contextsOf,
  edgeIsSolid,
  isDefinitionalEdge,
  labelOf,
  pathwayFrame,
  uncontestedFactsOf,
} from '../../items/pathway-common.ts';

/** Steps in a seeded order that is never already the answer (that would give it away). */
function shownOrder<T extends { readonly id: string }>(
  steps: readonly T[],
  seed: Seed,
  key: string,
): T[] {
  const order = shuffled(steps, rngFor(seed, key));
  const solved = order.every((step, i) => step.id === steps[i]?.id);
  return solved ? [...order.slice(1), ...order.slice(0, 1)] : order;
}

const linksOf = new WeakMap<GenContext['index'], ReadonlySet<string>>();

/** "subject>object" for every fact and background fact whose object is an entity. */
function backLinks(ctx: GenContext): ReadonlySet<string> {
  let links = linksOf.get(ctx.index);
  if (!links) {
    const all = [...ctx.index.pack.facts, ...ctx.index.pack.background];
    links = new Set(
      all
        .filter((fact) => isEntityObject(fact))
        .flatMap((fact) => [fact.subject, ...fact.coSubjects].map((s) => `${s}>${fact.object}`)),
    );
    linksOf.set(ctx.index, links);
  }
  return links;
}

function actsBackwards(links: ReadonlySet<string>, steps: readonly string[]): boolean {
  return steps.some((later, j) =>
    steps.slice(0, j).some((earlier) => links.has(`${later}>${earlier}`)),
  );
}

/**
 * Put a cascade of a pathway in order, upstream first. A drug that blocks a step is no step of
 * the cascade, and a link between two cells or processes orders itself, so cascades through either
 * are not asked.
 */
export function orderingItems(ctx: GenContext): OrderingItem[] {
  const { index } = ctx;
  const items: OrderingItem[] = [];
  const seen = new Set<string>();
  // One cascade per branch (first two steps): the rest differ only in the last step.
  const branches = new Set<string>();
  for (const pathway of index.pack.pathways) {
    for (const context of contextsOf(pathway)) {
      const view = viewPathway(pathway, context);
      const longestFirst = [...cascades(view)].sort((a, b) => b.length - a.length);
      for (const path of longestFirst) {
        if (!path.every((e) => edgeIsSolid(index, pathway, e))) continue;
        // A step true by definition (fusion gives osteoclasts) orders itself: no knowledge tested.
        if (path.some((e) => isDefinitionalEdge(index, pathway, e))) continue;
        const first = path[0];
        if (!first) continue;
        const nodeIds = [first.from, ...path.map((e) => e.to)];
        const entities = nodeIds.map((n) => view.nodeById.get(n)?.entity ?? n);
        if (entities.some((entity) => isBackgroundEntity(index, entity))) continue;
        if (nodeIds.some((n) => classOfNode(ctx, view, n) === 'drug')) continue;
        const id = `ordering:${pathway.id}:${nodeIds.join('>')}`;
        const branch = `${pathway.id}:${nodeIds.slice(0, 2).join('>')}`;
        if (seen.has(id) || branches.has(branch)) continue;
        // A later step that acts on an earlier one (TNF-α activates NF-κB) makes a second order
        // as defensible as the drawn one: IL-32 → TNF-α → NF-κB against IL-32 → NF-κB → TNF-α.
        if (actsBackwards(backLinks(ctx), entities)) continue;
        const labels = nodeIds.map((n) => capitalise(labelOf(ctx, view, n)));
        if (new Set(labels).size !== labels.length) continue;
        branches.add(branch);
        seen.add(id);
        const facts = uncontestedFactsOf(
          index,
          path.flatMap((e) => e.factIds),
        );
        const chain = labels.reduce(
          (text, label, i) =>
            i === 0
              ? label
              : `${text} ${signOf(path[i - 1]?.sign ?? 'stimulates') === -1 ? '⊣' : '→'} ${label}`,
          '',
        );
        const steps = path.map((e) => `${edgeText(index, pathway, e)} (${e.factIds.join(', ')}).`);
        items.push({
          kind: 'ordering',
          ...base(ctx, {
            id,
            prompt: `${pathwayFrame(ctx, pathway, context)}, put these steps of one cascade in order, from upstream to downstream.`,
            explanation: explain(ctx, `Order: ${chain}.`, [], steps),
            facts,
            difficulty: nodeIds.length <= 3 ? 1 : nodeIds.length === 4 ? 2 : 3,
            family: id,
            pathway,
            entityIds: entities,
            edgeIds: path.map((e) => e.id),
          }),
          pathwayId: pathway.id,
          steps: shownOrder(
            nodeIds.map((n, i) => ({ id: n, text: labels[i] ?? n })),
            ctx.seed,
            `steps:${id}`,
          ),
          answer: nodeIds,
        });
      }
    }
  }
  return items;
}
