import { useId, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { PathwayFigure } from '../../../../shared/diagram/figure.ts';
import type { Scheme } from '../../../../shared/diagram/palette.ts';
import { Button } from '../../components/Button.tsx';
import { PathwayDiagram, type PathwayDiagramProps } from './diagram/PathwayDiagram.tsx';
import {
  currentScheme,
  diagramFileNames,
  exportDiagram,
  type DiagramFileFormat,
} from './diagram/export.ts';
import { figureOfModel } from './diagram/export-figure.ts';
import { EdgeTable } from './EdgeTable.tsx';
import { Legend } from './Legend.tsx';
import { pathwayTitle } from './model/diagram.ts';
import { usePathwaysUi } from './store.ts';
import { useWorkspaceLayout } from './useWorkspaceLayout.ts';
import { sideColumnRem } from './workspace-layout.ts';

interface Props {
  readonly diagram: Omit<PathwayDiagramProps, 'label'>;
  /** The mode's own panel (details, step controls, quiz…). */
  readonly panel: ReactNode;
  readonly legendExtra?: ReactNode;
  /** The drawing's accessible name when the pathway's title would give answers away. */
  readonly label?: string;
}

/**
 * The same frame in every mode: diagram, its actions, the mode's panel, legend, text version. The
 * panel (narration, perturbation results, the quiz) and the text version sit beside the diagram
 * on wide screens, kept in view while the page scrolls, and directly under it on narrow ones
 * (pathways.css), so what an action changes is seen without scrolling. A wide screen also puts
 * the panel under a drawing that would be cut off beside it but shows whole, or much more of
 * itself, at full width (`workspace-layout.ts`).
 */
export function DiagramWorkspace({ diagram, panel, legendExtra, label: quizLabel }: Props) {
  const { model } = diagram;
  const showText = usePathwaysUi((s) => s.showTextAlternative);
  const toggleText = usePathwaysUi((s) => s.toggleTextAlternative);
  const textId = useId();
  const context = model.pathway.contexts.find((c) => c.id === model.contextId);
  const label =
    quizLabel ??
    `Diagram: ${pathwayTitle(model.index.pack, model.pathway)}${context ? `, ${context.label}` : ''}`;
  const workspace = useRef<HTMLDivElement>(null);
  const layout = useWorkspaceLayout(workspace, model.layout);
  const skipToText = () => {
    if (!showText) toggleText();
    requestAnimationFrame(() => document.getElementById(textId)?.focus());
  };
  return (
    <div
      ref={workspace}
      className="pw-workspace"
      data-layout={layout}
      style={{ '--pw-side-width': `${sideColumnRem}rem` } as CSSProperties}
    >
      <a
        className="skip-link pw-skip"
        href={`#${textId}`}
        onClick={(event) => {
          event.preventDefault();
          skipToText();
        }}
      >
        Skip the diagram: go to its text version
      </a>
      <div className="pw-area-diagram">
        <PathwayDiagram {...diagram} label={label} />
      </div>
      <DiagramActions
        figure={() => figureOfModel(model, diagram.decor, quizLabel)}
        fileStem={`pathwise-${model.pathway.id}${model.contextId ? `-${model.contextId}` : ''}`}
        showText={showText}
        onToggleText={toggleText}
      />
      {/* Focusable: on a wide window it scrolls on its own, and the keyboard must reach that. */}
      <div className="pw-side" role="region" aria-label="Beside the diagram" tabIndex={0}>
        <div className="pw-panel">{panel}</div>
        {showText && <EdgeTable model={model} decor={diagram.decor} focusId={textId} />}
      </div>
      <div className="pw-area-legend">
        <Legend extra={legendExtra} />
      </div>
    </div>
  );
}

function DiagramActions({
  figure,
  fileStem,
  showText,
  onToggleText,
}: {
  /** The figure to export, as the current mode shows it (built when a button is pressed). */
  readonly figure: () => PathwayFigure;
  readonly fileStem: string;
  readonly showText: boolean;
  readonly onToggleText: () => void;
}) {
  const [status, setStatus] = useState('');
  const [scheme, setScheme] = useState<Scheme>(currentScheme);
  const schemeId = useId();
  const busy = useRef(false);
  const run = async (format: DiagramFileFormat) => {
    if (busy.current) return;
    busy.current = true;
    setStatus(`Preparing the ${diagramFileNames[format]}…`);
    try {
      const fileName = await exportDiagram(figure(), format, scheme, fileStem);
      setStatus(`Saved ${fileName}.`);
    } catch (error) {
      setStatus(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      busy.current = false;
    }
  };
  return (
    <div className="pw-actions">
      <span className="pw-export-scheme">
        <label htmlFor={schemeId}>Export colours</label>
        <select
          id={schemeId}
          value={scheme}
          onChange={(event) => setScheme(event.target.value === 'dark' ? 'dark' : 'light')}
        >
          <option value="light">Light (white background)</option>
          <option value="dark">Dark background</option>
        </select>
      </span>
      <Button onClick={() => void run('svg')}>Export SVG</Button>
      <Button onClick={() => void run('png')}>Export PNG</Button>
      <Button onClick={() => void run('sbgn')}>Export SBGN-ML</Button>
      <Button aria-pressed={showText} onClick={onToggleText}>
        Text version
      </Button>
      <span className="muted pw-actions-status" role="status">
        {status}
      </span>
    </div>
  );
}
