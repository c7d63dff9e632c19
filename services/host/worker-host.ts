import { Worker } from 'node:worker_threads';
import { hostWorkerEntry } from './entries.ts';
import { ServiceHostClient, type HostEndpoint } from './host-client.ts';
import type { HostOpenOptions, HostOutbound } from './protocol.ts';

/**
 * Starts the service host on a worker thread and opens the services there (the preview's
 * layout): the calling thread keeps answering while SQLite, imports and backups run on others.
 */
export function startWorkerHost(options: HostOpenOptions): Promise<ServiceHostClient> {
  return ServiceHostClient.open(workerEndpoint(new Worker(hostWorkerEntry)), options);
}

/** A worker thread running host-worker.ts, as a host endpoint. */
export function workerEndpoint(worker: Worker): HostEndpoint {
  return {
    end: () => void worker.terminate(),
    post: (message, transfer = []) => worker.postMessage(message, [...transfer]),
    onMessage: (listener) => worker.on('message', (message: HostOutbound) => listener(message)),
    onExit: (listener) => {
      let error: unknown;
      worker.once('error', (thrown: unknown) => (error = thrown));
      worker.once('exit', (code) =>
        listener(
          error instanceof Error ? `${error.message}, exit code ${code}` : `exit code ${code}`,
        ),
      );
    },
  };
}
