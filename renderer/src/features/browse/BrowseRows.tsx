import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { BrowseList } from '../../../../shared/contract/browse.ts';
import { dueText, flagLabels, rowState } from './labels.ts';

type Row = BrowseList['rows'][number];

interface Props {
  readonly rows: readonly Row[];
  readonly selected: ReadonlySet<string>;
  readonly activeId: string | undefined;
  readonly now: number;
  readonly onActivate: (id: string) => void;
  readonly onToggle: (id: string) => void;
  readonly onSelectAll: () => void;
  /** Keys the screen handles (action shortcuts); true when handled. */
  readonly onShortcut: (event: KeyboardEvent) => boolean;
}

export const rowDomId = (index: number) => `browse-row-${index}`;

/**
 * The rows as one multi-select listbox, virtualised: only the rows in view (and a few around)
 * are in the DOM. Arrow keys move the active row, Space selects it.
 */
export function BrowseRows(props: Props) {
  const { rows, selected, activeId, now } = props;
  const scroller = useRef<HTMLDivElement>(null);
  // TanStack Virtual hands back fresh functions each render, which the React Compiler cannot
  // memoise; this one component is left uncompiled, and renders only the rows in view.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 44,
    overscan: 8,
  });
  const activeIndex = Math.max(
    0,
    rows.findIndex((row) => row.id === activeId),
  );

  useEffect(() => {
    if (rows.length > 0) virtualizer.scrollToIndex(activeIndex);
  }, [activeIndex, rows.length, virtualizer]);

  const move = (index: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (row) props.onActivate(row.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / 44) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(activeIndex + 1),
      ArrowUp: () => move(activeIndex - 1),
      PageDown: () => move(activeIndex + page),
      PageUp: () => move(activeIndex - page),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      ' ': () => {
        const row = rows[activeIndex];
        if (row) props.onToggle(row.id);
      },
    };
    const handler = keys[event.key];
    if (handler && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      handler();
      return;
    }
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      props.onSelectAll();
      return;
    }
    if (props.onShortcut(event)) event.preventDefault();
  };

  return (
    <div
      ref={scroller}
      className="browse-rows"
      role="listbox"
      aria-multiselectable="true"
      aria-label="Cards and quiz items"
      aria-activedescendant={rows.length > 0 ? rowDomId(activeIndex) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const isSelected = selected.has(row.id);
          return (
            <div
              key={row.id}
              id={rowDomId(item.index)}
              role="option"
              aria-selected={isSelected}
              aria-setsize={rows.length}
              aria-posinset={item.index + 1}
              data-index={item.index}
              data-row-id={row.id}
              ref={virtualizer.measureElement}
              className={[
                'browse-row',
                item.index === activeIndex ? 'is-active' : '',
                isSelected ? 'is-selected' : '',
              ].join(' ')}
              style={{ transform: `translateY(${item.start}px)` }}
              onClick={(event) => {
                if (event.ctrlKey || event.metaKey || event.shiftKey) props.onToggle(row.id);
                props.onActivate(row.id);
              }}
            >
              <span className="browse-check" aria-hidden="true">
                {isSelected ? '☑' : '☐'}
              </span>
              <span className="browse-text">{row.text}</span>
              <span className="browse-kind">{row.kind}</span>
              <span className="browse-topic">{row.topicTitle}</span>
              <span className="browse-state">{rowState(row)}</span>
              <span className="browse-due">{dueText(row, now)}</span>
              <span className="browse-difficulty">
                {row.difficulty === null ? '—' : row.difficulty.toFixed(1)}
              </span>
              <span className="browse-flag">
                {row.flag && (
                  <span className={`flag-dot flag-${row.flag}`}>{flagLabels[row.flag]}</span>
                )}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
