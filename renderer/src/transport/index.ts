import { buildClientApi, type Invoke } from '../../../shared/contract/client-api.ts';
import type { ClientApi, PreloadApi } from '../../../shared/contract/index.ts';
import { ContractError } from '../../../shared/contract/errors.ts';
import type { SavePdfResult, WindowPreloadApi } from '../../../shared/contract/window.ts';
import { createHttpInvoke, takePreviewToken } from './http.ts';

declare global {
  interface Window {
    /** Present only inside Electron, exposed by the preload. */
    readonly pathwise?: PreloadApi & Partial<WindowPreloadApi>;
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

/** What only the Electron window can do; absent in the preview, where the browser does it. */
export interface WindowAbilities {
  /** Saves the window's printed form as a PDF where the learner picks; rejects with a ContractError. */
  readonly savePdf: (fileStem: string) => Promise<SavePdfResult>;
}

export function connectWindow(): WindowAbilities | undefined {
  const own = window.pathwise?.window;
  if (!own) return undefined;
  return {
    savePdf: async (fileStem) => {
      const answer = await own.savePdf({ fileStem });
      if (answer.ok) return answer.value;
      throw new ContractError(answer.error.code, answer.error.message);
    },
  };
}
