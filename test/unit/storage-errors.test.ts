import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, createReadStream, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { databaseFileName } from '../../services/storage/storage.ts';
import { syntheticCards } from '../support/synthetic-cards.ts';
import { openTestServices } from '../support/test-services.ts';
import { tempDir } from '../support/test-scope.ts';
import { runUnprivileged } from '../support/unprivileged-child.ts';

/**
 * A disk that fills up, and a data folder that cannot be written: the learner is told what
 * happened and what to do, nothing saved before is lost, and what can still be read is.
 */

const node24 = path.resolve('node_modules/.bin/node');

/**
 * A real full disk without root: a 2 MB tmpfs mounted in a user and mount namespace of the child's
 * own (`unshare -rm`), gone when the child ends. Where user namespaces are off there is none.
 */
function userNamespaces(): boolean {
  try {
    execFileSync('unshare', ['-rm', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function sha(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

describe('storage errors', () => {
  it.skipIf(!userNamespaces())(
    'a full disk answers storage-unavailable with a notice saying what to do, and loses nothing',
    () => {
      const dataDir = tempDir('disk-full');
      const output = execFileSync(
        'unshare',
        [
          '-rm',
          'sh',
          '-c',
          'mount -t tmpfs -o size=2m tmpfs "$2" && exec "$0" "$1" "$2"',
          node24,
          path.resolve('test/support/disk-full-child.ts'),
          dataDir,
        ],
        { encoding: 'utf8' },
      );
      const result = JSON.parse(output) as {
        savedBeforeFull: boolean;
        savedWhileFull: number;
        failure?: { ok: false; error: { code: string; message: string } };
        afterFreeing: boolean;
        events: number;
        integrity: string;
        notices: { title: string; message: string }[];
      };
      expect(result.savedBeforeFull).toBe(true);
      expect(result.failure?.error.code).toBe('storage-unavailable');
      expect(result.failure?.error.message).toMatch(
        new RegExp(`The disk holding ${dataDir} is full .*Free some space on that disk`),
      );
      expect(result.notices).toEqual([
        expect.objectContaining({
          title: 'Progress could not be saved',
          message: result.failure?.error.message,
        }),
      ]);
      // Once there is room again, answers are saved again; every acknowledged one is there.
      expect(result.afterFreeing).toBe(true);
      expect(result.events).toBe(1 + result.savedWhileFull + 1);
      expect(result.integrity).toBe('ok');
    },
  );

  it('a read-only data folder still exports, refuses writes with storage-unavailable, and stays as it was', async () => {
    const dir = tempDir('read-only');
    const services = openTestServices({ dataDir: dir, cards: syntheticCards(10) });
    for (let i = 0; i < 3; i++) {
      const next = services.review.next();
      if (!next.item) break;
      services.review.answer({
        cardId: next.item.card.id,
        rating: 'good',
        durationMs: 1,
        expectedVersion: next.item.stateVersion,
      });
    }
    services.close();
    const before = await sha(path.join(dir, databaseFileName));
    const listing = readdirSync(dir).sort();

    chmodSync(dir, 0o555);
    let output: string;
    try {
      output = runUnprivileged(path.resolve('test/support/read-only-export-child.ts'), [dir]);
    } finally {
      chmodSync(dir, 0o755);
    }
    const result = JSON.parse(output) as {
      status: { state: string; reason: string };
      exported: { ok: boolean; value?: { events: number }; code?: string };
      reset: { ok: boolean; code?: string };
      notices: { message: string }[];
    };
    expect(result.status.state, result.status.reason).toBe('read-only');
    expect(result.status.reason).toMatch(/cannot write to .*can still be read and exported/);
    expect(result.notices.map((n) => n.message)).toEqual([result.status.reason]);
    expect(result.exported).toMatchObject({ ok: true, value: { events: 3 } });
    expect(result.reset).toEqual({ ok: false, code: 'storage-unavailable' });
    expect(await sha(path.join(dir, databaseFileName))).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(listing);
  });
});
