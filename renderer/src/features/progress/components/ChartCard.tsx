import { useId, type CSSProperties, type ReactNode } from 'react';
import { TableAlternative } from '../../../components/DataTable.tsx';

interface Props {
  readonly title: string;
  /** One sentence a learner can read instead of the chart. */
  readonly summary: string;
  readonly legend?: ReactNode;
  /** Shown instead of the chart when there is nothing to draw. */
  readonly empty?: ReactNode;
  readonly chart: ReactNode;
  readonly table: ReactNode;
  readonly wide?: boolean;
}

/** A chart with its title, a summary in words, and its figures as a table under "Show as table". */
export function ChartCard({ title, summary, legend, empty, chart, table, wide }: Props) {
  const id = useId();
  return (
    <section
      className={wide ? 'panel chart-card chart-wide' : 'panel chart-card'}
      aria-labelledby={`${id}-title`}
      data-chart-card={title}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="chart-summary">{summary}</p>
      {legend}
      {empty ?? chart}
      <TableAlternative subject={title}>{table}</TableAlternative>
    </section>
  );
}

/** A legend mark: a colour square, or the diamond the reviews chart draws for new cards. */
export function Swatch({
  colour,
  shape = 'square',
}: {
  readonly colour: string;
  readonly shape?: 'square' | 'diamond';
}) {
  if (shape === 'diamond') {
    return (
      <svg className="swatch-diamond" viewBox="0 0 12 12" aria-hidden="true">
        <path d="M6 1 L11 6 L6 11 L1 6 Z" fill="var(--surface)" stroke={colour} strokeWidth="1.6" />
      </svg>
    );
  }
  return (
    <span className="swatch" style={{ '--swatch': colour } as CSSProperties} aria-hidden="true" />
  );
}
