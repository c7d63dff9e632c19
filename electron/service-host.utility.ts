import type { MessagePortMain } from 'electron';
import { jobWorkerEntry } from '../services/host/entries.ts';
import type { HostInbound } from '../services/host/protocol.ts';
import { ServiceHost, serveHost } from '../services/host/service-host.ts';

// The entry of Electron's utility process that runs the services (service-host.main.ts starts
// it). The main process hands over one end of a MessageChannelMain; every call comes through it.
process.parentPort.once('message', (event) => {
  const port: MessagePortMain | undefined = event.ports[0];
  if (!port) throw new Error('The services process expects a message port first.');
  serveHost(
    {
      // Electron's ports move only ports; the rare large answer is copied.
      post: (message) => port.postMessage(message),
      onMessage: (listener) =>
        port.on('message', (message) => listener(message.data as HostInbound)),
    },
    new ServiceHost(jobWorkerEntry),
    () => process.exit(0),
  );
  port.start();
});
