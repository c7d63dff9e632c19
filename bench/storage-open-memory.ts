import { NoticeBoard } from '../services/notices.ts';
import { Storage } from '../services/storage/storage.ts';
import { services } from './storage.ts';

/**
 * Run as a child process by bench/storage.ts, so nothing else in the process has touched the
 * database: prints resident memory (MB) before opening the progress database, after opening it,
 * and after the app's whole start on it (packs, services, the first daily queue).
 */
const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: storage-open-memory.ts <data dir>');
const at = new Date(Date.parse('2025-06-01T09:00:00.000Z'));
const megabytes = () => process.memoryUsage().rss / 2 ** 20;

const before = megabytes();
const storage = new Storage({ dataDir, notices: new NoticeBoard(() => at), now: () => at });
const status = storage.open();
if (status.state !== 'ready') throw new Error(`bench database refused: ${status.reason}`);
const afterOpen = megabytes();
storage.close();

const app = services(dataDir, 100_000);
app.review.next();
const afterQueue = megabytes();
app.close();
process.stdout.write(JSON.stringify({ before, afterOpen, afterQueue }));
