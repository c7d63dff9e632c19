import { useEffect, useId, useRef } from 'react';
import { trueFalseChoices } from '../model/keys.ts';
import { OptionMark } from './ChoiceQuestion.tsx';
import type { ItemViewProps } from './types.ts';

/** True or false: two radio buttons, 1/T and 2/F. */
export function TrueFalseQuestion({
  draft,
  feedback,
  locked,
  promptId,
  onChange,
}: ItemViewProps<'true-false'>) {
  const name = useId();
  const group = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = group.current;
    if (!root || !root.contains(document.activeElement) || draft.value === undefined) return;
    root.querySelector<HTMLInputElement>(`input[value="${String(draft.value)}"]`)?.focus();
  }, [draft.value]);
  const expected = feedback ? feedback.expected === 'True' : undefined;

  return (
    <div
      className="qz-options qz-options-tf"
      role="radiogroup"
      aria-labelledby={promptId}
      ref={group}
    >
      {trueFalseChoices.map((choice, index) => {
        const chosen = draft.value === choice.value;
        const state =
          expected === undefined
            ? chosen
              ? 'chosen'
              : 'open'
            : expected === choice.value
              ? 'correct'
              : chosen
                ? 'wrong'
                : 'other';
        return (
          <div key={choice.label} className={`qz-option qz-option-${state}`}>
            <label>
              <input
                type="radio"
                name={name}
                value={String(choice.value)}
                checked={chosen}
                aria-disabled={locked || undefined}
                aria-keyshortcuts={`${index + 1} ${choice.letter}`}
                onChange={() => {
                  if (!locked) onChange({ kind: 'true-false', value: choice.value });
                }}
              />
              <kbd className="qz-key">
                {index + 1}
                <span aria-hidden="true"> / {choice.letter}</span>
              </kbd>
              <span className="qz-option-text">{choice.label}</span>
              {expected !== undefined && (
                <OptionMark correct={expected === choice.value} chosen={chosen} />
              )}
            </label>
          </div>
        );
      })}
    </div>
  );
}
