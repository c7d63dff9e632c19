import { ContractError } from '../../shared/contract/errors.ts';
import type { HandlerMap } from '../registry.ts';
import type { SyncService } from './sync-service.ts';

export function syncHandlers(
  sync: SyncService,
): Pick<HandlerMap, 'sync.status' | 'sync.run' | 'sync.chooseFolder'> {
  return {
    'sync.status': () => sync.status(),
    'sync.run': () => sync.run(),
    // Electron's main process answers this one itself, with its folder dialog
    // (electron/ipc.main.ts); a call that reaches the services has no dialog to show.
    'sync.chooseFolder': () => {
      throw new ContractError(
        'forbidden',
        'Here the sync folder is given on the command line: npm run preview -- --sync-folder <folder>.',
      );
    },
  };
}
