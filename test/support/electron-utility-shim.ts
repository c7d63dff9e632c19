import { EventEmitter } from 'node:events';
import { workerData, type MessagePort } from 'node:worker_threads';

/**
 * TEST-ONLY, run as a worker thread: what Electron gives its utility process, in plain Node. A
 * `process.parentPort` whose first message hands over a port shaped like Electron's
 * MessagePortMain (each message arrives as `{ data }`), then electron/service-host.utility.ts
 * itself, unchanged.
 */
const parentPort = new EventEmitter();
Object.assign(process, { parentPort });
await import('../../electron/service-host.utility.ts');

const { port } = workerData as { port: MessagePort };
const messagePortMain = {
  on: (event: 'message', listener: (message: { data: unknown }) => void) =>
    port.on(event, (data: unknown) => listener({ data })),
  postMessage: (message: unknown) => port.postMessage(message),
  start: () => port.start(),
};
parentPort.emit('message', { data: 'port', ports: [messagePortMain] });
