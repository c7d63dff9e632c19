import { contextBridge, ipcRenderer } from 'electron';
import { buildPreloadApi } from '../shared/contract/build-api.ts';
import type { PreloadApi } from '../shared/contract/index.ts';
import type { Envelope } from '../shared/contract/define.ts';
import type {
  SavePdfResult,
  WindowChannelName,
  WindowPreloadApi,
} from '../shared/contract/window.ts';

const savePdfChannel: WindowChannelName = 'window.savePdf';

// One named function per contract channel, and per window channel; the renderer never sees
// ipcRenderer. Main checks every payload.
const api = {
  ...(buildPreloadApi(
    (channel, request) => ipcRenderer.invoke(channel, request) as Promise<Envelope<unknown>>,
  ) satisfies PreloadApi),
  window: {
    savePdf: (request: { fileStem: string }) =>
      ipcRenderer.invoke(savePdfChannel, request) as Promise<Envelope<SavePdfResult>>,
  },
} satisfies PreloadApi & WindowPreloadApi;

contextBridge.exposeInMainWorld('pathwise', api);
