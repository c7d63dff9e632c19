import { useReactFlow } from '@xyflow/react';
import { useRef, useState, type ReactNode } from 'react';
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

/** The same frame in every mode: diagram, its actions, the mode's panel, legend, text version. */
export function DiagramWorkspace({ diagram, panel, legendExtra, label: quizLabel }: Props) {
  const { model } = diagram;
  const showText = usePathwaysUi((s) => s.showTextAlternative);
  const toggleText = usePathwaysUi((s) => s.toggleTextAlternative);
  const context = model.pathway.contexts.find((c) => c.id === model.contextId);
  const label =
    quizLabel ?? `Diagram: ${pathwayTitle(model.pathway)}${context ? `, ${context.label}` : ''}`;
  return (
    <>
      <PathwayDiagram {...diagram} label={label} />
      <DiagramActions
        fileStem={`pathwise-${model.pathway.id}${model.contextId ? `-${model.contextId}` : ''}`}
        showText={showText}
        onToggleText={toggleText}
      />
      <div className="pw-below">
        <div className="pw-panel">{panel}</div>
        <Legend extra={legendExtra} />
      </div>
      {showText && <EdgeTable model={model} decor={diagram.decor} />}
    </>
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
