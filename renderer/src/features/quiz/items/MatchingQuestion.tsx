import { useId } from 'react';
import { columnLetter } from '../model/keys.ts';
import { setPair } from '../model/responses.ts';
import type { ItemViewProps } from './types.ts';

/**
 * Matching: the right-hand entries are listed with letters; each left entry picks one with a
 * native select (keyboard: Tab to it, arrows or the letter's text to choose). All pairs go
 * together; after feedback each pair is marked and a wrong one shows the right partner.
 */
export function MatchingQuestion({
  item,
  draft,
  feedback,
  locked,
  onChange,
}: ItemViewProps<'matching'>) {
  const base = useId();
  const left = item.matching?.left ?? [];
  const right = item.matching?.right ?? [];
  const letterOf = (rightId: string) => columnLetter(right.findIndex((r) => r.id === rightId));
  const textOf = (rightId: string) => right.find((r) => r.id === rightId)?.text ?? rightId;
  const paired = left.filter((l) => draft.pairs[l.id]).length;
  const used = Object.values(draft.pairs);
  const repeated = right.filter((r) => used.filter((id) => id === r.id).length > 1);

  return (
    <div className="qz-matching">
      <div className="qz-matching-right">
        <h3 id={`${base}-right`} className="qz-subhead">
          Choices
        </h3>
        <ol className="qz-letter-list" aria-labelledby={`${base}-right`}>
          {right.map((entry, index) => (
            <li key={entry.id}>
              <span className="qz-letter" aria-hidden="true">
                {columnLetter(index)}
              </span>
              <span>{entry.text}</span>
            </li>
          ))}
        </ol>
      </div>
      <fieldset className="qz-matching-left" aria-describedby={`${base}-status`}>
        <legend className="qz-subhead">Pair each with a choice</legend>
        {left.map((entry, index) => {
          const id = `${base}-l${index}`;
          const chosen = draft.pairs[entry.id] ?? '';
          const expected = feedback?.correctPairs?.[entry.id];
          const isRight = expected !== undefined && chosen === expected;
          return (
            <div
              key={entry.id}
              className={`qz-pair${feedback ? (isRight ? ' qz-pair-correct' : ' qz-pair-wrong') : ''}`}
            >
              <label htmlFor={id}>
                <span className="qz-pair-number" aria-hidden="true">
                  {index + 1}
                </span>
                {entry.text}
              </label>
              <select
                id={id}
                value={chosen}
                aria-disabled={locked || undefined}
                onChange={(e) => {
                  if (!locked)
                    onChange({
                      kind: 'matching',
                      pairs: setPair(draft.pairs, entry.id, e.target.value),
                    });
                }}
              >
                <option value="">Choose…</option>
                {item.matching?.right.map((option, i) => (
                  <option key={option.id} value={option.id}>
                    {columnLetter(i)}. {option.text}
                  </option>
                ))}
              </select>
              {feedback && (
                <p className={`qz-pair-result ${isRight ? 'qz-good' : 'qz-bad'}`}>
                  <span aria-hidden="true">{isRight ? '✓ ' : '✗ '}</span>
                  {isRight
                    ? 'Right'
                    : expected === undefined
                      ? 'No answer key for this pair'
                      : `Answer: ${letterOf(expected)}. ${textOf(expected)}`}
                </p>
              )}
            </div>
          );
        })}
      </fieldset>
      <p id={`${base}-status`} className="qz-hint muted">
        {paired} of {left.length} paired
        {paired < left.length && !feedback ? '; unpaired entries score nothing' : ''}.
        {repeated.length > 0 &&
          ` ${repeated.map((r) => letterOf(r.id)).join(', ')} ${repeated.length === 1 ? 'is' : 'are'} used more than once.`}
      </p>
    </div>
  );
}
