import { useId, type SyntheticEvent } from 'react';
import type { QuizCount, QuizOptionsInfo } from '../../../../../shared/contract/quiz.ts';
import {
  maxQuizQuestions,
  maxTimeLimitMinutes,
} from '../../../../../shared/contract/quiz-limits.ts';
import type { QuizKind } from '../../../../../shared/engine/types.ts';
import { pathwayLabel } from '../../../../../shared/pack/views.ts';
import { Button } from '../../../components/Button.tsx';
import { RadioCard } from '../../../components/RadioCard.tsx';
import { PoolPicker } from './PoolPicker.tsx';
import { clampCount, clampMinutes, matchSummary, type SetupDraft } from '../model/setup.ts';

interface Props {
  readonly options: QuizOptionsInfo;
  readonly draft: SetupDraft;
  readonly count: QuizCount | undefined;
  readonly countError: string | undefined;
  readonly starting: boolean;
  readonly startError: string | undefined;
  readonly ignoredPrefill: readonly string[];
  readonly onChange: (patch: Partial<SetupDraft>) => void;
  readonly onStart: () => void;
}

const toggled = <T,>(list: readonly T[], value: T, on: boolean): T[] =>
  on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);

/** The quiz setup: what to ask, from where, how many, practice or exam. */
export function SetupForm({
  options,
  draft,
  count,
  countError,
  starting,
  startError,
  ignoredPrefill,
  onChange,
  onStart,
}: Props) {
  const ids = {
    kinds: useId(),
    topics: useId(),
    pathway: useId(),
    disease: useId(),
    count: useId(),
    minutes: useId(),
    summary: useId(),
  };
  const questions = count?.questions;
  const canStart = !starting && draft.kinds.length > 0 && questions !== undefined && questions > 0;
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (canStart) onStart();
  };
  const noKinds = draft.kinds.length === 0;

  return (
    <form className="qz-setup" onSubmit={submit} aria-labelledby="qz-setup-title" noValidate>
      <h2 id="qz-setup-title" className="visually-hidden">
        Set up a quiz
      </h2>
      {ignoredPrefill.length > 0 && (
        <p className="qz-note" role="status">
          The link asked for {ignoredPrefill.join(', ')}, which this pack does not have; the rest of
          its choices are filled in below.
        </p>
      )}
      <div className="qz-setup-grid">
        <fieldset
          className="qz-fieldset qz-kinds"
          aria-describedby={noKinds ? `${ids.kinds}-none` : undefined}
        >
          <legend>Kinds of question</legend>
          <div className="qz-inline-actions">
            <button
              type="button"
              className="qz-link-button"
              onClick={() =>
                onChange({ kinds: options.kinds.filter((k) => k.count > 0).map((k) => k.id) })
              }
            >
              Select all kinds
            </button>
            <button
              type="button"
              className="qz-link-button"
              onClick={() => onChange({ kinds: [] })}
            >
              Clear kinds
            </button>
          </div>
          <ul className="qz-check-list">
            {options.kinds.map((kind) => (
              <KindCheckbox
                key={kind.id}
                kind={kind}
                checked={draft.kinds.includes(kind.id)}
                onToggle={(on) => onChange({ kinds: toggled(draft.kinds, kind.id, on) })}
              />
            ))}
          </ul>
          {noKinds && (
            <p id={`${ids.kinds}-none`} className="qz-hint qz-bad">
              Choose at least one kind of question.
            </p>
          )}
        </fieldset>

        <div className="qz-setup-side">
          <PoolPicker pool={draft.pool} onChange={(pool) => onChange({ pool })} />
          <fieldset className="qz-fieldset" aria-describedby={`${ids.topics}-hint`}>
            <legend>Topics</legend>
            <p id={`${ids.topics}-hint`} className="qz-hint muted">
              None ticked means every topic.
            </p>
            <ul className="qz-check-list qz-check-list-compact">
              {options.topics.map((topic) => (
                <li key={topic.id}>
                  <label className="qz-check">
                    <input
                      type="checkbox"
                      checked={draft.topics.includes(topic.id)}
                      onChange={(e) =>
                        onChange({ topics: toggled(draft.topics, topic.id, e.target.checked) })
                      }
                    />
                    <span className="qz-check-text">
                      <span className="qz-check-label">{topic.title}</span>
                      <Count n={topic.count} />
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>

          <fieldset className="qz-fieldset">
            <legend>Narrow down</legend>
            <div className="qz-field">
              <label htmlFor={ids.pathway}>Pathway</label>
              <select
                id={ids.pathway}
                value={draft.pathwayId}
                onChange={(e) => onChange({ pathwayId: e.target.value })}
              >
                <option value="">Any pathway</option>
                {options.pathways.map((p) => (
                  <option key={p.id} value={p.id}>
                    {pathwayLabel(p)} ({p.count})
                  </option>
                ))}
              </select>
            </div>
            <div className="qz-field">
              <label htmlFor={ids.disease}>Disease</label>
              <select
                id={ids.disease}
                value={draft.diseaseId}
                onChange={(e) => onChange({ diseaseId: e.target.value })}
              >
                <option value="">Any disease</option>
                {options.diseases.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name} ({d.count})
                  </option>
                ))}
              </select>
            </div>
            <label className="qz-check">
              <input
                type="checkbox"
                checked={draft.highYieldOnly}
                onChange={(e) => onChange({ highYieldOnly: e.target.checked })}
              />
              <span className="qz-check-text">
                <span className="qz-check-label">High-yield only</span>
                <Count n={options.highYield} />
              </span>
            </label>
          </fieldset>

          <fieldset className="qz-fieldset">
            <legend>Mode</legend>
            <div className="qz-modes">
              <RadioCard
                name="qz-mode"
                value="practice"
                title="Practice"
                description="After each answer: right or wrong, why, the explanation and its sources."
                checked={draft.mode === 'practice'}
                onSelect={() => onChange({ mode: 'practice' })}
              />
              <RadioCard
                name="qz-mode"
                value="exam"
                title="Exam"
                description="No feedback until the end; an optional time limit."
                checked={draft.mode === 'exam'}
                onSelect={() => onChange({ mode: 'exam' })}
              />
            </div>
            {draft.mode === 'exam' && (
              <div className="qz-timer-setup">
                <label className="qz-check">
                  <input
                    type="checkbox"
                    checked={draft.timed}
                    onChange={(e) => onChange({ timed: e.target.checked })}
                  />
                  <span className="qz-check-text qz-check-label">Time limit</span>
                </label>
                <div className="qz-field qz-field-inline">
                  <label htmlFor={ids.minutes}>Minutes</label>
                  <input
                    id={ids.minutes}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={maxTimeLimitMinutes}
                    value={draft.minutes}
                    disabled={!draft.timed}
                    onChange={(e) => onChange({ minutes: e.target.valueAsNumber })}
                    onBlur={() => onChange({ minutes: clampMinutes(draft.minutes) })}
                  />
                </div>
              </div>
            )}
          </fieldset>

          <div className="qz-start">
            <div className="qz-field qz-field-inline">
              <label htmlFor={ids.count}>Number of questions</label>
              <input
                id={ids.count}
                type="number"
                inputMode="numeric"
                min={1}
                max={maxQuizQuestions}
                value={Number.isFinite(draft.count) ? draft.count : ''}
                aria-describedby={ids.summary}
                onChange={(e) => onChange({ count: e.target.valueAsNumber })}
                onBlur={() => onChange({ count: clampCount(draft.count) })}
              />
            </div>
            <p id={ids.summary} className="qz-match" role="status">
              {countError
                ? `Could not count the questions: ${countError}`
                : questions === undefined
                  ? 'Counting the questions…'
                  : matchSummary(clampCount(draft.count), questions)}
            </p>
            <Button type="submit" variant="primary" disabled={!canStart}>
              {starting ? 'Starting…' : `Start ${draft.mode === 'exam' ? 'exam' : 'practice'}`}
            </Button>
            {startError && (
              <p role="alert" className="qz-error">
                {startError}
              </p>
            )}
          </div>
        </div>
      </div>
    </form>
  );
}

function KindCheckbox({
  kind,
  checked,
  onToggle,
}: {
  readonly kind: {
    readonly id: QuizKind;
    readonly label: string;
    readonly description: string;
    readonly count: number;
  };
  readonly checked: boolean;
  readonly onToggle: (on: boolean) => void;
}) {
  const descriptionId = useId();
  const labelId = useId();
  const none = kind.count === 0;
  return (
    <li>
      <label className="qz-check qz-check-kind">
        <input
          type="checkbox"
          checked={checked && !none}
          disabled={none}
          aria-labelledby={labelId}
          aria-describedby={descriptionId}
          onChange={(e) => onToggle(e.target.checked)}
        />
        <span id={labelId} className="qz-check-text">
          <span className="qz-check-label">{kind.label}</span> <Count n={kind.count} />
        </span>
        <span id={descriptionId} className="qz-check-description">
          {none ? 'None in this pack. ' : ''}
          {kind.description}
        </span>
      </label>
    </li>
  );
}

/** A count after a label: "14", read as "14 questions". */
function Count({ n }: { readonly n: number }) {
  return (
    <span className="qz-count">
      {n}
      <span className="visually-hidden"> {n === 1 ? 'question' : 'questions'}</span>
    </span>
  );
}
