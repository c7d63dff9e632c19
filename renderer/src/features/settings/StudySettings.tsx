import { useEffect, useId, useState } from 'react';
import type { Settings, SettingsUpdate } from '../../../../shared/contract/settings.ts';
import { studyDayOf } from '../../../../shared/engine/study-day.ts';
import { Button } from '../../components/Button.tsx';
import { formatStudyDay, percent } from '../../components/format.ts';
import { BurySiblingsField } from './BurySiblingsField.tsx';
import { retentionRange, retentionTradeOff } from './retention.ts';

type Save = (update: SettingsUpdate, what: string) => Promise<string | undefined>;

interface Props {
  readonly settings: Settings;
  /** Saves; resolves with an error message, or undefined once saved. */
  readonly save: Save;
}

const retentionDelayMs = 400;

function RetentionField({ value, save }: { readonly value: number; readonly save: Save }) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string>();
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
  }
  // A slider fires on every step; save once it rests.
  useEffect(() => {
    if (Math.abs(draft - value) < 1e-9) return;
    const timer = setTimeout(() => {
      void save({ desiredRetention: draft }, 'Desired retention').then(setError);
    }, retentionDelayMs);
    return () => clearTimeout(timer);
  }, [draft, value, save]);
  return (
    <div className="field">
      <label htmlFor={id}>Desired retention</label>
      <div className="field-inline">
        <input
          id={id}
          type="range"
          min={retentionRange.min}
          max={retentionRange.max}
          step={0.01}
          value={draft}
          aria-valuetext={percent(draft)}
          aria-describedby={`${id}-help`}
          onChange={(e) => setDraft(Number(e.target.value))}
        />
        <output htmlFor={id} className="bar-value">
          {percent(draft)}
        </output>
      </div>
      <p id={`${id}-help`} className="field-help">
        {retentionTradeOff(draft)}
      </p>
      {error && (
        <p className="message-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function LimitField({
  label,
  help,
  value,
  max,
  what,
  toUpdate,
  save,
}: {
  readonly label: string;
  readonly help: string;
  readonly value: number;
  readonly max: number;
  readonly what: string;
  readonly toUpdate: (value: number) => SettingsUpdate;
  readonly save: Save;
}) {
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState<string>();
  // The stored value changed (saved, or restored elsewhere): show it.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(String(value));
  }
  const commit = async () => {
    const number = Number(draft);
    if (draft.trim() === '' || !Number.isInteger(number) || number < 0 || number > max) {
      setError(`Enter a whole number from 0 to ${max}.`);
      return;
    }
    if (number === value) {
      setError(undefined);
      return;
    }
    setError(await save(toUpdate(number), what));
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={0}
        max={max}
        step={1}
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void commit();
        }}
      />
      <p id={`${id}-help`} className="field-help">
        {help}
      </p>
      {error && (
        <p id={`${id}-error`} className="message-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function ExamDateField({ value, save }: { readonly value: string | null; readonly save: Save }) {
  const id = useId();
  const [error, setError] = useState<string>();
  const [today] = useState(() => studyDayOf(Date.now()));
  return (
    <div className="field">
      <label htmlFor={id}>Exam date</label>
      <div className="field-inline">
        <input
          id={id}
          type="date"
          min={today}
          value={value ?? ''}
          aria-describedby={`${id}-help`}
          onChange={(e) => {
            const day = e.target.value;
            if (day) void save({ examDate: day }, 'Exam date').then(setError);
          }}
        />
        <Button
          disabled={value === null}
          onClick={() => void save({ examDate: null }, 'Exam date cleared').then(setError)}
        >
          Clear exam date
        </Button>
      </div>
      <p id={`${id}-help`} className="field-help">
        {value
          ? `Exam mode is on for ${formatStudyDay(value)}: new cards are paced so you see every card before it, and reviews put what is most at risk on that day first.`
          : 'With an exam date, new cards are paced so you see every card before it, and Home forecasts your recall on the day.'}
      </p>
      {error && (
        <p className="message-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Retention, daily limits and the exam date. */
export function StudySettings({ settings, save }: Props) {
  return (
    <section className="panel settings-section" aria-labelledby="settings-study-title">
      <h2 id="settings-study-title">Study</h2>
      <RetentionField value={settings.desiredRetention} save={save} />
      <div className="field-pair">
        <LimitField
          label="New cards a day"
          help="How many unseen cards each day brings in. An exam date may raise it."
          value={settings.newCardsPerDay}
          max={9999}
          what="New cards a day"
          toUpdate={(newCardsPerDay) => ({ newCardsPerDay })}
          save={save}
        />
        <LimitField
          label="Reviews a day"
          help="The most reviews a day asks of you; the most overdue come first."
          value={settings.reviewsPerDay}
          max={99999}
          what="Reviews a day"
          toUpdate={(reviewsPerDay) => ({ reviewsPerDay })}
          save={save}
        />
      </div>
      <ExamDateField value={settings.examDate} save={save} />
      <BurySiblingsField value={settings.burySiblings} save={save} />
    </section>
  );
}
