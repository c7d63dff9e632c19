import { useId } from 'react';
import { maxTextAnswer } from '../model/responses.ts';
import type { ItemViewProps } from './types.ts';

/**
 * Fill in the blank: a text field (typing never triggers shortcuts; Enter sends). Main matches the
 * answer against every accepted name and spelling.
 */
export function ClozeQuestion({ draft, feedback, locked, onChange }: ItemViewProps<'text'>) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="qz-cloze">
      <label htmlFor={id}>Your answer</label>
      <input
        id={id}
        type="text"
        className="qz-cloze-input"
        data-autofocus="true"
        value={draft.text}
        maxLength={maxTextAnswer}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        readOnly={locked}
        aria-describedby={hintId}
        aria-invalid={feedback ? !feedback.correct : undefined}
        onChange={(e) => onChange({ kind: 'text', text: e.target.value })}
      />
      <p id={hintId} className="qz-hint muted">
        Synonyms and other spellings count (a Greek letter may be spelled out: “alpha” for α). Press
        Enter to send.
      </p>
      {feedback && (
        <p className={`qz-cloze-result ${feedback.correct ? 'qz-good' : 'qz-bad'}`}>
          <span aria-hidden="true">{feedback.correct ? '✓ ' : '✗ '}</span>
          {feedback.claimedRight
            ? 'Counted as right, as you said. Expected: '
            : feedback.correct
              ? 'Accepted. '
              : 'Expected: '}
          <strong>{feedback.expected}</strong>
        </p>
      )}
    </div>
  );
}
