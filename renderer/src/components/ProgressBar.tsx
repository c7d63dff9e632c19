interface Props {
  readonly label: string;
  readonly value: number;
  readonly max: number;
  /** Visible text next to the bar, e.g. "3 of 20". */
  readonly text?: string;
}

export function ProgressBar({ label, value, max, text }: Props) {
  const percent = max > 0 ? Math.round((Math.min(value, max) / max) * 100) : 0;
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={Math.min(value, max)}
        aria-valuetext={text ?? `${percent}%`}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      {text && <span className="progress-text">{text}</span>}
    </div>
  );
}
