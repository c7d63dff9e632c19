import type { Envelope } from '../../shared/contract/index.ts';
import { bodyAnswer, type BodyAnswer, type ContractDispatcher } from '../registry.ts';
import type { HostInbound, HostOpenOptions, HostOutbound, HostPort } from './protocol.ts';

/** The transport's end of a service host: its messages, and word when it is gone. */
export interface HostEndpoint extends HostPort<HostOutbound, HostInbound> {
  /** Called once when the host's thread or process has ended, however it ended. */
  onExit(listener: (detail: string) => void): void;
  /** Ends the host's thread or process at once (after it failed to open the services). */
  end(): void;
}

/**
 * The transport's side of a service host (service-host.ts): forwards each call, matches each
 * reply to it, and reports a host that ends before it was closed (a crash) to `onCrash`, after
 * answering every call still open with `internal`. Dispatches like a HandlerRegistry, so a
 * transport cannot tell them apart.
 */
export class ServiceHostClient implements ContractDispatcher {
  readonly #endpoint: HostEndpoint;
  readonly #pending = new Map<number, (reply: Reply | undefined) => void>();
  #nextId = 1;
  #closing: ((message: HostOutbound | undefined) => void) | undefined;
  #opening: ((message: HostOutbound | undefined, detail?: string) => void) | undefined;
  #ended: string | undefined;
  #onCrash: (detail: string) => void = () => undefined;

  private constructor(endpoint: HostEndpoint) {
    this.#endpoint = endpoint;
    endpoint.onMessage((message) => this.#receive(message));
    endpoint.onExit((detail) => this.#exited(detail));
  }

  /**
   * Opens the services in the host at the other end of `endpoint`. Rejects with the host's own
   * message when they cannot open (another Pathwise holds the folder, a bundled pack is broken).
   */
  static open(endpoint: HostEndpoint, options: HostOpenOptions): Promise<ServiceHostClient> {
    const client = new ServiceHostClient(endpoint);
    return new Promise((resolve, reject) => {
      client.#opening = (message, detail) => {
        client.#opening = undefined;
        if (message?.kind === 'ready') {
          resolve(client);
          return;
        }
        client.#ended ??= 'did not start';
        endpoint.end();
        reject(
          new Error(
            message?.kind === 'start-failed'
              ? message.message
              : `The services stopped while starting (${detail ?? 'no answer'}).`,
          ),
        );
      };
      endpoint.post({ kind: 'open', options });
    });
  }

  /** Called when the host ends without having been closed. */
  onCrash(listener: (detail: string) => void): void {
    this.#onCrash = listener;
  }

  async dispatch(channel: string, payload: unknown): Promise<Envelope<unknown>> {
    const reply = await this.#call({ channel, payload });
    return reply?.kind === 'reply' ? reply.envelope : stopped(this.#ended);
  }

  /** The bytes are handed over, not copied, when they own their whole buffer. */
  async dispatchBody(channel: string, body: Uint8Array): Promise<BodyAnswer> {
    const owned = ownsBuffer(body) ? body : new Uint8Array(body);
    const reply = await this.#call({ channel, body: owned }, [owned.buffer as ArrayBuffer]);
    return reply?.kind === 'reply-json'
      ? { malformed: reply.malformed, json: reply.json }
      : bodyAnswer(stopped(this.#ended));
  }

  /** Sets the sync folder the learner picked in the main process's dialog; answers the status. */
  async setSyncFolder(folder: string): Promise<Envelope<unknown>> {
    if (this.#ended !== undefined) return stopped(this.#ended);
    const id = this.#nextId++;
    const reply = await new Promise<Reply | undefined>((resolve) => {
      this.#pending.set(id, resolve);
      this.#endpoint.post({ kind: 'set-sync-folder', id, folder });
    });
    return reply?.kind === 'reply' ? reply.envelope : stopped(this.#ended);
  }

  /** Lets the host finish a running import, close SQLite and release the folder's lock. */
  close(): Promise<void> {
    if (this.#ended !== undefined) return Promise.resolve();
    return new Promise((resolve) => {
      this.#closing = () => {
        this.#closing = undefined;
        resolve();
      };
      this.#endpoint.post({ kind: 'close' });
    });
  }

  /** Resolves with the host's reply, or with nothing when the host has ended. */
  #call(
    call: { channel: string; payload?: unknown; body?: Uint8Array },
    transfer: readonly ArrayBuffer[] = [],
  ): Promise<Reply | undefined> {
    if (this.#ended !== undefined) return Promise.resolve(undefined);
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      this.#endpoint.post({ kind: 'call', id, ...call }, transfer);
    });
  }

  #receive(message: HostOutbound): void {
    switch (message.kind) {
      case 'ready':
      case 'start-failed':
        this.#opening?.(message);
        return;
      case 'reply':
      case 'reply-json': {
        const resolve = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        resolve?.(message);
        return;
      }
      case 'closed':
        this.#closing?.(message);
        return;
    }
  }

  #exited(detail: string): void {
    if (this.#ended !== undefined) return;
    this.#ended = detail;
    for (const resolve of this.#pending.values()) resolve(undefined);
    this.#pending.clear();
    if (this.#opening) this.#opening(undefined, detail);
    else if (this.#closing) this.#closing(undefined);
    else this.#onCrash(detail);
  }
}

function ownsBuffer(bytes: Uint8Array): boolean {
  return (
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    bytes.buffer instanceof ArrayBuffer
  );
}

type Reply = Extract<HostOutbound, { kind: 'reply' | 'reply-json' }>;

function stopped(detail = 'no answer'): Envelope<never> {
  return {
    ok: false,
    error: { code: 'internal', message: `The services stopped unexpectedly (${detail}).` },
  };
}
