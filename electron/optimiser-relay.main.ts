import { MessageChannelMain, utilityProcess, type UtilityProcess } from 'electron';
import path from 'node:path';
import { createOptimiserRelay } from '../services/optimiser/relay-main.ts';

/**
 * Starts the FSRS optimiser when the services process asks (services/optimiser/relay-main.ts
 * decides; this only binds it to Electron): the bundled entry beside main.js (scripts/build.ts),
 * never a path from a message, as a utility process of its own, so its native code's abort never
 * reaches the services.
 */
export function relayOptimiser(mainDir: string, services: UtilityProcess): void {
  const relay = createOptimiserRelay({
    fork: () => {
      const child = utilityProcess.fork(path.join(mainDir, 'optimiser-child.cjs'), [], {
        serviceName: 'Pathwise optimiser',
        stdio: 'pipe',
      });
      child.stdout?.resume();
      child.stderr?.setEncoding('utf8');
      return {
        givePort: (port) => child.postMessage('port', [port]),
        onStderr: (listener) => child.stderr?.on('data', listener),
        // Electron reports a crash as a non-zero exit code; a signal has no separate field.
        onExit: (listener) => child.once('exit', (code) => listener(`exit code ${code}`)),
        kill: () => child.kill(),
      };
    },
    channel: () => {
      const { port1, port2 } = new MessageChannelMain();
      return { optimiser: port1, services: port2 };
    },
    toServices: (answer, port) => services.postMessage(answer, port ? [port] : []),
  });
  services.on('message', relay);
}
