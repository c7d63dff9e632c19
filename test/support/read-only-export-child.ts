// TEST-ONLY child: opens the data directory argv[2] the way the app does (the folder's lock, then
// storage) and tries to export and to reset; prints what happened as one JSON line. Run as a user
// who may read the folder but not write it.
import { BackupService } from '../../services/backup/backup-service.ts';
import { DataService } from '../../services/data/data-service.ts';
import { NoticeBoard } from '../../services/notices.ts';
import { DataFolderLock } from '../../services/storage/data-folder-lock.ts';
import { Storage } from '../../services/storage/storage.ts';
import { ContractError } from '../../shared/contract/errors.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: read-only-export-child.ts <data-dir>');
const now = () => new Date();
const notices = new NoticeBoard(now);
const lock = DataFolderLock.acquire(dataDir);
const storage = new Storage({ dataDir, notices, now, lock, busyTimeoutMs: 100 });
const status = storage.open();
const backups = new BackupService({ storage, now });
const data = new DataService({ storage, backups, now, appVersion: '0.0.0-test' });

function attempt<T>(fn: () => T): { ok: true; value: T } | { ok: false; code: string } {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    return { ok: false, code: error instanceof ContractError ? error.code : String(error) };
  }
}

const exported = attempt(() => data.exportDocument().counts);
const reset = attempt(() => data.reset());
storage.close();
lock.release();
console.log(JSON.stringify({ status, exported, reset, notices: notices.list() }));
