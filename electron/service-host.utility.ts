import type { MessagePortMain } from 'electron';
import { jobWorkerEntry } from '../services/host/entries.ts';
import type { HostInbound } from '../services/host/protocol.ts';
import { ServiceHost, serveHost } from '../services/host/service-host.ts';
import { OptimiserRelayClient } from '../services/optimiser/relayed-child.ts';

// The entry of Electron's utility process that runs the services (service-host.main.ts starts
// it). The main process hands over one end of a MessageChannelMain; every call comes through it.
// Its parent port then carries the optimiser relay: this process cannot fork, so main starts the
// optimiser for it (services/optimiser/relay-protocol.ts).
const optimiser = new OptimiserRelayClient((request) => process.parentPort.postMessage(request));

process.parentPort.on('message', (event) => {
  if (event.data !== 'port') {
    optimiser.receive(event.data, event.ports);
    return;
  }
  const port: MessagePortMain | undefined = event.ports[0];
  if (!port) throw new Error('The services process expects a message port first.');
  serveHost(
    {
      // Electron's ports move only ports; the rare large answer is copied.
      post: (message) => port.postMessage(message),
      onMessage: (listener) =>
        port.on('message', (message) => listener(message.data as HostInbound)),
    },
    new ServiceHost(jobWorkerEntry, optimiser.launch),
    () => process.exit(0),
  );
  port.start();
});
