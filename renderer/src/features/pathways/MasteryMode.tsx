import { useEffect, useMemo, useState } from 'react';
import type { ProgressMastery } from '../../../../shared/contract/progress.ts';
import { evidenceWords } from '../../../../shared/engine/pathway-mastery.ts';
import { api } from '../../api.ts';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { DiagramWorkspace } from './DiagramWorkspace.tsx';
import type { DiagramDecor, NodeDecor } from './diagram/decor.ts';
import type { DiagramModel } from './model/diagram.ts';

type Band = 'low' | 'mid' | 'high' | 'none';

export function masteryBand(mastery: number | null): Band {
  if (mastery === null) return 'none';
  if (mastery < 0.4) return 'low';
  if (mastery < 0.8) return 'mid';
  return 'high';
}

const bandWords: Record<Band, string> = {
  low: 'under 40 %',
  mid: '40 to 79 %',
  high: '80 % or more',
  none: 'nothing tests it yet',
};

const percent = (mastery: number): string => `${Math.round(mastery * 100)} %`;

type NodeMastery = ProgressMastery['nodes'][number];
type EdgeMastery = ProgressMastery['edges'][number];

/**
 * Mastery overlay: each node coloured by how well the learner knows the facts on its links (cards,
 * quiz answers and Quiz me naming), with the percentage written on it (colour is never the only
 * cue) and the evidence it rests on listed. Read from progress.mastery; the numbers live in the
 * database, never in a store here.
 */
export function MasteryMode({ model }: { readonly model: DiagramModel }) {
  const pathwayId = model.pathway.id;
  const [result, setResult] = useState<
    | { readonly state: 'loading' }
    | {
        readonly state: 'ready';
        readonly nodes: readonly NodeMastery[];
        readonly edges: readonly EdgeMastery[];
      }
    | { readonly state: 'error'; readonly error: unknown }
  >({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    api.progress
      .mastery({ pathwayId })
      .then((answer) => {
        if (live)
          setResult({
            state: 'ready',
            nodes: answer.nodes.filter((n) => n.pathwayId === pathwayId),
            edges: answer.edges.filter((e) => e.pathwayId === pathwayId),
          });
      })
      .catch((error: unknown) => {
        if (live) setResult({ state: 'error', error });
      });
    return () => {
      live = false;
    };
  }, [pathwayId, attempt]);

  const byNode = useMemo(
    () => new Map(result.state === 'ready' ? result.nodes.map((n) => [n.nodeId, n]) : []),
    [result],
  );
  const decor = useMemo((): DiagramDecor => {
    if (result.state !== 'ready') return {};
    const nodes: Record<string, NodeDecor> = {};
    for (const node of model.nodes) {
      const entry = byNode.get(node.id);
      const mastery = entry?.mastery ?? null;
      const band = masteryBand(mastery);
      nodes[node.id] = {
        state: `mastery-${band}`,
        badge:
          mastery === null || !entry
            ? { text: '–', words: 'mastery: nothing tests it yet', tone: 'muted' }
            : {
                text: percent(mastery),
                words: `mastery ${percent(mastery)}, from ${evidenceWords(entry)}`,
                tone: band,
              },
      };
    }
    const edges = Object.fromEntries(
      result.edges.map((edge) => [
        edge.edgeId,
        {
          ariaExtra:
            edge.mastery === null
              ? 'mastery: nothing tests it yet'
              : `mastery ${percent(edge.mastery)}, from ${evidenceWords(edge)}`,
        },
      ]),
    );
    return { nodes, edges, nodeHint: 'Its mastery is part of its name.' };
  }, [model, byNode, result]);

  const ranked = [...model.nodes].sort(
    (a, b) => (byNode.get(a.id)?.mastery ?? 2) - (byNode.get(b.id)?.mastery ?? 2),
  );
  const panel = (
    <section aria-labelledby="pw-mastery-title" className="pw-mastery">
      <h2 id="pw-mastery-title">Mastery</h2>
      <p>
        Each node shows how well you know the facts on its links, from all your evidence: the
        predicted recall now of each card that tests them (a card you have not studied counts as 0),
        your recent quiz answers on them (the latest three per fact in the last 30 days, as for
        topic mastery), and your latest Quiz me attempt at naming the node (right counts 1, wrong or
        revealed 0).
      </p>
      {result.state === 'loading' && <Loading label="Loading your progress…" />}
      {result.state === 'error' && (
        <ErrorMessage error={result.error} onRetry={() => setAttempt((a) => a + 1)} />
      )}
      {result.state === 'ready' && (
        <>
          <h3>Weakest first</h3>
          <ul className="pw-mastery-list">
            {ranked.map((node) => {
              const entry = byNode.get(node.id);
              const mastery = entry?.mastery ?? null;
              return (
                <li key={node.id}>
                  <span>
                    {node.name}
                    <span className="pw-mastery-evidence muted">
                      {entry ? evidenceWords(entry) : 'nothing yet'}
                    </span>
                  </span>
                  <span className={`pw-mastery-value pw-band-${masteryBand(mastery)}`}>
                    {mastery === null ? 'not tested yet' : percent(mastery)}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
  const legend = (['high', 'mid', 'low', 'none'] as const).map((band) => (
    <li key={band}>
      <span className={`pw-legend-node pw-node-agent pw-state-mastery-${band}`} aria-hidden="true">
        {band === 'none' ? '–' : band === 'high' ? '85 %' : band === 'mid' ? '60 %' : '20 %'}
      </span>
      <span>{band === 'none' ? 'Nothing tests it yet' : `Mastery ${bandWords[band]}`}</span>
    </li>
  ));

  return (
    <DiagramWorkspace
      diagram={{
        model,
        decor,
        selectedId: undefined,
        onSelectNode: () => undefined,
        onSelectEdge: () => undefined,
      }}
      panel={panel}
      legendExtra={legend}
    />
  );
}
