import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { ServiceHostClient } from '../services/host/host-client.ts';
import type { HostOpenOptions } from '../services/host/protocol.ts';
import { startWorkerHost } from '../services/host/worker-host.ts';
import { startPreviewServer } from './server.ts';

export interface OpenPreviewOptions {
  readonly rendererDir: string;
  readonly port: number;
  readonly services: HostOpenOptions;
}

export interface OpenPreview {
  readonly server: Server;
  readonly host: ServiceHostClient;
  readonly token: string;
  readonly port: number;
  /** Stops serving, then closes the services (flush, close SQLite, release the folder's lock). */
  close(): Promise<void>;
}

/**
 * The preview's process layout: this thread serves the renderer and forwards each contract call,
 * as its JSON bytes, to the service host on a worker thread, so it keeps answering while an
 * import or a backup runs. Rejects, with the services' own reason, when they cannot open.
 */
export async function openPreview(options: OpenPreviewOptions): Promise<OpenPreview> {
  const host = await startWorkerHost(options.services);
  const token = randomBytes(24).toString('base64url');
  let server: Server;
  try {
    server = await startPreviewServer({
      rendererDir: options.rendererDir,
      dispatcher: host,
      token,
      port: options.port,
    });
  } catch (error) {
    await host.close();
    throw error;
  }
  const address = server.address();
  return {
    server,
    host,
    token,
    port: typeof address === 'object' && address ? address.port : options.port,
    async close() {
      server.close();
      await host.close();
    },
  };
}
