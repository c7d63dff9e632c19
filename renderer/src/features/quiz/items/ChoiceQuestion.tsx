import { useEffect, useId, useRef } from 'react';
import { FactText } from '../components/Explanation.tsx';
import { optionKeyLabel } from '../model/keys.ts';
import type { ItemViewProps } from './types.ts';

/**
 * Single best answer, predict the effect, context, which study, and the two diagram kinds: options
 * as radio buttons numbered 1–5 (the number keys choose them). After practice feedback each option
 * says whether it was right and, if wrong, why.
 */
export function ChoiceQuestion({
  item,
  draft,
  feedback,
  locked,
  promptId,
  onChange,
}: ItemViewProps<'choice'>) {
  const name = useId();
  const group = useRef<HTMLDivElement>(null);
  // A number key chooses an option: if focus is in the group, it follows the choice.
  useEffect(() => {
    const root = group.current;
    if (!root || !root.contains(document.activeElement) || draft.optionId === undefined) return;
    root.querySelector<HTMLInputElement>(`input[value="${CSS.escape(draft.optionId)}"]`)?.focus();
  }, [draft.optionId]);

  return (
    <div className="qz-options" role="radiogroup" aria-labelledby={promptId} ref={group}>
      {(item.options ?? []).map((option, index) => {
        const marked = feedback?.options?.find((o) => o.id === option.id);
        const chosen = draft.optionId === option.id;
        const key = optionKeyLabel(index);
        const rationaleId = `${name}-why-${index}`;
        const state = !marked
          ? chosen
            ? 'chosen'
            : 'open'
          : marked.correct
            ? 'correct'
            : chosen
              ? 'wrong'
              : 'other';
        return (
          <div key={option.id} className={`qz-option qz-option-${state}`}>
            <label>
              <input
                type="radio"
                name={name}
                value={option.id}
                checked={chosen}
                aria-disabled={locked || undefined}
                aria-describedby={marked?.rationale ? rationaleId : undefined}
                aria-keyshortcuts={key}
                onChange={() => {
                  if (!locked) onChange({ kind: 'choice', optionId: option.id });
                }}
              />
              {key && <kbd className="qz-key">{key}</kbd>}
              <span className="qz-option-text">{option.text}</span>
              {marked && <OptionMark correct={marked.correct} chosen={chosen} />}
            </label>
            {marked?.rationale && (
              <p className="qz-rationale" id={rationaleId}>
                <span className="qz-rationale-lead">Why not: </span>
                <FactText text={marked.rationale} />
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}

export function OptionMark({
  correct,
  chosen,
}: {
  readonly correct: boolean;
  readonly chosen: boolean;
}) {
  if (correct)
    return (
      <span className="qz-mark qz-mark-correct">
        <span aria-hidden="true">✓ </span>
        {chosen ? 'Your answer: right' : 'Right answer'}
      </span>
    );
  if (chosen)
    return (
      <span className="qz-mark qz-mark-wrong">
        <span aria-hidden="true">✗ </span>Your answer
      </span>
    );
  return null;
}
