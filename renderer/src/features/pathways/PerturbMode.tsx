import { useId, useMemo, useRef, useState } from 'react';
import { predictPerturbation } from '../../../../shared/engine/graph.ts';
import type {
  NodeEffect,
  PerturbationChange,
  PerturbationEffect,
} from '../../../../shared/engine/types.ts';
import { NodeSelect, RadioChoices } from './Controls.tsx';
import { DiagramWorkspace } from './DiagramWorkspace.tsx';
import { useKeepInView } from './keep-in-view.ts';
import type { DiagramDecor, EdgeDecor, NodeDecor } from './diagram/decor.ts';
import { cascadeSources } from './model/cascade.ts';
import type { DiagramModel } from './model/diagram.ts';

const changes: readonly { value: PerturbationChange; label: string }[] = [
  { value: 'raised', label: 'Raise' },
  { value: 'lowered', label: 'Lower' },
  { value: 'blocked', label: 'Block' },
];

const effectGlyph: Record<PerturbationEffect, string> = {
  up: '↑',
  down: '↓',
  unchanged: '=',
  depends: '±',
};
const effectWords: Record<PerturbationEffect, string> = {
  up: 'rises',
  down: 'falls',
  unchanged: 'does not change',
  depends: 'depends (routes disagree)',
};
const changeWords: Record<PerturbationChange, string> = {
  raised: 'raised',
  lowered: 'lowered',
  blocked: 'blocked',
};

/**
 * Perturb: raise, lower or block one node and read the predicted effect on every other node, with
 * the chains and facts behind it. The prediction is the engine's (`predictPerturbation`): signs
 * multiply along each route, disagreeing routes give "depends", and an effect that rests on an
 * inferred link says so.
 */
export function PerturbMode({ model }: { readonly model: DiagramModel }) {
  const sources = useMemo(
    () =>
      cascadeSources(
        model.nodes.map((n) => n.id),
        model.edges,
      ),
    [model],
  );
  const [nodeId, setNodeId] = useState(sources[0] ?? model.nodes[0]?.id ?? '');
  const [change, setChange] = useState<PerturbationChange>('raised');
  const results = useRef<HTMLDivElement>(null);
  useKeepInView(results, `${nodeId}/${change}`);
  const ids = { node: useId(), change: useId() };
  const entities = model.index.entities;

  const result = useMemo(
    () => predictPerturbation(model.pathway, { nodeId, change }, model.contextId, entities),
    [model, nodeId, change, entities],
  );
  const perturbedName = model.nodes.find((n) => n.id === nodeId)?.name ?? nodeId;

  const decor = useMemo((): DiagramDecor => {
    const nodes: Record<string, NodeDecor> = {};
    const onRoute = new Set<string>();
    for (const effect of result.effects) {
      for (const route of effect.routes) for (const id of route.edgeIds) onRoute.add(id);
      nodes[effect.nodeId] = effect.perturbed
        ? {
            state: 'perturbed',
            badge: {
              text: change === 'blocked' ? '⊘' : effectGlyph[effect.effect],
              words: `perturbed: ${changeWords[change]}`,
              tone: 'perturbed',
            },
          }
        : {
            state: effect.effect === 'unchanged' ? 'dim' : `effect-${effect.effect}`,
            badge: {
              text: `${effectGlyph[effect.effect]}${effect.dependsOnInference ? '*' : ''}`,
              words: `predicted: ${effectWords[effect.effect]}${effect.dependsOnInference ? ', resting on an inferred link' : ''}`,
              tone: effect.effect,
            },
          };
    }
    const edges: Record<string, EdgeDecor> = {};
    for (const edge of model.edges)
      edges[edge.id] = onRoute.has(edge.id)
        ? { state: 'active', ariaExtra: 'carries the change' }
        : { state: 'dim' };
    return { nodes, edges, nodeHint: 'Press Enter to perturb this node.' };
  }, [result, change, model]);

  const changed = result.effects.filter((e) => !e.perturbed && e.effect !== 'unchanged');
  const unchanged = result.effects.filter((e) => !e.perturbed && e.effect === 'unchanged');

  const panel = (
    <section aria-labelledby="pw-perturb-title" className="pw-perturb">
      <h2 id="pw-perturb-title">Perturb</h2>
      <p>
        Change one node and follow the predicted effect through the diagram. A prediction from the
        links&apos; signs, not a reported result.
      </p>
      <NodeSelect
        id={ids.node}
        label="Node"
        nodes={model.nodes}
        value={nodeId}
        onChange={setNodeId}
      />
      <RadioChoices
        legend="Change"
        name={ids.change}
        choices={changes}
        value={change}
        onChange={setChange}
      />
      <div ref={results} data-testid="perturb-results">
        <h3 id="pw-changes-title">
          What changes when {perturbedName} is {changeWords[change]}
        </h3>
        <p className="visually-hidden" role="status">
          {`${perturbedName} ${changeWords[change]}: ${changed.length} node${changed.length === 1 ? '' : 's'} change.`}
        </p>
        {changed.length === 0 ? (
          <p className="muted">Nothing downstream of it in this view.</p>
        ) : (
          <ul
            className="pw-changes"
            aria-labelledby="pw-changes-title"
            data-testid="perturb-changes"
          >
            {changed.map((effect) => (
              <EffectItem key={effect.nodeId} effect={effect} />
            ))}
          </ul>
        )}
        {unchanged.length > 0 && (
          <p className="muted">
            Unchanged (not downstream, or only through a “no difference” link):{' '}
            {unchanged.map((e) => e.label).join(', ')}.
          </p>
        )}
      </div>
    </section>
  );

  return (
    <DiagramWorkspace
      diagram={{
        model,
        decor,
        selectedId: nodeId,
        onSelectNode: setNodeId,
        onSelectEdge: () => undefined,
      }}
      panel={panel}
      legendExtra={
        <li>
          <span className="pw-legend-level" aria-hidden="true">
            ↑ ↓ ± *
          </span>
          <span>
            Perturb: predicted rise, fall, depends (routes disagree); * rests on an inferred link
          </span>
        </li>
      }
    />
  );
}

function EffectItem({ effect }: { readonly effect: NodeEffect }) {
  return (
    <li>
      <p className="pw-effect">
        <span className={`pw-effect-glyph pw-effect-${effect.effect}`} aria-hidden="true">
          {effectGlyph[effect.effect]}
        </span>
        <strong>
          {effect.label} {effectWords[effect.effect]}
        </strong>
        {effect.dependsOnInference && (
          <span className="muted">
            {' '}
            (rests on an inferred link; facts alone say: {effectWords[effect.factualEffect]})
          </span>
        )}
      </p>
      <ul className="pw-routes">
        {effect.routes.map((route) => (
          <li key={route.edgeIds.join('>')}>
            <span className="pw-chain">{route.chain}</span>
            <span className="pw-fact-id">
              {' '}
              ({[...route.factIds, ...route.inferenceIds].join(', ')})
            </span>
          </li>
        ))}
      </ul>
    </li>
  );
}
