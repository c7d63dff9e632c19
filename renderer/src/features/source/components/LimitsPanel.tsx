import type { Pack } from '../../../../../shared/pack/schema.ts';
import { figureLabel } from '../../../../../shared/pack/sections.ts';
import { pathwayLabel } from '../../../../../shared/pack/views.ts';

interface InferenceEdge {
  readonly pathwayId: string;
  /** The pathway as learners know it: "Figure 1 · …" or its title, never its id. */
  readonly pathwayName: string;
  readonly edgeId: string;
  readonly href: string;
}

/** Inference id → the dashed pathway edges that rest on it. */
function edgesByInference(pack: Pack): ReadonlyMap<string, InferenceEdge[]> {
  const result = new Map<string, InferenceEdge[]>();
  for (const pathway of pack.pathways) {
    for (const edge of pathway.edges) {
      if (!edge.inference) continue;
      const list = result.get(edge.inference) ?? [];
      list.push({
        pathwayId: pathway.id,
        pathwayName: pathwayLabel({
          figure: figureLabel(pack.manifest, pathway),
          title: pathway.title,
        }),
        edgeId: edge.id,
        href: `#/pathways/${encodeURIComponent(pathway.id)}?edge=${encodeURIComponent(edge.id)}`,
      });
      result.set(edge.inference, list);
    }
  }
  return result;
}

export function LimitsPanel({ pack }: { readonly pack: Pack }) {
  const { limitations, inferences } = pack.manifest;
  const edges = edgesByInference(pack);
  return (
    <div className="source-columns">
      <section className="panel source-section" aria-labelledby="source-limits">
        <h2 id="source-limits" tabIndex={-1}>
          What the sources could not tell us
        </h2>
        {limitations.length === 0 ? (
          <p className="muted">This pack lists no limitations.</p>
        ) : (
          <ul className="limit-list">
            {limitations.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel source-section inference-panel" aria-labelledby="source-inferences">
        <h2 id="source-inferences" tabIndex={-1}>
          Inferences: reasoned, not stated
        </h2>
        <p className="muted">
          These are our own deductions where the sources are silent. They are not facts: pathways
          draw them dashed, and no quiz or flashcard asks them.
        </p>
        {inferences.length === 0 ? (
          <p className="muted">This pack makes no inferences.</p>
        ) : (
          <ul className="inference-list">
            {inferences.map((inference) => (
              <li key={inference.id}>
                <span className="badge badge-inference">Inference {inference.id} · not a fact</span>
                <p>{inference.text}</p>
                {(edges.get(inference.id) ?? []).length > 0 && (
                  <ul className="inference-links">
                    {(edges.get(inference.id) ?? []).map((edge) => (
                      <li key={`${edge.pathwayId}-${edge.edgeId}`}>
                        <a href={edge.href}>Show the dashed edge in pathway: {edge.pathwayName}</a>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
