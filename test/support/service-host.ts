import type { Envelope } from '../../shared/contract/index.ts';
import type { ServiceHostClient } from '../../services/host/host-client.ts';
import type { HostOpenOptions } from '../../services/host/protocol.ts';
import { startWorkerHost } from '../../services/host/worker-host.ts';
import { runHistory } from './history.ts';
import { onCleanup, tempDir } from './test-scope.ts';
import { openTestServices, testHostOptions } from './test-services.ts';

/** TEST-ONLY: the service host on a worker thread, as the preview runs it, closed after the test. */
export async function openHost(
  dataDir = tempDir('host'),
  options: Partial<HostOpenOptions> = {},
): Promise<ServiceHostClient> {
  const host = await startWorkerHost({ ...testHostOptions(dataDir), ...options });
  onCleanup(() => host.close());
  return host;
}

export const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

export const envelopeOf = (bytes: Uint8Array) =>
  JSON.parse(new TextDecoder().decode(bytes)) as Envelope<unknown>;

/** The value of an envelope that must have succeeded. */
export function valueOf(envelope: Envelope<unknown>): unknown {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

/** A progress file with a small real history, made by services in this thread. */
export function progressFile(): string {
  const source = openTestServices();
  runHistory(source, 7, 60);
  return source.data.exportDocument().content;
}
