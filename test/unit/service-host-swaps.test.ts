import { beforeAll, describe, expect, it } from 'vitest';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { resetConfirmation } from '../../shared/contract/data.ts';
import type { Envelope } from '../../shared/contract/index.ts';
import type { ServiceHostClient } from '../../services/host/host-client.ts';
import { openAppServices } from '../../services/app-services.ts';
import { jobWorkerEntry } from '../../services/host/entries.ts';
import { databaseFileName } from '../../services/storage/storage.ts';
import { damagePageInUse } from '../support/damage.ts';
import { runHistory } from '../support/history.ts';
import { envelopeOf, openHost, valueOf } from '../support/service-host.ts';
import { onCleanup, tempDir } from '../support/test-scope.ts';
import { openTestServices, testHostOptions } from '../support/test-services.ts';

/**
 * What the service host hands to job threads besides imports (service-host.test.ts): a reset's and
 * a restore's safety backup and copying, the integrity check of a large database, the
 * serialising of an export. Each time the host answers `review.next` while the job runs, holds
 * writes back until a file swap is done, and a failed job leaves the learner's data as it was.
 */

type Item = { card: { id: string }; stateVersion: string };
type Exported = { content: string; counts: { events: number } };

/** The ids of every review event, read through the host's own connection. */
async function eventIds(host: ServiceHostClient): Promise<string[]> {
  const { content } = valueOf(await host.dispatch('data.export', undefined)) as Exported;
  return (JSON.parse(content) as { events: { id: string }[] }).events.map((event) => event.id);
}

async function backupReasons(host: ServiceHostClient): Promise<string[]> {
  const { backups } = valueOf(await host.dispatch('backup.list', undefined)) as {
    backups: { reason: string }[];
  };
  return backups.map((backup) => backup.reason).sort();
}

/** A database with a small real history, written once by services in this thread. */
let template: { dir: string; events: number };

beforeAll(() => {
  const dir = tempDir('history');
  const services = openTestServices({ dataDir: dir });
  runHistory(services, 11, 80);
  const { counts } = services.data.exportDocument();
  services.close();
  template = { dir, events: counts.events };
});

/** A data folder of its own holding the template's history. */
function folderWithHistory(): string {
  const dataDir = tempDir('swap');
  copyFileSync(path.join(template.dir, databaseFileName), path.join(dataDir, databaseFileName));
  return dataDir;
}

/** A host on a folder holding the template's history, and the number of its events. */
async function hostWithHistory(): Promise<{
  host: ServiceHostClient;
  dataDir: string;
  events: number;
}> {
  const dataDir = folderWithHistory();
  return { host: await openHost(dataDir), dataDir, events: template.events };
}

/**
 * Sends `call`, then `review.next` and, once that is answered, a review: records the order of
 * the three answers. The review is a write, so it must wait until `call` has answered.
 */
async function duringCall(host: ServiceHostClient, call: Promise<Envelope<unknown>>) {
  const order: string[] = [];
  const answered = call.then((envelope) => {
    order.push('call');
    return envelope;
  });
  const next = await host.dispatch('review.next', undefined);
  order.push('review.next');
  const { item } = valueOf(next) as { item: Item };
  const review = await host.dispatch('review.answer', {
    cardId: item.card.id,
    rating: 'good',
    durationMs: 1000,
    expectedVersion: item.stateVersion,
  });
  order.push('review.answer');
  return { order, envelope: await answered, review };
}

describe('service host: resets and restores', () => {
  it('restores on a job thread: review.next is answered meanwhile, a review waits and is kept', async () => {
    const { host, events } = await hostWithHistory();
    const { id } = valueOf(await host.dispatch('backup.create', undefined)) as { id: string };
    const before = await eventIds(host);

    const { order, envelope, review } = await duringCall(
      host,
      host.dispatch('backup.restore', { id }),
    );
    expect(order).toEqual(['review.next', 'call', 'review.answer']);
    expect(valueOf(envelope)).toMatchObject({
      restored: { id },
      safetyBackup: { reason: 'before-restore' },
    });
    // The backup holds the very states shown, so the review applies, to the restored file.
    expect(review.ok).toBe(true);
    const after = await eventIds(host);
    expect(after).toHaveLength(events + 1);
    expect(after.slice(0, events)).toEqual(before);
  });

  it('resets on a job thread: review.next is answered meanwhile; its backup holds every event', async () => {
    const { host, events } = await hostWithHistory();
    const { order, envelope, review } = await duringCall(
      host,
      host.dispatch('data.reset', { confirm: resetConfirmation }),
    );
    expect(order).toEqual(['review.next', 'call', 'review.answer']);
    const { backup } = valueOf(envelope) as { backup: { id: string; reason: string } };
    expect(backup.reason).toBe('before-reset');
    // Written after the erase, or refused as stale: never written into the erased file.
    expect(review.ok || review.error.code === 'stale-state').toBe(true);
    expect(await eventIds(host)).toHaveLength(review.ok ? 1 : 0);
    expect((await host.dispatch('backup.restore', { id: backup.id })).ok).toBe(true);
    expect(await eventIds(host)).toHaveLength(events);
  });

  it('refuses, on the job thread, to restore a damaged backup; nothing changes', async () => {
    const { host, dataDir } = await hostWithHistory();
    const { id } = valueOf(await host.dispatch('backup.create', undefined)) as { id: string };
    writeFileSync(path.join(dataDir, 'backups', `${id}.sqlite`), randomBytes(8192));
    const before = await eventIds(host);
    expect(await host.dispatch('backup.restore', { id })).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringMatching(/cannot be restored.*not changed/) as unknown,
      },
    });
    expect(await eventIds(host)).toEqual(before);
    expect(await backupReasons(host)).toEqual(['manual']);
    expect(readdirSync(dataDir).filter((name) => name.includes('.restoring'))).toEqual([]);
  });

  it('keeps the current database when a restore cannot copy the backup beside it', async () => {
    const { host, dataDir } = await hostWithHistory();
    const { id } = valueOf(await host.dispatch('backup.create', undefined)) as { id: string };
    // Whatever holds the copy's name is the learner's: the restore must neither use nor remove it.
    const obstacle = path.join(dataDir, `${databaseFileName}.restoring`);
    mkdirSync(obstacle);
    const before = await eventIds(host);
    expect(await host.dispatch('backup.restore', { id })).toMatchObject({
      ok: false,
      error: {
        code: 'internal',
        message: expect.stringMatching(/could not be copied.*not changed/) as unknown,
      },
    });
    expect(await eventIds(host)).toEqual(before);
    expect(existsSync(obstacle)).toBe(true);
    // The safety backup came first, and stays: it holds what the failed restore left alone.
    expect(await backupReasons(host)).toEqual(['before-restore', 'manual']);
  });

  it('erases nothing when the backup a reset makes first cannot be written', async () => {
    const dataDir = folderWithHistory();
    // A file where the backups folder belongs: no backup can be written.
    writeFileSync(path.join(dataDir, 'backups'), 'not a folder');
    const host = await openHost(dataDir);
    const before = await eventIds(host);
    expect(await host.dispatch('data.reset', { confirm: resetConfirmation })).toMatchObject({
      ok: false,
      error: {
        code: 'internal',
        message: expect.stringMatching(/^Nothing was erased: .*could not be written/) as unknown,
      },
    });
    expect(await eventIds(host)).toEqual(before);
  });
});

describe('service host: the integrity check of a large database', () => {
  /** Every file treated as large: checked after start, then the day's backup. */
  const large = { quickCheckMaxBytes: 0, dailyBackupDelayMs: 0 };

  it('runs on a job thread after start; once it passes, the daily backup is taken', async () => {
    const dataDir = folderWithHistory();
    const host = await openHost(dataDir, large);
    expect(valueOf(await host.dispatch('review.next', undefined))).toHaveProperty('item');
    await expect.poll(() => backupReasons(host), { timeout: 20_000 }).toEqual(['daily']);
    expect(valueOf(await host.dispatch('app.notices', undefined))).toEqual([]);
  });

  it('answers while it runs; damage it finds is moved aside with a notice, and no daily backup is taken', async () => {
    const dataDir = folderWithHistory();
    damagePageInUse(path.join(dataDir, databaseFileName));
    const host = await openHost(dataDir, large);
    // Answered before the check (on its own thread, started at open) has found anything.
    expect(valueOf(await host.dispatch('app.notices', undefined))).toEqual([]);
    const notices = () =>
      host
        .dispatch('app.notices', undefined)
        .then((envelope) => (valueOf(envelope) as { title: string }[]).map((n) => n.title));
    await expect.poll(notices, { timeout: 20_000 }).toEqual(['Your progress database was damaged']);
    expect(readdirSync(dataDir).some((name) => name.includes('.corrupt-'))).toBe(true);
    expect(await backupReasons(host)).toEqual([]);
    // The fresh database answers and keeps what is written.
    expect(await eventIds(host)).toEqual([]);
  });
  it('changes nothing and says so when the check cannot run, and takes no daily backup', async () => {
    const dataDir = folderWithHistory();
    const services = openAppServices({
      ...testHostOptions(dataDir),
      quickCheckMaxBytes: 0,
      jobs: jobWorkerEntry,
    });
    onCleanup(() => services.close());
    // Moved away under the running services (a sync tool, a clumsy hand): the check cannot open it.
    const file = path.join(dataDir, databaseFileName);
    const away = `${file}.away`;
    renameSync(file, away);
    const before = readFileSync(away);
    await services.dailyBackup();
    renameSync(away, file);
    expect(services.notices.list()).toMatchObject([
      {
        title: 'Your progress database could not be checked',
        message: expect.stringMatching(/did not run: .*Nothing was changed/) as unknown,
      },
    ]);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dataDir).filter((name) => name.includes('.corrupt-'))).toEqual([]);
    expect(services.backups.list()).toEqual([]);
  });
});

describe('service host: an export answered as JSON', () => {
  it('comes serialised from its job thread, the same document as the value; review.next is answered meanwhile', async () => {
    const { host, events } = await hostWithHistory();
    const order: string[] = [];
    const exported = host.dispatchBody('data.export', new Uint8Array()).then((answer) => {
      order.push('export');
      return answer;
    });
    await host.dispatch('review.next', undefined);
    order.push('review.next');
    const answer = await exported;
    expect(order).toEqual(['review.next', 'export']);
    expect(answer.malformed).toBe(false);
    const value = valueOf(envelopeOf(answer.json)) as Exported & { fileName: string };
    expect(value.fileName).toMatch(/^pathwise-progress-\d{4}-\d{2}-\d{2}\.json$/);
    expect(value.counts.events).toBe(events);
    const byValue = valueOf(await host.dispatch('data.export', undefined)) as Exported;
    const withoutTime = (content: string) =>
      ({ ...JSON.parse(content), exportedAt: null }) as unknown;
    expect(withoutTime(value.content)).toEqual(withoutTime(byValue.content));
  });
});
