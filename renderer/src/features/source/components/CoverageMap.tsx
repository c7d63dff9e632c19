import { useRef, useState, type KeyboardEvent } from 'react';
import { DataTable, TableAlternative } from '../../../components/DataTable.tsx';
import {
  coverageLevels,
  describeCoverage,
  levelInfo,
  topicCoverage,
  type FactCoverageView,
} from '../model/coverage.ts';
import type { TopicGroup } from '../model/facts.ts';
import { sourceHref } from '../model/facts.ts';

interface Props {
  readonly groups: readonly TopicGroup[];
  readonly coverageOf: (factId: string) => FactCoverageView | undefined;
  readonly onOpenFact: (factId: string) => void;
}

interface Row {
  readonly group: TopicGroup;
  readonly views: readonly FactCoverageView[];
}

/**
 * Every fact as a cell, one row per topic. A cell's fill (none to full, in quarters) is the
 * reading without colour; the grid is one tab stop, arrow keys move between facts, Enter opens one.
 */
export function CoverageMap({ groups, coverageOf, onOpenFact }: Props) {
  const rows: Row[] = groups
    .filter((group) => group.facts.length > 0)
    .map((group) => ({
      group,
      views: group.facts.flatMap((fact) => {
        const view = coverageOf(fact.id);
        return view ? [view] : [];
      }),
    }));
  const all = rows.flatMap((row) => row.views);
  const overall = topicCoverage(all);

  return (
    <section className="panel source-section" aria-labelledby="source-coverage">
      <h2 id="source-coverage" tabIndex={-1}>
        Coverage: what you have been tested on
      </h2>
      <p>
        <strong>
          {overall.tested} of {overall.facts} facts
        </strong>{' '}
        tested so far by flashcards or quizzes.{' '}
        {overall.tested === 0 && (
          <span className="muted">
            Each fact fills in here once you review one of its flashcards or answer a quiz question
            about it.
          </span>
        )}
      </p>
      <Legend counts={overall.byLevel} />
      <CoverageGrid rows={rows} onOpenFact={onOpenFact} />
      <TableAlternative subject="coverage of every fact">
        <CoverageTable rows={rows} />
      </TableAlternative>
    </section>
  );
}

function Legend({ counts }: { readonly counts: Record<(typeof coverageLevels)[number], number> }) {
  return (
    <ul className="coverage-legend" aria-label="Legend">
      {coverageLevels.map((level) => (
        <li key={level}>
          <span className={`coverage-cell-swatch level-${level}`} aria-hidden="true">
            <span className="coverage-glyph" data-fill={levelInfo[level].fill} />
          </span>
          {levelInfo[level].label}
          {levelInfo[level].range && <span className="muted"> ({levelInfo[level].range})</span>}
          <span className="legend-count"> · {counts[level]}</span>
        </li>
      ))}
    </ul>
  );
}

function CoverageGrid({
  rows,
  onOpenFact,
}: {
  readonly rows: readonly Row[];
  readonly onOpenFact: (factId: string) => void;
}) {
  const [active, setActive] = useState<{ row: number; col: number }>({ row: 0, col: 0 });
  const gridRef = useRef<HTMLDivElement>(null);

  const focusCell = (row: number, col: number) => {
    setActive({ row, col });
    gridRef.current
      ?.querySelector<HTMLButtonElement>(`[data-row="${row}"][data-col="${col}"]`)
      ?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const { row, col } = active;
    const last = rows.length - 1;
    const lengthOf = (r: number) => rows[r]?.views.length ?? 0;
    const clampCol = (r: number, c: number) => Math.max(0, Math.min(c, lengthOf(r) - 1));
    let next: { row: number; col: number } | undefined;
    switch (event.key) {
      case 'ArrowRight':
        next = { row, col: clampCol(row, col + 1) };
        break;
      case 'ArrowLeft':
        next = { row, col: clampCol(row, col - 1) };
        break;
      case 'ArrowDown':
        next = { row: Math.min(row + 1, last), col: clampCol(Math.min(row + 1, last), col) };
        break;
      case 'ArrowUp':
        next = { row: Math.max(row - 1, 0), col: clampCol(Math.max(row - 1, 0), col) };
        break;
      case 'Home':
        next = event.ctrlKey ? { row: 0, col: 0 } : { row, col: 0 };
        break;
      case 'End':
        next = event.ctrlKey
          ? { row: last, col: lengthOf(last) - 1 }
          : { row, col: lengthOf(row) - 1 };
        break;
      default:
        return;
    }
    event.preventDefault();
    focusCell(next.row, next.col);
  };

  return (
    <div
      ref={gridRef}
      role="grid"
      aria-label="Coverage of every fact, by topic. Arrow keys move between facts; Enter shows the fact."
      className="coverage-grid"
      onKeyDown={onKeyDown}
    >
      {rows.map((row, r) => {
        const summary = topicCoverage(row.views);
        return (
          <div role="row" key={row.group.id} className="coverage-row">
            <div role="rowheader" className="coverage-topic">
              <span className="coverage-topic-title">{row.group.title}</span>
              <span className="muted coverage-topic-count">
                {summary.tested}/{summary.facts} tested
              </span>
            </div>
            <div className="coverage-cells">
              {row.views.map((view, c) => {
                const label = describeCoverage(view);
                return (
                  <div role="gridcell" key={view.factId}>
                    <button
                      type="button"
                      className={`coverage-cell level-${view.level}`}
                      data-row={r}
                      data-col={c}
                      data-fact={view.factId}
                      tabIndex={active.row === r && active.col === c ? 0 : -1}
                      aria-label={`${label}. Show the fact.`}
                      title={label}
                      onFocus={() => setActive({ row: r, col: c })}
                      onClick={() => onOpenFact(view.factId)}
                    >
                      <span className="coverage-glyph" data-fill={levelInfo[view.level].fill} />
                    </button>
                  </div>
                );
              })}
            </div>
          </div>
        );
      })}
    </div>
  );
}

function CoverageTable({ rows }: { readonly rows: readonly Row[] }) {
  const entries = rows.flatMap((row) =>
    row.views.map((view) => ({ view, topic: row.group.title })),
  );
  return (
    <DataTable
      caption="Coverage of every fact"
      rows={entries}
      rowKey={(entry) => entry.view.factId}
      emptyText="No facts."
      columns={[
        { header: 'Fact', cell: ({ view }) => <a href={sourceHref(view.factId)}>{view.factId}</a> },
        { header: 'Topic', cell: ({ topic }) => topic },
        { header: 'Level', cell: ({ view }) => levelInfo[view.level].label },
        {
          header: 'Score',
          numeric: true,
          cell: ({ view }) =>
            view.percent === null
              ? '—'
              : `${view.percent} %${view.measure === 'quiz accuracy' ? ' (quiz)' : ''}`,
        },
        {
          header: 'Flashcard reviews',
          numeric: true,
          cell: ({ view }) =>
            view.again > 0 ? `${view.reviews} (${view.again} Again)` : view.reviews,
        },
        {
          header: 'Quiz answers',
          numeric: true,
          cell: ({ view }) =>
            view.quizAnswers === 0 ? 0 : `${view.quizCorrect} of ${view.quizAnswers} correct`,
        },
        {
          header: 'Last tested',
          cell: ({ view }) => (view.lastTestedAt ? formatDate(view.lastTestedAt) : '—'),
        },
      ]}
    />
  );
}

const dateFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}
