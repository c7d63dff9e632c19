import type { ReactNode } from 'react';

export function Loading({ label = 'Loading…' }: { readonly label?: string }) {
  return (
    <p className="muted" role="status" aria-live="polite">
      {label}
    </p>
  );
}

/** A failure from main, shown as a message with an optional retry; never a blank screen. */
export function ErrorMessage({
  error,
  onRetry,
}: {
  readonly error: unknown;
  readonly onRetry?: () => void;
}) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className="panel error-panel">
      <p>{message}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function EmptyState({
  title,
  children,
}: {
  readonly title: string;
  readonly children?: ReactNode;
}) {
  return (
    <div className="panel empty-state">
      <h2>{title}</h2>
      {children}
    </div>
  );
}
