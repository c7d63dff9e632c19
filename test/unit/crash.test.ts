import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { allCardStates } from '../../services/storage/card-states.ts';
import { rebuildCardStates } from '../../services/storage/rebuild.ts';
import { prng } from '../support/history.ts';
import { syntheticCards } from '../support/synthetic-cards.ts';
import { openTestServices } from '../support/test-services.ts';
import { tempDir } from '../support/test-scope.ts';

const node = path.resolve('node_modules/.bin/node');
const writer = path.resolve('test/support/crash-writer.ts');
const reviews = 2000;
const runs = 20;

/** Runs the writer and SIGKILLs it after `killAfter` acknowledged writes; returns every acknowledged id. */
function writeAndKill(
  dataDir: string,
  killAfter: number,
): Promise<{ acknowledged: string[]; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, [writer, dataDir, String(reviews)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acknowledged: string[] = [];
    let buffer = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line && line !== 'done') acknowledged.push(line);
      if (acknowledged.length >= killAfter && child.exitCode === null) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal === null && code !== 0) reject(new Error(`writer failed (${code}): ${stderr}`));
      else resolve({ acknowledged, signal });
    });
  });
}

describe('crash safety', () => {
  // One test per run, each with its own kill point, so that no test does minutes of work. A run
  // is up to 2,000 synced commits: 26 s on average and up to 48 s seen on a loaded machine.
  const random = prng(20250303);
  const killPoints = Array.from({ length: runs }, () => 1 + Math.floor(random() * (reviews - 1)));
  let killed = 0;

  for (const [run, killAfter] of killPoints.entries()) {
    it(`every acknowledged review survives SIGKILL after ${killAfter} answers (run ${run + 1} of ${runs})`, async () => {
      const dataDir = tempDir('crash', { keepOnFailure: true });
      const { acknowledged, signal } = await writeAndKill(dataDir, killAfter);
      if (signal === 'SIGKILL') killed += 1;
      expect(acknowledged.length).toBeGreaterThanOrEqual(Math.min(killAfter, reviews));

      const services = openTestServices({ dataDir, cards: syntheticCards(400) });
      expect(services.storage.status.state).toBe('ready');
      expect(services.notices.list()).toEqual([]);
      const db = services.storage.db();
      expect(db.prepare('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }]);
      const stored = new Set(
        db
          .prepare('SELECT id FROM review_event')
          .all()
          .map((row) => String(row.id)),
      );
      const missing = acknowledged.filter((id) => !stored.has(id));
      expect(missing).toEqual([]);
      // At most the one answer in flight when the kill landed is stored but unacknowledged.
      expect(stored.size - acknowledged.length).toBeLessThanOrEqual(1);
      // The cache survived as consistently as the log.
      const cache = allCardStates(services.storage);
      rebuildCardStates(services.storage);
      expect(allCardStates(services.storage)).toEqual(cache);
      services.close();
    }, 300_000);
  }

  // Runs after the runs above (a file's tests run in order).
  it('nearly every run was really killed mid-way (a run may finish first by chance)', () => {
    expect(killed).toBeGreaterThanOrEqual(runs - 2);
  });
});
