import type { DiagramNode } from './model/diagram.ts';

/** A labelled drop-down of a diagram's nodes, by name. */
export function NodeSelect({
  id,
  label,
  nodes,
  value,
  onChange,
}: {
  readonly id: string;
  readonly label: string;
  readonly nodes: readonly DiagramNode[];
  readonly value: string;
  readonly onChange: (nodeId: string) => void;
}) {
  return (
    <div className="pw-field-row">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {nodes.map((n) => (
          <option key={n.id} value={n.id}>
            {n.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface RadioChoice<T extends string> {
  readonly value: T;
  readonly label: string;
  /** Shown on hover: what the choice means. */
  readonly title?: string;
}

/** A fieldset of radio buttons: one of a few choices, named by its legend. */
export function RadioChoices<T extends string>({
  legend,
  name,
  choices,
  value,
  onChange,
}: {
  readonly legend: string;
  readonly name: string;
  readonly choices: readonly RadioChoice<T>[];
  readonly value: T;
  readonly onChange: (value: T) => void;
}) {
  return (
    <fieldset className="pw-radios">
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value} title={choice.title}>
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
    </fieldset>
  );
}
