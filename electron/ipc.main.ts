import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelNames, type Envelope } from '../shared/contract/index.ts';
import type { ContractDispatcher } from '../services/registry.ts';
import { isTrustedSender } from './security.ts';

/** A call from our own top frame, loaded from app://; anything else is refused. */
export function isTrustedEvent(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  return frame.parent === null && isTrustedSender(frame.url);
}

/** One ipcMain handler per contract channel, each behind the sender check. */
export function registerIpc(services: ContractDispatcher): void {
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
        return services.dispatch(name, payload);
      },
    );
  }
}
