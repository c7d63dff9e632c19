import type { LaunchOptimiser, OptimiserChild } from './optimiser-process.ts';
import type { OptimiseRequest } from './protocol.ts';
import {
  entryNameOf,
  isRelayAnswer,
  type RelayAnswer,
  type RelayPort,
  type RelayRequest,
} from './relay-protocol.ts';

/**
 * The services' side of Electron's optimiser relay (relay-protocol.ts): a LaunchOptimiser whose
 * child is a utility process that the main process starts, reached through the port main hands
 * back. The child has ended once main has reported its exit and its port has closed, so every
 * message it sent before ending has been read.
 */
export class OptimiserRelayClient {
  readonly #post: (request: RelayRequest) => void;
  #current: RelayedChild | undefined;
  /** Settles once the last launched child has ended: main runs one optimiser at a time. */
  #previousEnded: Promise<void> = Promise.resolve();

  /** `post`: to the main process, over the services process's parent port. */
  constructor(post: (request: RelayRequest) => void) {
    this.#post = post;
  }

  readonly launch: LaunchOptimiser = (entry) => {
    const child = new RelayedChild(this.#post);
    // A run may start as the last one's process is still ending: it starts once that has ended.
    void this.#previousEnded.then(() => {
      if (child.ended) return;
      this.#current = child;
      child.started = true;
      this.#post({ kind: 'optimiser-start', entry: entryNameOf(entry) });
    });
    this.#previousEnded = child.whenEnded;
    return child;
  };

  /** A message from the main process; `ports` are the ones that came with it. */
  receive(data: unknown, ports: readonly RelayPort[]): void {
    if (!isRelayAnswer(data)) return;
    this.#current?.answer(data, ports[0]);
  }
}

class RelayedChild implements OptimiserChild {
  readonly #post: (request: RelayRequest) => void;
  readonly #messageListeners: ((message: unknown) => void)[] = [];
  readonly #exitListeners: ((how: string) => void)[] = [];
  readonly #unsent: OptimiseRequest[] = [];
  #port: RelayPort | undefined;
  #portOpen = false;
  #exit: string | undefined;
  #stderrTail = '';
  #markEnded = (): void => undefined;
  readonly whenEnded = new Promise<void>((resolve) => {
    this.#markEnded = resolve;
  });
  started = false;
  ended = false;

  constructor(post: (request: RelayRequest) => void) {
    this.#post = post;
  }

  send(request: OptimiseRequest): void {
    if (this.#port) this.#port.postMessage(request);
    else this.#unsent.push(request);
  }

  onMessage(listener: (message: unknown) => void): void {
    this.#messageListeners.push(listener);
  }

  onExit(listener: (how: string) => void): void {
    this.#exitListeners.push(listener);
  }

  stderrTail(): string {
    return this.#stderrTail;
  }

  kill(): void {
    if (this.ended || this.#exit !== undefined) return;
    if (this.started) this.#post({ kind: 'optimiser-kill' });
    else this.refused('stopped before it started');
  }

  answer(answer: RelayAnswer, port: RelayPort | undefined): void {
    if (answer.kind === 'optimiser-refused') {
      this.refused(answer.reason);
    } else if (answer.kind === 'optimiser-exit') {
      this.#stderrTail = answer.stderrTail;
      this.#exit = answer.how;
      this.#endWhenRead();
    } else if (port && !this.#port) {
      this.#connect(port);
    }
  }

  /** Main would not start it: it ends before it began. */
  refused(reason: string): void {
    this.#exit = `not started: ${reason}`;
    queueMicrotask(() => this.#endWhenRead());
  }

  #connect(port: RelayPort): void {
    this.#port = port;
    this.#portOpen = true;
    port.on('message', (event) => {
      for (const listener of this.#messageListeners) listener(event.data);
    });
    port.on('close', () => {
      this.#portOpen = false;
      // The optimiser closes its end once it has answered: make sure its process ends too.
      if (this.#exit === undefined) this.#post({ kind: 'optimiser-kill' });
      this.#endWhenRead();
    });
    port.start();
    for (const request of this.#unsent.splice(0)) port.postMessage(request);
  }

  #endWhenRead(): void {
    const how = this.#exit;
    if (this.ended || how === undefined || this.#portOpen) return;
    this.ended = true;
    this.#markEnded();
    this.#port?.close();
    for (const listener of this.#exitListeners) listener(how);
  }
}
