import { checkRelayRequest, keepTail, type RelayAnswer } from './relay-protocol.ts';

/**
 * The main process's side of the optimiser relay (relay-protocol.ts), apart from Electron so Node
 * can test it: electron/optimiser-relay.main.ts binds it to utilityProcess and MessageChannelMain.
 */

/** The optimiser's process as main sees it. */
export interface RelayedProcess<Port> {
  /** Hands the optimiser its end of the channel to the services. */
  givePort(port: Port): void;
  onStderr(listener: (chunk: string) => void): void;
  /** Once, when the process has ended: `exit code 1`, `signal SIGABRT`. */
  onExit(listener: (how: string) => void): void;
  kill(): void;
}

export interface RelayHost<Port> {
  /** Starts the bundled optimiser entry; main names it, never a message. */
  fork(): RelayedProcess<Port>;
  /** A new channel: the optimiser's end, and the services' end. */
  channel(): { readonly optimiser: Port; readonly services: Port };
  toServices(answer: RelayAnswer, port?: Port): void;
}

/** Answers the services' requests: at most one optimiser at a time, killed when they ask. */
export function createOptimiserRelay<Port>(host: RelayHost<Port>): (message: unknown) => void {
  let running: RelayedProcess<Port> | undefined;
  const start = (): void => {
    if (running) {
      host.toServices({ kind: 'optimiser-refused', reason: 'an optimiser is already running' });
      return;
    }
    let child: RelayedProcess<Port>;
    try {
      child = host.fork();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      host.toServices({ kind: 'optimiser-refused', reason: `it could not start: ${reason}` });
      return;
    }
    running = child;
    let stderrTail = '';
    child.onStderr((chunk) => {
      stderrTail = keepTail(stderrTail, chunk);
    });
    child.onExit((how) => {
      if (running === child) running = undefined;
      host.toServices({ kind: 'optimiser-exit', how, stderrTail });
    });
    const { optimiser, services } = host.channel();
    child.givePort(optimiser);
    host.toServices({ kind: 'optimiser-port' }, services);
  };
  return (message) => {
    const checked = checkRelayRequest(message);
    if (!checked.ok) {
      host.toServices({ kind: 'optimiser-refused', reason: checked.reason });
    } else if (checked.request.kind === 'optimiser-start') {
      start();
    } else {
      running?.kill();
    }
  };
}
