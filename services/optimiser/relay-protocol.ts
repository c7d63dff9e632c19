/**
 * Electron's optimiser relay: the services' utility process cannot fork (the runAsNode fuse is
 * off), so it asks the main process, over its parent port, to start the optimiser as a utility
 * process of its own. Main answers with one end of a message channel whose other end the
 * optimiser holds, tells how the process ended, and kills it on request. Plain data, checked on
 * arrival: main trusts nothing a message names.
 */

/**
 * The optimiser's entry, named without its extension (optimiser-child.ts from source, a bundle
 * when built): the only one main will start, from its own file beside main.js.
 */
export const optimiserEntryName = 'optimiser-child';

/** The entry's name as the services know it, from its URL: `optimiser-child` or another. */
export function entryNameOf(entry: URL): string {
  const file = entry.pathname.split('/').pop() ?? '';
  return file.replace(/\.[cm]?[jt]s$/, '');
}

/** From the services process to main. */
export type RelayRequest =
  | { readonly kind: 'optimiser-start'; readonly entry: string }
  | { readonly kind: 'optimiser-kill' };

/** From main to the services process; `optimiser-port` comes with the port. */
export type RelayAnswer =
  | { readonly kind: 'optimiser-port' }
  | { readonly kind: 'optimiser-refused'; readonly reason: string }
  | { readonly kind: 'optimiser-exit'; readonly how: string; readonly stderrTail: string };

/** A message port as Electron's MessagePortMain presents it (an EventEmitter of MessageEvents). */
export interface RelayPort {
  on(event: 'message', listener: (event: { readonly data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  postMessage(message: unknown): void;
  start(): void;
  close(): void;
}

export const stderrKept = 4096;

/** What the process wrote last, at most `stderrKept` characters of it. */
export function keepTail(tail: string, chunk: string): string {
  return (tail + chunk).slice(-stderrKept);
}

/** A request main may act on, or the reason it refuses. Only the bundled entry is ever started. */
export function checkRelayRequest(
  value: unknown,
):
  | { readonly ok: true; readonly request: RelayRequest }
  | { readonly ok: false; readonly reason: string } {
  if (typeof value !== 'object' || value === null || !('kind' in value)) {
    return { ok: false, reason: 'not an optimiser request' };
  }
  if (value.kind === 'optimiser-kill') return { ok: true, request: { kind: 'optimiser-kill' } };
  if (value.kind !== 'optimiser-start') return { ok: false, reason: 'not an optimiser request' };
  const entry = 'entry' in value ? value.entry : undefined;
  if (entry !== optimiserEntryName) {
    return { ok: false, reason: `only the bundled ${optimiserEntryName} is started` };
  }
  return { ok: true, request: { kind: 'optimiser-start', entry } };
}

export function isRelayAnswer(value: unknown): value is RelayAnswer {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return false;
  return ['optimiser-port', 'optimiser-refused', 'optimiser-exit'].includes(String(value.kind));
}
