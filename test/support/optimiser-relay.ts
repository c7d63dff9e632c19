import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { createOptimiserRelay, type RelayHost } from '../../services/optimiser/relay-main.ts';
import type { RelayAnswer, RelayPort } from '../../services/optimiser/relay-protocol.ts';
import { OptimiserRelayClient } from '../../services/optimiser/relayed-child.ts';

// The optimiser relay without Electron: Node's worker threads stand in for utility processes and
// node:worker_threads' MessageChannel for MessageChannelMain, its ports presented as Electron
// presents them. The relay's own code (main's side and the services' side) runs unchanged, and
// the worker runs the real optimiser entry over its port.

/** A Node MessagePort as Electron's MessagePortMain presents it: messages come as events. */
export function electronLikePort(port: MessagePort): RelayPort {
  const like: RelayPort = {
    on: (event: 'message' | 'close', listener: (event: { data: unknown }) => void) => {
      if (event === 'message') port.on('message', (data: unknown) => listener({ data }));
      else port.on('close', () => listener({ data: undefined }));
      return like;
    },
    postMessage: (message: unknown) => port.postMessage(message),
    start: () => port.start(),
    close: () => port.close(),
  };
  return like;
}

const optimiserWorker = new URL('./optimiser-relay-worker.ts', import.meta.url);

/** Main's side bound to worker threads; `answers` records what it told the services. */
export function workerRelayHost(
  onAnswer: (answer: RelayAnswer, port?: MessagePort) => void,
  onFork?: (worker: Worker) => void,
): {
  readonly host: RelayHost<MessagePort>;
  readonly workers: Worker[];
} {
  const workers: Worker[] = [];
  const host: RelayHost<MessagePort> = {
    fork: () => {
      const worker = new Worker(optimiserWorker, { stderr: true });
      workers.push(worker);
      onFork?.(worker);
      worker.stderr.setEncoding('utf8');
      // Terminated before it is online, a worker reports exit code 0: kill it once it runs.
      let online = false;
      let killed = false;
      worker.once('online', () => {
        online = true;
        if (killed) void worker.terminate();
      });
      return {
        givePort: (port) => worker.postMessage({ port }, [port]),
        onStderr: (listener) => worker.stderr.on('data', listener),
        onExit: (listener) => worker.once('exit', (code) => listener(`exit code ${code}`)),
        kill: () => {
          killed = true;
          if (online) void worker.terminate();
        },
      };
    },
    channel: () => {
      const { port1, port2 } = new MessageChannel();
      return { optimiser: port1, services: port2 };
    },
    // Across a process boundary: later, and as a copy.
    toServices: (answer, port) => queueMicrotask(() => onAnswer(structuredClone(answer), port)),
  };
  return { host, workers };
}

/** The services' relay client wired to main's relay, both running here. */
export function relayedLauncher(onFork?: (worker: Worker) => void): {
  readonly client: OptimiserRelayClient;
  readonly workers: Worker[];
} {
  const { host, workers } = workerRelayHost(
    (answer, port) => client.receive(answer, port ? [electronLikePort(port)] : []),
    onFork,
  );
  const relay = createOptimiserRelay(host);
  const client = new OptimiserRelayClient((request) =>
    queueMicrotask(() => relay(structuredClone(request))),
  );
  return { client, workers };
}
