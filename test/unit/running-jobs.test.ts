import { describe, expect, it } from 'vitest';
import { jobWorkerEntry } from '../../services/host/entries.ts';
import { startJobThread } from '../../services/jobs/run-job.ts';
import { RunningJobs } from '../../services/jobs/running-jobs.ts';
import { NoticeBoard } from '../../services/notices.ts';
import { legacyPackId } from '../../services/storage/pack-scope.ts';
import { Storage } from '../../services/storage/storage.ts';
import type { SyncRoundResult } from '../../services/sync/sync-round.ts';
import { onCleanup, tempDir } from '../support/test-scope.ts';

// A job's thread may still write after it answered (a sync round copies its WAL back): whatever
// replaces the database file waits for the thread to end, not for the answer.

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('RunningJobs', () => {
  it('waits for what a job does after its answer before it is idle', async () => {
    const running = new RunningJobs();
    const ended = deferred();
    const answer = running.track(Promise.resolve('answered'), ended.promise);
    await expect(answer).resolves.toBe('answered');
    const order: string[] = [];
    const idle = running.whenIdle(() => order.push('replaced'));
    await Promise.resolve();
    order.push('ended');
    ended.resolve();
    await idle;
    expect(order).toEqual(['ended', 'replaced']);
  });

  it('tracks a job by its own promise when it has nothing to do after it', async () => {
    const running = new RunningJobs();
    const job = deferred();
    void running.track(job.promise);
    let idle = false;
    const settled = running.settled().then(() => (idle = true));
    await Promise.resolve();
    expect(idle).toBe(false);
    job.resolve();
    await settled;
    expect(idle).toBe(true);
  });

  it('a sync round on a job thread answers first, and its thread ends after settling', async () => {
    const dataDir = tempDir('running-jobs-data');
    const folder = tempDir('running-jobs-folder');
    const now = Date.parse('2025-03-03T09:00:00.000Z');
    const at = () => new Date(now);
    const host = new Storage({ dataDir, notices: new NoticeBoard(at), now: at });
    onCleanup(() => host.close());
    expect(host.open().state).toBe('ready');
    const thread = startJobThread<SyncRoundResult>(jobWorkerEntry, {
      kind: 'sync',
      folder,
      context: { dataDir, appVersion: 'test', now, packId: legacyPackId },
    });
    const order: string[] = [];
    const answered = thread.answer.then((result) => order.push(`answer ${result.filesRead}`));
    const ended = thread.ended.then(() => order.push('ended'));
    await Promise.all([answered, ended]);
    expect(order).toEqual(['answer 0', 'ended']);
  });
});
