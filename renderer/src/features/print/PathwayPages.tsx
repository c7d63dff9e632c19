import '@xyflow/react/dist/style.css';
import '../pathways/pathways.css';
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import type { Pack, PackLayout } from '../../../../shared/pack/schema.ts';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { noDecor } from '../pathways/diagram/decor.ts';
import { PathwayDiagram } from '../pathways/diagram/PathwayDiagram.tsx';
import { Legend } from '../pathways/Legend.tsx';
import { buildDiagram, indexPack, pathwayTitle } from '../pathways/model/diagram.ts';
import { usePathwaysData } from '../pathways/store.ts';

/**
 * Every pathway of the active pack on a page of its own (landscape), drawn as the Pathways
 * screen draws it, with its summary and legend. Loaded lazily, with React Flow.
 */
export default function PathwayPages({ packTitle }: { readonly packTitle: string }) {
  const entry = usePathwaysData((s) => s.packs['']);
  const load = usePathwaysData((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);
  if (!entry || entry.status === 'loading' || entry.status === 'laying-out')
    return <Loading label="Drawing the pathways…" />;
  if (entry.status === 'error')
    return <ErrorMessage error={entry.message} onRetry={() => void load()} />;
  return <Pages pack={entry.pack} layout={entry.layout} packTitle={packTitle} />;
}

function Pages({
  pack,
  layout,
  packTitle,
}: {
  readonly pack: Pack;
  readonly layout: PackLayout;
  readonly packTitle: string;
}) {
  const index = useMemo(() => indexPack(pack), [pack]);
  const models = useMemo(
    () => pack.pathways.map((pathway) => buildDiagram(index, layout, pathway, undefined)),
    [index, layout, pack],
  );
  return (
    <article className="print-doc print-pathways" aria-label="Pathway figures" data-print-ready="">
      {models.map((model) => {
        const title = pathwayTitle(model.pathway);
        const titleId = `print-pathway-${model.pathway.id}`;
        return (
          <section
            key={model.pathway.id}
            className="print-pathway"
            aria-labelledby={titleId}
            data-pathway={model.pathway.id}
          >
            <header className="print-doc-header">
              <h2 id={titleId}>{title}</h2>
              <p>{packTitle} · pathway figure</p>
            </header>
            <p className="print-pathway-summary">{model.pathway.summary}</p>
            <ReactFlowProvider>
              <PathwayDiagram
                model={model}
                decor={noDecor}
                selectedId={undefined}
                label={`Diagram: ${title}`}
                printed
              />
            </ReactFlowProvider>
            <Legend />
          </section>
        );
      })}
    </article>
  );
}
