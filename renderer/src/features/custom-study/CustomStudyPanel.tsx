import './custom-study.css';
import { useEffect, useId, useState, type SyntheticEvent } from 'react';
import {
  customStudyLimits,
  type CustomStudyOptions,
} from '../../../../shared/contract/custom-study.ts';
import { Button } from '../../components/Button.tsx';
import { percent, plural } from '../../components/format.ts';
import { RadioCard } from '../../components/RadioCard.tsx';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { clamp, initialDraft, sessionRequest, type Draft } from './model.ts';
import { useCustomStudy } from './store.ts';

interface Props {
  /** The panel's heading: "Custom study" where it is offered, something else on its own screen. */
  readonly title?: string;
  /** After extra new cards were allowed: where studying them happens. */
  readonly onExtraNew: () => void;
  /** After a session started: where it runs. */
  readonly onStarted: () => void;
}

/** The custom study choices (Anki's): extra new cards, review ahead, cram, weak topics. */
export function CustomStudyPanel({ title = 'Custom study', onExtraNew, onStarted }: Props) {
  const options = useCustomStudy((s) => s.options);
  const optionsError = useCustomStudy((s) => s.optionsError);
  const loadOptions = useCustomStudy((s) => s.loadOptions);
  const start = useCustomStudy((s) => s.start);
  const addExtraNew = useCustomStudy((s) => s.addExtraNew);
  const busy = useCustomStudy((s) => s.busy);
  const message = useCustomStudy((s) => s.message);
  const [draft, setDraft] = useState(initialDraft);
  const [extraError, setExtraError] = useState<string>();
  const ids = { title: useId(), detail: useId() };

  useEffect(() => {
    void loadOptions();
  }, [loadOptions]);

  const change = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (!options) return;
    const request = sessionRequest(draft, options);
    if (request) {
      if (await start(request)) onStarted();
      return;
    }
    try {
      setExtraError(undefined);
      await addExtraNew(clamp(draft.extraNew, customStudyLimits.extraNewCards));
      onExtraNew();
    } catch (error) {
      setExtraError(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <section className="panel cs-panel" aria-labelledby={ids.title}>
      <h2 id={ids.title}>{title}</h2>
      {optionsError && <ErrorMessage error={optionsError} onRetry={() => void loadOptions()} />}
      {!options && !optionsError && <Loading label="Loading the choices…" />}
      {options && (
        <form onSubmit={(e) => void submit(e)}>
          <fieldset className="cs-fieldset">
            <legend>What to study</legend>
            <div className="cs-choices">
              <RadioCard
                name="cs-choice"
                value="extra-new"
                title="Extra new cards today"
                description={`Raise today’s new-card limit; tomorrow it is your setting again. ${plural(options.unseen, 'new card')} not yet seen.`}
                checked={draft.choice === 'extra-new'}
                onSelect={() => change({ choice: 'extra-new' })}
              />
              <RadioCard
                name="cs-choice"
                value="review-ahead"
                title="Review ahead"
                description="Cards due in the next days, soonest first. Real reviews: each answer reschedules the card."
                checked={draft.choice === 'review-ahead'}
                onSelect={() => change({ choice: 'review-ahead' })}
              />
              <RadioCard
                name="cs-choice"
                value="cram-topic"
                title="Cram a topic"
                description="Go through every card of a topic. Your schedule does not change."
                checked={draft.choice === 'cram-topic'}
                onSelect={() => change({ choice: 'cram-topic' })}
              />
              {options.pathways.length > 0 && (
                <RadioCard
                  name="cs-choice"
                  value="cram-pathway"
                  title="Cram a pathway"
                  description="The cards behind one pathway’s links. Your schedule does not change."
                  checked={draft.choice === 'cram-pathway'}
                  onSelect={() => change({ choice: 'cram-pathway' })}
                />
              )}
              {options.flags.length > 0 && (
                <RadioCard
                  name="cs-choice"
                  value="cram-flag"
                  title="Cram a flag"
                  description="The cards you flagged in one colour in Browse. Your schedule does not change."
                  checked={draft.choice === 'cram-flag'}
                  onSelect={() => change({ choice: 'cram-flag' })}
                />
              )}
              <RadioCard
                name="cs-choice"
                value="cram-forgotten"
                title="Cram forgotten cards"
                description="Cards you answered Again recently. Your schedule does not change."
                checked={draft.choice === 'cram-forgotten'}
                onSelect={() => change({ choice: 'cram-forgotten' })}
              />
              {options.weakTopics.length > 0 && (
                <RadioCard
                  name="cs-choice"
                  value="weak-topics"
                  title="Weak topics"
                  description={`Cram your lowest-mastery topics: ${options.weakTopics
                    .map((t) => `${t.title} (${percent(t.mastery)})`)
                    .join(', ')}. Your schedule does not change.`}
                  checked={draft.choice === 'weak-topics'}
                  onSelect={() => change({ choice: 'weak-topics' })}
                />
              )}
            </div>
          </fieldset>
          <div className="cs-start">
            <Detail draft={draft} options={options} id={ids.detail} onChange={change} />
            <Button type="submit" variant="primary" disabled={busy}>
              {draft.choice === 'extra-new' ? 'Add new cards' : busy ? 'Starting…' : 'Start'}
            </Button>
          </div>
          {(message ?? extraError) && (
            <p
              className={`cs-message${message?.kind === 'info' ? '' : ' message-error'}`}
              role={message?.kind === 'info' ? 'status' : 'alert'}
            >
              {message?.text ?? extraError}
            </p>
          )}
        </form>
      )}
    </section>
  );
}

interface DetailProps {
  readonly draft: Draft;
  readonly options: CustomStudyOptions;
  readonly id: string;
  readonly onChange: (patch: Partial<Draft>) => void;
}

/** The one setting the chosen kind of session takes. */
function Detail({ draft, options, id, onChange }: DetailProps) {
  const number = (label: string, value: number, max: number, set: (n: number) => void) => (
    <div className="cs-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={max}
        value={Number.isFinite(value) ? value : ''}
        onChange={(e) => set(e.target.valueAsNumber)}
        onBlur={() => set(clamp(value, max))}
      />
    </div>
  );
  const select = (
    label: string,
    value: string,
    choices: CustomStudyOptions['topics'],
    set: (id: string) => void,
  ) => (
    <div className="cs-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value || (choices[0]?.id ?? '')} onChange={(e) => set(e.target.value)}>
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.title} ({plural(choice.cards, 'card')})
          </option>
        ))}
      </select>
    </div>
  );
  switch (draft.choice) {
    case 'extra-new':
      return number('Extra new cards', draft.extraNew, customStudyLimits.extraNewCards, (n) =>
        onChange({ extraNew: n }),
      );
    case 'review-ahead':
      return number('Days ahead', draft.aheadDays, customStudyLimits.days, (n) =>
        onChange({ aheadDays: n }),
      );
    case 'cram-topic':
      return select('Topic', draft.topicId, options.topics, (topicId) => onChange({ topicId }));
    case 'cram-pathway':
      return select('Pathway', draft.pathwayId, options.pathways, (pathwayId) =>
        onChange({ pathwayId }),
      );
    case 'cram-flag':
      return select('Flag', draft.flag, options.flags, (flag) => onChange({ flag }));
    case 'cram-forgotten':
      return number(
        'Forgotten in the last (days)',
        draft.forgottenDays,
        customStudyLimits.days,
        (n) => onChange({ forgottenDays: n }),
      );
    case 'weak-topics':
      return null;
  }
}
