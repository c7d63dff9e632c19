import '@xyflow/react/dist/style.css';
import '../pathways/pathways.css';
import { ReactFlowProvider, useNodesInitialized } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
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
  // Ready to print once every drawing has measured its nodes (and so can draw its links).
  const [drawn, setDrawn] = useState<ReadonlySet<string>>(new Set());
  const markDrawn = useCallback(
    (id: string) => setDrawn((done) => (done.has(id) ? done : new Set(done).add(id))),
    [],
  );
  const ready = models.every((model) => drawn.has(model.pathway.id));
  return (
    <article
      className="print-doc print-pathways"
      aria-label="Pathway figures"
      data-print-ready={ready ? '' : undefined}
    >
      {models.map((model) => {
        const title = pathwayTitle(model.index.pack, model.pathway);
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
              <ReportDrawn id={model.pathway.id} onDrawn={markDrawn} />
            </ReactFlowProvider>
            <Legend />
          </section>
        );
      })}
    </article>
  );
}

/** Says when its flow's nodes are all measured. */
function ReportDrawn({
  id,
  onDrawn,
}: {
  readonly id: string;
  readonly onDrawn: (id: string) => void;
}) {
  // Our nodes are controlled and sized by the layout: React Flow's own measurement (handle
  // bounds) is what says they are drawn, which this option reads.
  const initialized = useNodesInitialized({ includeHiddenNodes: true });
  useEffect(() => {
    if (initialized) onDrawn(id);
  }, [initialized, id, onDrawn]);
  return null;
}
