import { parentPort, type MessagePort } from 'node:worker_threads';
import { electronLikePort } from './optimiser-relay.ts';

// TEST-ONLY: a worker thread posing as Electron's optimiser utility process. It gives the real
// optimiser entry a `process.parentPort` whose first message brings the port to the services, as
// main's relay does (services/optimiser/relay-main.ts), then runs that entry unchanged.
const parent = parentPort;
if (!parent) throw new Error('optimiser-relay-worker.ts runs as a worker thread.');
process.parentPort = {
  once: (_event: 'message', listener: (event: { data: unknown; ports: unknown[] }) => void) =>
    parent.once('message', ({ port }: { port: MessagePort }) =>
      listener({ data: 'port', ports: [electronLikePort(port)] }),
    ),
} as unknown as typeof process.parentPort;
await import('../../services/optimiser/optimiser-child.ts');
