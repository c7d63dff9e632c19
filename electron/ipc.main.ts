import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelNames, type Envelope } from '../shared/contract/index.ts';
import type { ContractDispatcher } from '../services/registry.ts';
import { isTrustedSender } from './security.ts';

/** A call from our own top frame, loaded from app://; anything else is refused. */
export function isTrustedEvent(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  return frame.parent === null && isTrustedSender(frame.url);
}

/** What main needs of the services: the contract, and the one thing only main may set. */
export interface MainServices extends ContractDispatcher {
  setSyncFolder(folder: string): Promise<Envelope<unknown>>;
}

/**
 * One ipcMain handler per contract channel, each behind the sender check. `onStudyPackChanged`
 * runs after a call that may have changed the pack studied (the menu names its review).
 */
export function registerIpc(services: MainServices, onStudyPackChanged?: () => void): void {
  for (const name of channelNames) {
    ipcMain.handle(
      name,
      (event, payload: unknown): Promise<Envelope<unknown>> | Envelope<never> => {
        if (!isTrustedEvent(event)) {
          return {
            ok: false,
            error: { code: 'forbidden', message: 'IPC from an untrusted frame.' },
          };
        }
        if (name === 'sync.chooseFolder') return chooseSyncFolder(event, services);
        if (name === 'pack.choose' || name === 'pack.remove') {
          return services.dispatch(name, payload).then((answer) => {
            if (answer.ok) onStudyPackChanged?.();
            return answer;
          });
        }
        return services.dispatch(name, payload);
      },
    );
  }
}

/**
 * The sync folder is picked here, in the main process's own dialog, and handed to the services
 * directly: the renderer asks for the dialog but never names a path. Cancelled, nothing changes.
 */
async function chooseSyncFolder(
  event: IpcMainInvokeEvent,
  services: MainServices,
): Promise<Envelope<unknown>> {
  const options: Electron.OpenDialogOptions = {
    title: 'Choose the sync folder',
    buttonLabel: 'Sync through this folder',
    properties: ['openDirectory', 'createDirectory'],
  };
  const window = BrowserWindow.fromWebContents(event.sender);
  const picked = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options);
  const folder = picked.filePaths[0];
  if (picked.canceled || folder === undefined) return services.dispatch('sync.status', undefined);
  return services.setSyncFolder(folder);
}
