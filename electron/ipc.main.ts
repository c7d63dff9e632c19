import { ipcMain } from 'electron';
import { channelNames, type Envelope } from '../shared/contract/index.ts';
import type { ContractDispatcher } from '../services/registry.ts';
import { isTrustedSender } from './security.ts';

/** One ipcMain handler per contract channel, each behind the sender check. */
export function registerIpc(services: ContractDispatcher): void {
  for (const name of channelNames) {
    ipcMain.handle(
      name,
      (event, payload: unknown): Promise<Envelope<unknown>> | Envelope<never> => {
        const frame = event.senderFrame;
        if (!frame || frame.parent !== null || !isTrustedSender(frame.url)) {
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
