import { describe, expect, it } from 'vitest';
import { MessageChannel, Worker } from 'node:worker_threads';
import { ServiceHostClient, type HostEndpoint } from '../../services/host/host-client.ts';
import type { HostOutbound } from '../../services/host/protocol.ts';
import { onCleanup, tempDir } from '../support/test-scope.ts';
import { bundledPacksDir } from '../support/test-services.ts';

/**
 * Electron's service host entry (electron/service-host.utility.ts) cannot run in Electron here
 * (no binary): it runs in a worker thread behind an Electron-shaped parent port, and answers the
 * same client the main process uses.
 */
const shim = new URL('../support/electron-utility-shim.ts', import.meta.url);

describe("Electron's service host entry", () => {
  it('takes its port from the parent, serves calls and jobs through it, and exits once closed', async () => {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(shim, { workerData: { port: port2 }, transferList: [port2] });
    const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
    onCleanup(async () => {
      port1.close();
      await worker.terminate();
    });
    const endpoint: HostEndpoint = {
      end: () => void worker.terminate(),
      post: (message) => port1.postMessage(message),
      onMessage: (listener) => port1.on('message', (message: HostOutbound) => listener(message)),
      onExit: (listener) => void exited.then((code) => listener(`exit code ${code}`)),
    };
    const host = await ServiceHostClient.open(endpoint, {
      dataDir: tempDir('electron-host'),
      dataDirKind: 'test',
      transport: 'electron',
      bundledPacksDir,
      appVersion: '0.0.0-test',
      dailyBackupDelayMs: null,
    });
    expect(await host.dispatch('app.info', undefined)).toMatchObject({
      ok: true,
      value: { transport: 'electron' },
    });
    // On a job thread started from the entry's own folder.
    expect(await host.dispatch('data.export', undefined)).toMatchObject({
      ok: true,
      value: { counts: { events: 0 } },
    });
    await host.close();
    expect(await exited).toBe(0);
  });
});
