import { buildClientApi, type Invoke } from '../../../shared/contract/client-api.ts';
import type { ClientApi, PreloadApi } from '../../../shared/contract/index.ts';
import { createHttpInvoke, takePreviewToken } from './http.ts';

declare global {
  interface Window {
    /** Present only inside Electron, exposed by the preload. */
    readonly pathwise?: PreloadApi;
  }
}

export type Transport = 'electron' | 'http';

type PreloadFunctions = Record<
  string,
  Record<string, ((request: unknown) => ReturnType<Invoke>) | undefined> | undefined
>;

/** Picks the transport once at start: the preload API inside Electron, otherwise the preview's HTTP. */
export function connect(): { api: ClientApi; transport: Transport } {
  const preload = window.pathwise as unknown as PreloadFunctions | undefined;
  if (preload) {
    const invoke: Invoke = (channel, request) => {
      const [domain = '', verb = ''] = channel.split('.');
      const fn = preload[domain]?.[verb];
      if (!fn)
        return Promise.resolve({ ok: false, error: { code: 'unknown-channel', message: channel } });
      return fn(request);
    };
    return { transport: 'electron', api: buildClientApi(invoke) };
  }
  return { transport: 'http', api: buildClientApi(createHttpInvoke(takePreviewToken())) };
}
