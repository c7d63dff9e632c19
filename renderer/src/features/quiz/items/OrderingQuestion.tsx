import { useLayoutEffect, useRef, useState } from 'react';
import { moveStep } from '../model/responses.ts';
import type { ItemViewProps } from './types.ts';

/**
 * Put in order: a numbered list whose rows take focus one at a time (Tab enters the list at the
 * current row). ↑/↓ go from row to row, Alt+↑/Alt+↓ move the focused step, Enter sends the order;
 * the Up and Down buttons do the same for the pointer. After feedback each step shows where it
 * belongs.
 */
export function OrderingQuestion({
  item,
  draft,
  feedback,
  locked,
  promptId,
  onChange,
  cursor,
  onCursor,
}: ItemViewProps<'ordering'> & {
  readonly cursor: string | undefined;
  readonly onCursor: (stepId: string | undefined) => void;
}) {
  const list = useRef<HTMLOListElement>(null);
  const previous = useRef(draft.order);
  const [said, setSaid] = useState('');
  const textOf = (id: string) => item.steps?.find((s) => s.id === id)?.text ?? id;
  const move = (id: string, delta: -1 | 1) => {
    if (locked) return;
    onCursor(id);
    onChange({ kind: 'ordering', order: moveStep(draft.order, id, delta) });
  };
  const focusable = cursor ?? draft.order[0];

  // Focus follows the cursor row (after ↑/↓ or a move, which re-inserts the row), and a move is
  // announced with the step's new place.
  useLayoutEffect(() => {
    const root = list.current;
    if (!root || !cursor) return;
    const moved = previous.current !== draft.order;
    const before = previous.current;
    previous.current = draft.order;
    const lost = document.activeElement === document.body || document.activeElement === null;
    if (root.contains(document.activeElement) || lost) {
      root.querySelector<HTMLElement>(`[data-step="${CSS.escape(cursor)}"]`)?.focus();
    }
    if (moved && before.indexOf(cursor) !== draft.order.indexOf(cursor)) {
      const place = draft.order.indexOf(cursor) + 1;
      setSaid(`${textOf(cursor)} moved to place ${place} of ${draft.order.length}.`);
    }
    // textOf reads the item, which does not change while it is shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft.order, cursor]);

  const correctOrder = feedback?.correctOrder ?? null;
  return (
    <div className="qz-ordering">
      <p className="qz-hint muted" id={`${promptId}-how`}>
        Upstream first. ↑ and ↓ go from step to step; Alt+↑ and Alt+↓ move the step; Enter sends the
        order.
      </p>
      <ol
        className="qz-steps"
        ref={list}
        aria-labelledby={promptId}
        onBlur={(event) => {
          if (!list.current?.contains(event.relatedTarget)) onCursor(undefined);
        }}
      >
        {draft.order.map((id, index) => {
          const belongs = correctOrder ? correctOrder.indexOf(id) : -1;
          const inPlace = correctOrder ? belongs === index : undefined;
          const verdict =
            inPlace === undefined ? '' : inPlace ? ', in place' : `, belongs at ${belongs + 1}`;
          return (
            <li
              key={id}
              data-step={id}
              tabIndex={id === focusable ? 0 : -1}
              aria-label={`${textOf(id)}, place ${index + 1} of ${draft.order.length}${verdict}`}
              aria-describedby={`${promptId}-how`}
              aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
              className={`qz-step${inPlace === undefined ? '' : inPlace ? ' qz-step-correct' : ' qz-step-wrong'}`}
              onFocus={(event) => {
                if (event.target === event.currentTarget) onCursor(id);
              }}
            >
              <span className="qz-step-place" aria-hidden="true">
                {index + 1}
              </span>
              <span className="qz-step-text" aria-hidden="true">
                {textOf(id)}
              </span>
              {feedback ? (
                <span
                  className={`qz-mark ${inPlace ? 'qz-mark-correct' : 'qz-mark-wrong'}`}
                  aria-hidden="true"
                >
                  {inPlace ? '✓ In place' : `✗ Belongs at ${belongs + 1}`}
                </span>
              ) : (
                <span className="qz-step-buttons">
                  <button
                    type="button"
                    tabIndex={-1}
                    className="qz-move"
                    disabled={locked || index === 0}
                    aria-label={`Move ${textOf(id)} up`}
                    onClick={() => move(id, -1)}
                  >
                    <span aria-hidden="true">↑</span> Up
                  </button>
                  <button
                    type="button"
                    tabIndex={-1}
                    className="qz-move"
                    disabled={locked || index === draft.order.length - 1}
                    aria-label={`Move ${textOf(id)} down`}
                    onClick={() => move(id, 1)}
                  >
                    <span aria-hidden="true">↓</span> Down
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" role="status">
        {said}
      </p>
    </div>
  );
}
