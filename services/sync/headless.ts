import { NoticeBoard } from '../notices.ts';
import { DataFolderLock } from '../storage/data-folder-lock.ts';
import { Storage } from '../storage/storage.ts';
import { runSyncRound, type SyncRoundResult } from './sync-round.ts';

/**
 * One sync round on a data folder without the app (`npm run -s sync`): it takes the folder's lock
 * as the app does, so it refuses to run beside a Pathwise that has the folder open.
 */
export function syncDataFolder(options: {
  readonly dataDir: string;
  readonly folder: string;
  readonly now?: () => number;
}): SyncRoundResult {
  const now = options.now ?? Date.now;
  const lock = DataFolderLock.acquire(options.dataDir);
  try {
    const storage = new Storage({
      dataDir: options.dataDir,
      notices: new NoticeBoard(() => new Date(now())),
      now: () => new Date(now()),
      lock,
    });
    const status = storage.open();
    try {
      if (status.state !== 'ready') {
        throw new Error(`The progress database cannot be written: ${status.reason}`);
      }
      return runSyncRound(storage, { folder: options.folder, now });
    } finally {
      storage.close();
    }
  } finally {
    lock.release();
  }
}
