/** A long action's state as the screen shows it: running, done (what it did) or failed (why). */
export type Operation =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working'; readonly text: string }
  | { readonly kind: 'done'; readonly text: string; readonly details?: readonly string[] }
  | { readonly kind: 'failed'; readonly text: string; readonly details?: readonly string[] };

export const idle: Operation = { kind: 'idle' };

/** Where an action reports its progress: each phase replaces the last. */
export type Report = (operation: Operation) => void;

export const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
