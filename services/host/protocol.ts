import type { Envelope } from '../../shared/contract/index.ts';
import type { AppServicesOptions } from '../app-services.ts';

/**
 * The messages between a transport (Electron's main process, the preview's HTTP thread) and the
 * service host (a utility process, a worker thread). Plain data, so any message port carries it.
 */

/** What the host opens the services with; the clock is the real one, the job threads its own. */
export type HostOpenOptions = Omit<AppServicesOptions, 'now' | 'jobs'>;

export type HostInbound =
  | { readonly kind: 'open'; readonly options: HostOpenOptions }
  /** A contract call: a payload already parsed (Electron IPC), or the JSON bytes (HTTP). */
  | {
      readonly kind: 'call';
      readonly id: number;
      readonly channel: string;
      readonly payload?: unknown;
      readonly body?: Uint8Array;
    }
  /**
   * The sync folder the learner picked in Electron's folder dialog: only the main process sends
   * it (no contract channel carries a path). Answered with `reply`: the sync status.
   */
  | { readonly kind: 'set-sync-folder'; readonly id: number; readonly folder: string }
  /** Flush, close SQLite and release the data folder's lock, then answer `closed`. */
  | { readonly kind: 'close' };

export type HostOutbound =
  | { readonly kind: 'ready' }
  /** The services could not open (folder in use, broken bundled pack): the app cannot start. */
  | { readonly kind: 'start-failed'; readonly message: string }
  /** The answer to a call that came with a payload. */
  | { readonly kind: 'reply'; readonly id: number; readonly envelope: Envelope<unknown> }
  /** The answer to a call that came as JSON bytes: the envelope as JSON bytes. */
  | {
      readonly kind: 'reply-json';
      readonly id: number;
      readonly json: Uint8Array;
      readonly malformed: boolean;
    }
  | { readonly kind: 'closed' };

/** Either side of a message channel, whatever carries it. */
export interface HostPort<In, Out> {
  post(message: Out, transfer?: readonly ArrayBuffer[]): void;
  onMessage(listener: (message: In) => void): void;
}
