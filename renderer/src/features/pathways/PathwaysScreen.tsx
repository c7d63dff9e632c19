import '@xyflow/react/dist/style.css';
import './pathways.css';
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useId, useMemo } from 'react';
import { useLocation, useSearch } from 'wouter';
import type { Pack, PackLayout } from '../../../../shared/pack/schema.ts';
import { EmptyState, ErrorMessage, Loading } from '../../components/States.tsx';
import { RadioChoices } from './Controls.tsx';
import { DetailsPanel } from './DetailsPanel.tsx';
import { DiagramWorkspace } from './DiagramWorkspace.tsx';
import { noDecor } from './diagram/decor.ts';
import {
  parsePathwaysLink,
  pathwaysHref,
  resolveLink,
  type PathwaysLink,
  type Selection,
} from './model/deep-link.ts';
import { buildDiagram, indexPack, pathwayTitle, type DiagramModel } from './model/diagram.ts';
import { MasteryMode } from './MasteryMode.tsx';
import { edgeSentence } from './model/notation.ts';
import { PerturbMode } from './PerturbMode.tsx';
import { QuizMode } from './QuizMode.tsx';
import { StepMode } from './StepMode.tsx';
import { usePathwaysData, usePathwaysUi, type PathwaysMode } from './store.ts';

/** The Pathways screen (route `#/pathways/D1?context=…&node=…`), loaded lazily with React Flow. */
export default function PathwaysScreen() {
  const [location] = useLocation();
  const search = useSearch();
  const link = useMemo(() => parsePathwaysLink(location, search), [location, search]);
  const entry = usePathwaysData((s) => s.packs[link.pack ?? '']);
  const load = usePathwaysData((s) => s.load);
  useEffect(() => {
    void load(link.pack);
  }, [load, link.pack]);

  return (
    <section
      aria-labelledby="pathways-title"
      className="pw-screen"
      data-screen-ready={entry?.status === 'ready' ? 'pathways' : undefined}
    >
      <h1 id="pathways-title">Pathways</h1>
      {(!entry || entry.status === 'loading') && <Loading label="Loading the pathways…" />}
      {entry?.status === 'laying-out' && (
        <Loading label="This pack has no ready-made layout; laying out its diagrams…" />
      )}
      {entry?.status === 'error' && (
        <ErrorMessage error={entry.message} onRetry={() => void load(link.pack)} />
      )}
      {entry?.status === 'ready' && (
        <PathwaysWorkspace pack={entry.pack} layout={entry.layout} link={link} />
      )}
    </section>
  );
}

/** Changes the screen's address without a reload; a new diagram is a new history entry. */
function go(link: PathwaysLink, options: { readonly replace: boolean }): void {
  const url = new URL(window.location.href);
  url.search = '';
  url.hash = pathwaysHref(link);
  if (url.href === window.location.href) return;
  const oldURL = window.location.href;
  if (options.replace) window.history.replaceState(window.history.state, '', url.href);
  else window.history.pushState(null, '', url.href);
  window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: url.href }));
}

function PathwaysWorkspace({
  pack,
  layout,
  link,
}: {
  readonly pack: Pack;
  readonly layout: PackLayout;
  readonly link: PathwaysLink;
}) {
  const index = useMemo(() => indexPack(pack), [pack]);
  const resolved = useMemo(() => resolveLink(pack.pathways, link), [pack, link]);
  const model = useMemo(
    () => (resolved ? buildDiagram(index, layout, resolved.pathway, resolved.context) : undefined),
    [index, layout, resolved],
  );
  const mode = usePathwaysUi((s) => s.mode);
  if (!resolved || !model) return <EmptyState title="This pack has no pathways" />;

  const base: PathwaysLink = {
    pathwayId: resolved.pathway.id,
    ...(resolved.context ? { context: resolved.context } : {}),
    ...(link.pack ? { pack: link.pack } : {}),
  };
  const select = (selection: Selection | undefined) =>
    go(selection ? { ...base, [selection.kind]: selection.id } : base, { replace: true });

  return (
    <ReactFlowProvider>
      <div className="pw-toolbar">
        <PathwayPicker
          pathways={pack.pathways}
          pack={pack}
          value={resolved.pathway.id}
          onChange={(pathwayId) =>
            go({ pathwayId, ...(link.pack ? { pack: link.pack } : {}) }, { replace: false })
          }
        />
        {resolved.pathway.contexts.length > 0 && (
          <ContextPicker
            model={model}
            onChange={(context) => go({ ...base, context }, { replace: true })}
          />
        )}
        <ModePicker />
      </div>
      {/* The summary names every node and link: it would answer the quiz. */}
      {mode !== 'quiz' && <p className="pw-summary">{resolved.pathway.summary}</p>}
      <ModeView
        key={`${model.pathway.id}/${model.contextId ?? ''}/${mode}`}
        mode={mode}
        model={model}
        selection={resolved.selection}
        onSelect={select}
      />
    </ReactFlowProvider>
  );
}

function ModeView({
  mode,
  model,
  selection,
  onSelect,
}: {
  readonly mode: PathwaysMode;
  readonly model: DiagramModel;
  readonly selection: Selection | undefined;
  readonly onSelect: (selection: Selection | undefined) => void;
}) {
  switch (mode) {
    case 'explore':
      return <ExploreMode model={model} selection={selection} onSelect={onSelect} />;
    case 'step':
      return <StepMode model={model} />;
    case 'quiz':
      return <QuizMode model={model} />;
    case 'mastery':
      return <MasteryMode model={model} />;
    case 'perturb':
      return <PerturbMode model={model} />;
  }
}

function ExploreMode({
  model,
  selection,
  onSelect,
}: {
  readonly model: DiagramModel;
  readonly selection: Selection | undefined;
  readonly onSelect: (selection: Selection | undefined) => void;
}) {
  const decor = useMemo(() => {
    if (selection?.kind !== 'fact') return noDecor;
    const edges = Object.fromEntries(
      model.edges.map((edge) => [
        edge.id,
        edge.factIds.includes(selection.id)
          ? { state: 'active' as const, ariaExtra: `supported by ${selection.id}` }
          : { state: 'dim' as const },
      ]),
    );
    return { edges };
  }, [model, selection]);
  const selectedId = selection && selection.kind !== 'fact' ? selection.id : undefined;
  const announced = selectionName(model, selection);
  return (
    <>
      <p className="visually-hidden" role="status">
        {announced ? `Details below: ${announced}` : ''}
      </p>
      <DiagramWorkspace
        diagram={{
          model,
          decor,
          selectedId,
          onSelectNode: (id) => onSelect({ kind: 'node', id }),
          onSelectEdge: (id) => onSelect({ kind: 'edge', id }),
          onClearSelection: () => onSelect(undefined),
        }}
        panel={
          <DetailsPanel
            model={model}
            selection={selection}
            onSelectNode={(id) => onSelect({ kind: 'node', id })}
            onSelectEdge={(id) => onSelect({ kind: 'edge', id })}
          />
        }
      />
    </>
  );
}

function selectionName(model: DiagramModel, selection: Selection | undefined): string | undefined {
  if (!selection) return undefined;
  switch (selection.kind) {
    case 'node':
      return model.nodes.find((n) => n.id === selection.id)?.name;
    case 'edge': {
      const edge = model.edges.find((e) => e.id === selection.id);
      return edge ? edgeSentence(edge.fromName, edge.sign, edge.toName) : undefined;
    }
    case 'fact':
      return `fact ${selection.id}`;
  }
}

function PathwayPicker({
  pack,
  pathways,
  value,
  onChange,
}: {
  readonly pack: Pick<Pack, 'manifest'>;
  readonly pathways: Pack['pathways'];
  readonly value: string;
  readonly onChange: (pathwayId: string) => void;
}) {
  const id = useId();
  return (
    <div className="pw-picker">
      <label htmlFor={id}>Diagram</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {pathways.map((pathway) => (
          <option key={pathway.id} value={pathway.id}>
            {pathwayTitle(pack, pathway)}
          </option>
        ))}
      </select>
    </div>
  );
}

function ContextPicker({
  model,
  onChange,
}: {
  readonly model: DiagramModel;
  readonly onChange: (contextId: string) => void;
}) {
  const name = useId();
  return (
    <RadioChoices
      legend="Panel"
      name={name}
      choices={model.pathway.contexts.map((c) => ({
        value: c.id,
        label: c.label,
        title: c.description,
      }))}
      value={model.contextId ?? ''}
      onChange={onChange}
    />
  );
}

const modes: readonly { id: PathwaysMode; label: string; unavailable?: string }[] = [
  { id: 'explore', label: 'Explore' },
  { id: 'step', label: 'Step through' },
  { id: 'perturb', label: 'Perturb' },
  { id: 'quiz', label: 'Quiz me' },
  { id: 'mastery', label: 'Mastery' },
];

function ModePicker() {
  const mode = usePathwaysUi((s) => s.mode);
  const setMode = usePathwaysUi((s) => s.setMode);
  const name = useId();
  const noteId = useId();
  const unavailable = modes.filter((m) => m.unavailable);
  return (
    <fieldset
      className="pw-radios pw-modes"
      aria-describedby={unavailable.length ? noteId : undefined}
    >
      <legend>Mode</legend>
      {modes.map((m) => (
        <label key={m.id} className={m.unavailable ? 'pw-disabled' : undefined}>
          <input
            type="radio"
            name={name}
            value={m.id}
            checked={mode === m.id}
            disabled={m.unavailable !== undefined}
            onChange={() => setMode(m.id)}
          />
          {m.label}
        </label>
      ))}
      {unavailable.length > 0 && (
        <p id={noteId} className="pw-mode-note muted">
          {unavailable.map((m) => m.unavailable).join(' ')}
        </p>
      )}
    </fieldset>
  );
}
