import type { Operation } from './operation.ts';

/**
 * The state of a long action, in a live region: a busy indicator while it runs, then what it did
 * or why it failed (with located problems, if any).
 */
export function OperationMessage({
  operation,
  label,
}: {
  readonly operation: Operation;
  readonly label: string;
}) {
  return (
    <div className="operation">
      <div role="status">
        {operation.kind === 'working' && (
          <p className="operation-working">
            <progress aria-label={label} />
            <span>{operation.text}</span>
          </p>
        )}
        {operation.kind === 'done' && (
          <div className="operation-done">
            <p className="message-success">{operation.text}</p>
            <Details lines={operation.details} />
          </div>
        )}
      </div>
      {operation.kind === 'failed' && (
        <div role="alert" className="operation-failed panel error-panel">
          <p className="message-error">{operation.text}</p>
          <Details lines={operation.details} />
        </div>
      )}
    </div>
  );
}

function Details({ lines }: { readonly lines: readonly string[] | undefined }) {
  if (!lines || lines.length === 0) return null;
  return (
    <ul className="operation-details">
      {lines.map((line, index) => (
        <li key={`${index}-${line}`}>{line}</li>
      ))}
    </ul>
  );
}
