import { describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { resetConfirmation } from '../../shared/contract/data.ts';
import { hostWorkerEntry } from '../../services/host/entries.ts';
import { ServiceHostClient } from '../../services/host/host-client.ts';
import { startWorkerHost, workerEndpoint } from '../../services/host/worker-host.ts';
import { edit, readMiniPack } from '../support/packs.ts';
import { envelopeOf, json, openHost, progressFile, valueOf } from '../support/service-host.ts';
import { onCleanup, tempDir } from '../support/test-scope.ts';
import { testHostOptions } from '../support/test-services.ts';

/**
 * The service host as the preview runs it (a worker thread; Electron's utility process runs the
 * same ServiceHost behind another port): start-up, calls as payloads and as JSON bytes, imports
 * and exports on a job thread of their own, start-up refusal, shutdown and a crash.
 */

type Counts = { counts: { events: number } };

describe('service host', () => {
  it('answers calls given as payloads and as JSON bytes, and refuses bytes that are not JSON', async () => {
    const host = await openHost();
    expect(valueOf(await host.dispatch('app.info', undefined))).toMatchObject({
      name: 'Pathwise',
      transport: 'http',
    });
    const next = await host.dispatchBody('review.next', new Uint8Array());
    expect(next.malformed).toBe(false);
    expect((valueOf(envelopeOf(next.json)) as { item: unknown }).item).not.toBeNull();
    const wrong = await host.dispatchBody('review.next', new TextEncoder().encode('{nope'));
    expect(wrong.malformed).toBe(true);
    expect(envelopeOf(wrong.json)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await host.dispatch('no.such', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
  });

  it('imports on a job thread: review.next is answered meanwhile, a write waits for the import', async () => {
    const content = progressFile();
    const host = await openHost();
    const order: string[] = [];
    const imported = host.dispatchBody('data.import', json({ content })).then((answer) => {
      order.push('import');
      return envelopeOf(answer.json);
    });
    const next = host.dispatch('review.next', undefined).then((envelope) => {
      order.push('review.next');
      return valueOf(envelope) as { item: { card: { id: string }; stateVersion: string } };
    });
    const { item } = await next;
    const answered = host
      .dispatch('review.answer', {
        cardId: item.card.id,
        rating: 'good',
        durationMs: 1000,
        expectedVersion: item.stateVersion,
      })
      .then((envelope) => {
        order.push('review.answer');
        return envelope;
      });
    const result = valueOf(await imported) as { added: { events: number } };
    expect(result.added.events).toBeGreaterThan(0);
    // The answer's card may have been changed by the import: either outcome is an honest one.
    const answer = await answered;
    expect(answer.ok || answer.error.code === 'stale-state').toBe(true);
    expect(order).toEqual(['review.next', 'import', 'review.answer']);

    // Everything imported is there, read through the host's own connection.
    const exported = valueOf(await host.dispatch('data.export', undefined)) as {
      counts: { events: number };
    };
    expect(exported.counts.events).toBe(result.added.events + (answer.ok ? 1 : 0));
    // Imports stay idempotent across threads.
    const again = valueOf(await host.dispatch('data.import', { content })) as {
      added: { events: number };
      alreadyPresent: { events: number };
    };
    expect(again.added.events).toBe(0);
    expect(again.alreadyPresent.events).toBe(result.added.events);
  });

  it('rejects a bad progress file on the job thread with its reason, and writes nothing', async () => {
    const host = await openHost();
    const before = valueOf(await host.dispatch('data.export', undefined)) as { counts: object };
    const answer = await host.dispatch('data.import', { content: '{"format":"something-else"}' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'import-rejected' } });
    const after = valueOf(await host.dispatch('data.export', undefined)) as { counts: object };
    expect(after.counts).toEqual(before.counts);
  });

  it('makes a manual backup on a job thread; a reset waits until it has read the database', async () => {
    const content = progressFile();
    const host = await openHost();
    const imported = valueOf(await host.dispatch('data.import', { content })) as {
      added: { events: number };
    };
    const order: string[] = [];
    const backup = host.dispatch('backup.create', undefined).then((envelope) => {
      order.push('backup');
      return valueOf(envelope) as { id: string; reason: string };
    });
    const reset = host.dispatch('data.reset', { confirm: resetConfirmation }).then((envelope) => {
      order.push('reset');
      return envelope;
    });
    const made = await backup;
    expect(made.reason).toBe('manual');
    expect((await reset).ok).toBe(true);
    expect(order).toEqual(['backup', 'reset']);
    // The backup holds everything the reset erased: restoring it brings every event back.
    expect((valueOf(await host.dispatch('data.export', undefined)) as Counts).counts.events).toBe(
      0,
    );
    expect((await host.dispatch('backup.restore', { id: made.id })).ok).toBe(true);
    const restored = valueOf(await host.dispatch('data.export', undefined)) as Counts;
    expect(restored.counts.events).toBe(imported.added.events);
  });

  it('takes the daily backup on a job thread at start; a reset waits for it', async () => {
    const host = await startWorkerHost({
      ...testHostOptions(tempDir('daily')),
      dailyBackupDelayMs: 0,
    });
    onCleanup(() => host.close());
    expect((await host.dispatch('data.reset', { confirm: resetConfirmation })).ok).toBe(true);
    const { backups } = valueOf(await host.dispatch('backup.list', undefined)) as {
      backups: { reason: string; createdAt: string }[];
    };
    const reasons = [...backups]
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((backup) => backup.reason);
    expect(reasons).toEqual(['daily', 'before-reset']);
  });

  it('validates an imported pack on a job thread, and reports its problems with their places', async () => {
    const host = await openHost();
    const files = edit(readMiniPack(), 'manifest.json', '"id": "mini"', '"id": "mine"');
    expect(await host.dispatch('pack.import', { files })).toMatchObject({
      ok: true,
      value: { pack: { id: 'mine' }, replaced: false },
    });
    const listed = (valueOf(await host.dispatch('pack.list', undefined)) as { id: string }[]).map(
      (pack) => pack.id,
    );
    expect(listed).toContain('mine');
    const broken = edit(files, 'facts.json', '"id": "F004",', '"id": "F004"');
    const answer = await host.dispatch('pack.import', { files: broken });
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'pack-invalid',
        message: expect.stringMatching(/facts\.json:\d+:\d+/) as unknown,
      },
    });
  });

  it('refuses to start on a folder another host holds, naming it; closing releases the folder', async () => {
    const dataDir = tempDir('held');
    const first = await startWorkerHost(testHostOptions(dataDir));
    await expect(startWorkerHost(testHostOptions(dataDir))).rejects.toThrow(dataDir);
    expect(valueOf(await first.dispatch('app.info', undefined))).toMatchObject({
      name: 'Pathwise',
    });
    await first.close();
    const next = await openHost(dataDir);
    expect((await next.dispatch('settings.get', undefined)).ok).toBe(true);
  });

  it('answers every open call when the host dies, and reports the crash', async () => {
    const worker = new Worker(hostWorkerEntry);
    const host = await ServiceHostClient.open(
      workerEndpoint(worker),
      testHostOptions(tempDir('crash')),
    );
    const crashed = new Promise<string>((resolve) => host.onCrash(resolve));
    const open = host.dispatch('data.export', undefined);
    await worker.terminate();
    expect(await crashed).toMatch(/exit code/);
    expect(await open).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await host.dispatch('app.info', undefined)).toMatchObject({
      ok: false,
      error: {
        code: 'internal',
        message: expect.stringMatching(/stopped unexpectedly/) as unknown,
      },
    });
  });
});
