import { useId } from 'react';
import './radio-card.css';

interface RadioCardProps {
  /** The radio group's name. */
  readonly name: string;
  readonly value: string;
  readonly title: string;
  readonly description: string;
  readonly checked: boolean;
  readonly onSelect: () => void;
}

/** One choice of a radio group, drawn as a card: its title, and a line on what it does. */
export function RadioCard({ name, value, title, description, checked, onSelect }: RadioCardProps) {
  const titleId = useId();
  const descriptionId = useId();
  return (
    <label className={`radio-card${checked ? ' radio-card-checked' : ''}`}>
      <input
        type="radio"
        name={name}
        value={value}
        checked={checked}
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        onChange={onSelect}
      />
      <span id={titleId} className="radio-card-title">
        {title}
      </span>
      <span id={descriptionId} className="radio-card-description">
        {description}
      </span>
    </label>
  );
}
