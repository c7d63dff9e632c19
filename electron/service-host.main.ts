import { MessageChannelMain, utilityProcess } from 'electron';
import path from 'node:path';
import { ServiceHostClient, type HostEndpoint } from '../services/host/host-client.ts';
import type { HostOpenOptions, HostOutbound } from '../services/host/protocol.ts';
import { relayOptimiser } from './optimiser-relay.main.ts';

/**
 * Starts the services in a utility process (out/main/service-host.cjs, beside main.js) and
 * opens them there: the main process only forwards IPC, over a MessagePort, so a large import,
 * an export or a backup never holds up another window's call. Rejects, with the services' own
 * reason, when they cannot open (another Pathwise holds the folder, a bundled pack is broken).
 */
export function startServiceProcess(
  mainDir: string,
  options: HostOpenOptions,
): Promise<ServiceHostClient> {
  const child = utilityProcess.fork(path.join(mainDir, 'service-host.cjs'), [], {
    serviceName: 'Pathwise services',
    stdio: 'inherit',
  });
  relayOptimiser(mainDir, child);
  const { port1, port2 } = new MessageChannelMain();
  child.postMessage('port', [port2]);
  port1.start();
  const endpoint: HostEndpoint = {
    end: () => child.kill(),
    post: (message) => port1.postMessage(message),
    onMessage: (listener) => port1.on('message', (event) => listener(event.data as HostOutbound)),
    onExit: (listener) => child.once('exit', (code) => listener(`exit code ${code}`)),
  };
  return ServiceHostClient.open(endpoint, options);
}
