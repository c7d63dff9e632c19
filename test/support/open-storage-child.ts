// TEST-ONLY child: opens the storage in the data directory given as argv[2] and prints what
// happened as one JSON line. Run as another user to test folders the test's user cannot write.
import { NoticeBoard } from '../../services/notices.ts';
import { Storage } from '../../services/storage/storage.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: open-storage-child.ts <data-dir>');
const notices = new NoticeBoard(() => new Date());
const storage = new Storage({ dataDir, notices, now: () => new Date(), busyTimeoutMs: 100 });
const status = storage.open();
storage.close();
console.log(JSON.stringify({ status, notices: notices.list() }));
