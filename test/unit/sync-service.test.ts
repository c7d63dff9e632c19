import { describe, expect, it } from 'vitest';
import type { SyncRoundResult } from '../../services/sync/sync-round.ts';
import { emptyCounts } from '../../services/sync/sync-round.ts';
import { SyncService } from '../../services/sync/sync-service.ts';
import { openTestServices } from '../support/test-services.ts';
import { tempDir } from '../support/test-scope.ts';

/** When rounds run: never two at once, never beside an import, a reset or a restore. */

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

function roundResult(folder: string): SyncRoundResult {
  return {
    folder,
    startedAt: new Date(0).toISOString(),
    durationMs: 1,
    sent: emptyCounts(),
    received: emptyCounts(),
    filesRead: 0,
    linesRead: 0,
    problems: [],
  };
}

function setup() {
  const services = openTestServices();
  const folder = tempDir('sync-folder');
  const rounds: { folder: string; done: (result: SyncRoundResult) => void }[] = [];
  const sync = new SyncService({
    storage: services.storage,
    now: services.clock.now,
    runRound: (chosen) => {
      const round = deferred<SyncRoundResult>();
      rounds.push({ folder: chosen, done: round.resolve });
      return round.promise;
    },
    intervalMs: null,
    quietMs: 60_000,
    setBy: 'command-line',
  });
  sync.setFolder(folder);
  return { sync, rounds, folder };
}

/** Lets every promise callback that can run, run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('sync rounds', () => {
  it('run one at a time: asking while one runs waits for it', async () => {
    const { sync, rounds, folder } = setup();
    const first = sync.run();
    const second = sync.run();
    await settle();
    expect(rounds).toHaveLength(1);
    expect(sync.status().running).toBe(true);
    rounds[0]?.done(roundResult(folder));
    await Promise.all([first, second]);
    expect(rounds).toHaveLength(1);
    expect(sync.status().running).toBe(false);
  });

  it('wait for held work (an import) to end, and an import waits for the round running', async () => {
    const { sync, rounds, folder } = setup();
    const importing = deferred<string>();
    const held = sync.holdWhile(importing.promise);
    const round = sync.run();
    await settle();
    expect(rounds).toHaveLength(0);
    importing.resolve('imported');
    expect(await held).toBe('imported');
    await settle();
    expect(rounds).toHaveLength(1);

    let idle = false;
    const waiting = sync.idle().then(() => {
      idle = true;
    });
    await settle();
    expect(idle).toBe(false);
    rounds[0]?.done(roundResult(folder));
    await Promise.all([round, waiting]);
    expect(idle).toBe(true);
  });

  it('keep a failed round as the status error, and refuse to run without a folder', async () => {
    const { sync, rounds } = setup();
    const services = openTestServices();
    const failing = new SyncService({
      storage: services.storage,
      now: services.clock.now,
      runRound: () => Promise.reject(new Error('The sync folder /x does not exist.')),
      intervalMs: null,
      quietMs: 60_000,
      setBy: 'command-line',
    });
    await expect(failing.run()).rejects.toThrow(/No sync folder is set/);
    failing.setFolder(tempDir('sync-folder'));
    const status = await failing.run();
    expect(status.lastError?.message).toBe('The sync folder /x does not exist.');
    expect(rounds).toHaveLength(0);
    sync.close();
    failing.close();
  });
});
