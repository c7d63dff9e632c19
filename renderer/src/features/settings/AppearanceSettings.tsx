import type { Settings, SettingsUpdate } from '../../../../shared/contract/settings.ts';

interface Choice<V extends string> {
  readonly value: V;
  readonly label: string;
}

function RadioGroup<V extends string>({
  legend,
  name,
  value,
  choices,
  help,
  onChange,
}: {
  readonly legend: string;
  readonly name: string;
  readonly value: V;
  readonly choices: readonly Choice<V>[];
  readonly help: string;
  readonly onChange: (value: V) => void;
}) {
  return (
    <fieldset className="field choice-group">
      <legend>{legend}</legend>
      <div className="choices">
        {choices.map((choice) => (
          <label key={choice.value} className="choice">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            {choice.label}
          </label>
        ))}
      </div>
      <p className="field-help">{help}</p>
    </fieldset>
  );
}

const themes: readonly Choice<Settings['theme']>[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];
const motions: readonly Choice<Settings['reducedMotion']>[] = [
  { value: 'system', label: 'System' },
  { value: 'on', label: 'On' },
  { value: 'off', label: 'Off' },
];

/** Theme and reduced motion, applied to the whole app as soon as chosen. */
export function AppearanceSettings({
  settings,
  save,
}: {
  readonly settings: Settings;
  readonly save: (update: SettingsUpdate, what: string) => Promise<string | undefined>;
}) {
  return (
    <section className="panel settings-section" aria-labelledby="settings-appearance-title">
      <h2 id="settings-appearance-title">Appearance</h2>
      <div className="field-pair">
        <RadioGroup
          legend="Theme"
          name="theme"
          value={settings.theme}
          choices={themes}
          help="System follows your computer’s light or dark setting."
          onChange={(theme) => void save({ theme }, 'Theme')}
        />
        <RadioGroup
          legend="Reduced motion"
          name="reduced-motion"
          value={settings.reducedMotion}
          choices={motions}
          help="On stops animations and moving diagrams; System follows your computer’s setting."
          onChange={(reducedMotion) => void save({ reducedMotion }, 'Reduced motion')}
        />
      </div>
    </section>
  );
}
