import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticCards } from '../support/synthetic-cards.ts';
import { repoRoot } from '../support/packs.ts';
import { openTestServices } from '../support/test-services.ts';
import { tempDir } from '../support/test-scope.ts';

/** `npm run -s sync`, run as npm runs it: Node 24 on the .ts file, from the repo root. */
function sync(dataDir: string, folder: string) {
  const result = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'scripts', 'sync.ts'), '--data-dir', dataDir, '--folder', folder],
    { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run -s sync', () => {
  it('runs one round headless and prints what it sent and received as JSON', () => {
    const folder = tempDir('sync-folder');
    const first = tempDir('sync-data');
    const services = openTestServices({ dataDir: first, cards: syntheticCards(4) });
    for (let i = 0; i < 3; i += 1) {
      const next = services.review.next();
      if (!next.item) throw new Error('nothing to study');
      services.review.answer({
        cardId: next.item.card.id,
        rating: 'good',
        durationMs: 1000,
        expectedVersion: next.item.stateVersion,
      });
    }
    // The script takes the data folder's lock: it refuses while the services hold it.
    const refused = sync(first, folder);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already in use by another Pathwise/);
    services.close();

    const sent = sync(first, folder);
    expect(sent.code).toBe(0);
    expect(JSON.parse(sent.stdout)).toMatchObject({ sent: { events: 3 }, problems: [] });
    const received = sync(tempDir('sync-data'), folder);
    expect(received.code).toBe(0);
    expect(JSON.parse(received.stdout)).toMatchObject({
      received: { events: 3, studySessions: 1 },
      filesRead: 1,
      problems: [],
    });
  });

  it('says what is wrong with a missing folder, with exit 1 and no stack trace', () => {
    const missing = path.join(tempDir('sync-folder'), 'gone');
    const result = sync(tempDir('sync-data'), missing);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/gone does not exist/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
