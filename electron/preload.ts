import { contextBridge, ipcRenderer } from 'electron';
import { buildPreloadApi } from '../shared/contract/build-api.ts';
import type { PreloadApi } from '../shared/contract/index.ts';
import type { Envelope } from '../shared/contract/define.ts';

// One named function per contract channel; the renderer never sees ipcRenderer.
const api = buildPreloadApi(
  (channel, request) => ipcRenderer.invoke(channel, request) as Promise<Envelope<unknown>>,
) satisfies PreloadApi;

contextBridge.exposeInMainWorld('pathwise', api);
