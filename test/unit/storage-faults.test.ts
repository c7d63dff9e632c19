import { describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createHandlerRegistry } from '../../services/service-registry.ts';
import { latestSchemaVersion } from '../../services/storage/migrations.ts';
import { databaseFileName } from '../../services/storage/storage.ts';
import { damagePageInUse } from '../support/damage.ts';
import { syntheticCards } from '../support/synthetic-cards.ts';
import { openTestServices } from '../support/test-services.ts';
import { tempDir } from '../support/test-scope.ts';
import { runUnprivileged } from '../support/unprivileged-child.ts';

const cards = syntheticCards(20);

/** A data directory holding a real database with a few answers, closed cleanly. */
function populatedDir(): { dir: string; file: string } {
  const dir = tempDir();
  const services = openTestServices({ dataDir: dir, cards });
  for (let i = 0; i < 5; i++) {
    const next = services.review.next();
    if (!next.item) break;
    services.review.answer({
      cardId: next.item.card.id,
      rating: 'good',
      durationMs: 1000,
      expectedVersion: next.item.stateVersion,
    });
  }
  services.close();
  return { dir, file: path.join(dir, databaseFileName) };
}

function sha(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function listing(dir: string): string[] {
  return readdirSync(dir).sort();
}

async function expectUnavailable(dir: string, pattern: RegExp) {
  const services = openTestServices({ dataDir: dir, cards });
  try {
    expect(services.storage.status.state).toBe('unavailable');
    const registry = createHandlerRegistry(services);
    for (const channel of ['review.next', 'progress.summary', 'settings.get', 'data.export']) {
      const answer = await registry.dispatch(channel, undefined);
      expect(answer.ok ? 'ok' : answer.error.code, channel).toBe('storage-unavailable');
      expect(answer.ok ? '' : answer.error.message).toMatch(pattern);
    }
    const notices = await registry.dispatch('app.notices', undefined);
    expect(notices).toMatchObject({ ok: true, value: [{ source: 'storage', severity: 'error' }] });
    expect(JSON.stringify(notices)).toMatch(pattern);
  } finally {
    services.close();
  }
}

/** Opens storage on a damaged file: it must be moved aside byte for byte and a fresh one started. */
function expectRecovered(dir: string, file: string, reason: RegExp) {
  const damaged = sha(file);
  const sidecar = `${file}-wal`;
  writeFileSync(sidecar, randomBytes(100));
  const sidecarHash = sha(sidecar);
  const services = openTestServices({ dataDir: dir, cards });
  try {
    expect(services.storage.status.state).toBe('ready');
    const moved = listing(dir).filter((name) => name.includes('.corrupt-'));
    const movedDb = moved.find((name) => !name.endsWith('-wal') && !name.endsWith('-shm'));
    expect(movedDb).toBeDefined();
    expect(sha(path.join(dir, movedDb ?? ''))).toBe(damaged);
    expect(sha(path.join(dir, `${movedDb ?? ''}-wal`))).toBe(sidecarHash);
    const [notice] = services.notices.list();
    expect(notice).toMatchObject({
      source: 'storage',
      severity: 'error',
      action: 'restore-latest-backup',
    });
    expect(notice?.message).toContain(movedDb);
    expect(notice?.details.join(' ')).toMatch(reason);
    // The fresh database works.
    expect(services.review.counts().unseen).toBe(cards.length);
  } finally {
    services.close();
  }
}

describe('opening storage: nothing is lost', () => {
  it('creates a missing data directory', () => {
    const dir = path.join(tempDir(), 'not', 'yet', 'there');
    const services = openTestServices({ dataDir: dir, cards });
    expect(services.storage.status).toEqual({ state: 'ready' });
    expect(existsSync(path.join(dir, databaseFileName))).toBe(true);
    expect(services.notices.list()).toEqual([]);
    services.close();
  });

  it('reopens a healthy database with its data and without notices', () => {
    const { dir } = populatedDir();
    const services = openTestServices({ dataDir: dir, cards });
    expect(services.review.counts().introducedToday).toBe(5);
    expect(services.notices.list()).toEqual([]);
    services.close();
  });

  it('moves a truncated database aside and starts fresh', () => {
    const { dir, file } = populatedDir();
    truncateSync(file, Math.floor(statSync(file).size / 2));
    expectRecovered(dir, file, /malformed/);
  });

  it('moves a file of random bytes aside', () => {
    const { dir, file } = populatedDir();
    writeFileSync(file, randomBytes(16_384));
    expectRecovered(dir, file, /not a database/);
  });

  it('moves a file that is not a database aside', () => {
    const dir = tempDir();
    const file = path.join(dir, databaseFileName);
    writeFileSync(file, 'These are my notes, not a database.\n');
    expectRecovered(dir, file, /not a database/);
  });

  it('moves a database that fails the integrity check aside', () => {
    const { dir, file } = populatedDir();
    damagePageInUse(file);
    expectRecovered(dir, file, /integrity check failed|malformed/);
  });

  it('refuses a database from a newer version and leaves it byte for byte', async () => {
    const { dir, file } = populatedDir();
    const db = new DatabaseSync(file);
    db.exec(`PRAGMA user_version = ${latestSchemaVersion + 1}`);
    db.close();
    const before = sha(file);
    const files = listing(dir);
    await expectUnavailable(dir, /newer version of Pathwise/);
    expect(sha(file)).toBe(before);
    expect(listing(dir)).toEqual(files);
  });

  it('refuses a database locked by another program, then opens it once released', async () => {
    const { dir, file } = populatedDir();
    const locker = new DatabaseSync(file);
    locker.exec(`PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; SELECT COUNT(*) FROM meta;`);
    try {
      await expectUnavailable(dir, /locked by another program/);
      expect(listing(dir).some((name) => name.includes('.corrupt-'))).toBe(false);
    } finally {
      locker.exec('ROLLBACK');
      locker.close();
    }
    const services = openTestServices({ dataDir: dir, cards });
    expect(services.storage.status.state).toBe('ready');
    expect(services.review.counts().introducedToday).toBe(5);
    services.close();
  });

  it('reports a data directory that cannot be created', async () => {
    const parent = tempDir();
    writeFileSync(path.join(parent, 'a-file'), 'x');
    await expectUnavailable(path.join(parent, 'a-file', 'data'), /could not be created/);
  });

  it('reports a read-only data directory and changes nothing in it', () => {
    const { dir, file } = populatedDir();
    const before = sha(file);
    const files = listing(dir);
    chmodSync(dir, 0o555);
    try {
      const output = runUnprivileged(path.resolve('test/support/open-storage-child.ts'), [dir]);
      const result = JSON.parse(output) as {
        status: { state: string; reason?: string };
        notices: { message: string }[];
      };
      // Read-only: it can still be read and exported (storage-errors.test.ts), never written.
      expect(result.status.state).toBe('read-only');
      expect(result.status.reason).toMatch(/cannot write to/);
      expect(result.notices[0]?.message).toMatch(/cannot write to/);
    } finally {
      chmodSync(dir, 0o755);
    }
    expect(sha(file)).toBe(before);
    expect(listing(dir)).toEqual(files);
  });

  it('never deletes: every file present before recovery is still there, under some name', () => {
    const { dir, file } = populatedDir();
    mkdirSync(path.join(dir, 'backups'), { recursive: true });
    writeFileSync(file, randomBytes(5000));
    const before = new Set(
      listing(dir).map((name) => sha(path.join(dir, name === 'backups' ? databaseFileName : name))),
    );
    const services = openTestServices({ dataDir: dir, cards });
    services.close();
    const after = new Set(
      listing(dir)
        .filter((name) => name !== 'backups')
        .map((name) => sha(path.join(dir, name))),
    );
    for (const hash of before) expect(after.has(hash)).toBe(true);
  });

  it('checks a large database after start, before the daily backup, and recovers it if damaged', () => {
    const { dir, file } = populatedDir();
    damagePageInUse(file);
    // Treat every file as large: the open skips the full check and succeeds.
    const services = openTestServices({ dataDir: dir, cards, quickCheckMaxBytes: 0 });
    expect(services.storage.status.state).toBe('ready');
    expect(services.notices.list()).toEqual([]);
    expect(services.backups.ensureDaily()).toBeUndefined();
    expect(services.backups.list()).toEqual([]);
    expect(services.notices.list()[0]).toMatchObject({
      title: 'Your progress database was damaged',
      action: 'restore-latest-backup',
    });
    expect(listing(dir).some((name) => name.includes('.corrupt-'))).toBe(true);
    expect(services.review.counts().introducedToday).toBe(0);
    services.close();
  });

  it('a large healthy database passes the deferred check and gets its daily backup', () => {
    const { dir } = populatedDir();
    const services = openTestServices({ dataDir: dir, cards, quickCheckMaxBytes: 0 });
    expect(services.storage.verifyIntegrity()).toBe('ok');
    expect(services.storage.verifyIntegrity()).toBe('skipped');
    expect(services.backups.ensureDaily()?.reason).toBe('daily');
    expect(services.notices.list()).toEqual([]);
    services.close();
  });
});
