import { useReactFlow } from '@xyflow/react';
import { useId, useRef, useState, type ReactNode } from 'react';
import { Button } from '../../components/Button.tsx';
import { PathwayDiagram, type PathwayDiagramProps } from './diagram/PathwayDiagram.tsx';
import { exportDiagram, type ExportFormat } from './diagram/export.ts';
import { EdgeTable } from './EdgeTable.tsx';
import { Legend } from './Legend.tsx';
import { pathwayTitle } from './model/diagram.ts';
import { usePathwaysUi } from './store.ts';

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
 * (pathways.css), so what an action changes is seen without scrolling.
 */
export function DiagramWorkspace({ diagram, panel, legendExtra, label: quizLabel }: Props) {
  const { model } = diagram;
  const showText = usePathwaysUi((s) => s.showTextAlternative);
  const toggleText = usePathwaysUi((s) => s.toggleTextAlternative);
  const textId = useId();
  const context = model.pathway.contexts.find((c) => c.id === model.contextId);
  const label =
    quizLabel ?? `Diagram: ${pathwayTitle(model.pathway)}${context ? `, ${context.label}` : ''}`;
  const skipToText = () => {
    if (!showText) toggleText();
    requestAnimationFrame(() => document.getElementById(textId)?.focus());
  };
  return (
    <div className="pw-workspace">
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
  fileStem,
  showText,
  onToggleText,
}: {
  readonly fileStem: string;
  readonly showText: boolean;
  readonly onToggleText: () => void;
}) {
  const { getNodes } = useReactFlow();
  const [status, setStatus] = useState('');
  const busy = useRef(false);
  const run = async (format: ExportFormat) => {
    if (busy.current) return;
    const container = document.querySelector<HTMLElement>('[data-testid="pathway-diagram"]');
    if (!container) return;
    busy.current = true;
    setStatus(`Preparing the ${format.toUpperCase()}…`);
    try {
      await exportDiagram(container, getNodes(), format, fileStem);
      setStatus(`Saved ${fileStem}.${format}.`);
    } catch (error) {
      setStatus(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      busy.current = false;
    }
  };
  return (
    <div className="pw-actions">
      <Button onClick={() => void run('svg')}>Export SVG</Button>
      <Button onClick={() => void run('png')}>Export PNG</Button>
      <Button aria-pressed={showText} onClick={onToggleText}>
        Text version
      </Button>
      <span className="muted pw-actions-status" role="status">
        {status}
      </span>
    </div>
  );
}
