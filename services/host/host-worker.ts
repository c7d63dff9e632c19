import { parentPort } from 'node:worker_threads';
import { forkOptimiser } from '../optimiser/optimiser-process.ts';
import { jobWorkerEntry } from './entries.ts';
import type { HostInbound } from './protocol.ts';
import { ServiceHost, serveHost } from './service-host.ts';

// The entry of the service host's worker thread (the preview's; Electron uses a utility process).
const port = parentPort;
if (!port) throw new Error('host-worker.ts runs as a worker thread.');
serveHost(
  {
    post: (message, transfer = []) => port.postMessage(message, [...transfer]),
    onMessage: (listener) => port.on('message', (message: HostInbound) => listener(message)),
  },
  new ServiceHost(jobWorkerEntry, forkOptimiser),
  // Closed: let the thread end (the services hold no timer that keeps it alive).
  () => port.close(),
);
