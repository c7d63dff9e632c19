import {
  compartmentNames,
  figureTitle,
  type PathwayFigure,
} from '../../../../../shared/diagram/figure.ts';
import type { DiagramModel } from '../model/diagram.ts';
import { noDecor, type DiagramDecor } from './decor.ts';

/**
 * The figure as the learner sees it in the current mode: a name the quiz hides stays hidden, a
 * link the mode hides stays out and the learner's own links are drawn, so an export never gives
 * an exercise's answers away; `title` replaces the pathway's when that would.
 */
export function figureOfModel(
  model: DiagramModel,
  decor: DiagramDecor = noDecor,
  title?: string,
): PathwayFigure {
  const shown = model.edges.filter((edge) => !decor.hideEdges && !decor.edges?.[edge.id]?.hidden);
  const learner = (decor.extraEdges ?? []).map(({ id, from, to, sign }) => ({
    id,
    from,
    to,
    sign,
    inferred: false,
  }));
  return {
    title: title ?? figureTitle(model.index.pack, model.pathway, model.contextId),
    nodes: model.nodes.map((node) => ({
      ...node,
      name: decor.nodes?.[node.id]?.masked ?? node.name,
    })),
    edges: [...shown, ...learner],
    layout: model.layout,
    compartments: compartmentNames(model.layout, model.index.entities),
  };
}
