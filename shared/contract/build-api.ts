import type { ChannelName, PreloadApi } from './index.ts';
import { channelNames } from './channel-names.ts';
import type { Envelope } from './errors.ts';

/** The preload's API: one named function per contract channel, each answering an envelope. */
export function buildPreloadApi(
  invoke: (channel: ChannelName, request: unknown) => Promise<Envelope<unknown>>,
): PreloadApi {
  const api: Record<string, Record<string, (request?: unknown) => Promise<Envelope<unknown>>>> = {};
  for (const name of channelNames) {
    const [domain = '', verb = ''] = name.split('.');
    api[domain] ??= {};
    api[domain][verb] = (request?: unknown) => invoke(name, request);
  }
  return api as unknown as PreloadApi;
}
