import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resetConfirmation } from '../../shared/contract/data.ts';
import type { SyncStatus } from '../../shared/contract/sync.ts';
import { openHost, valueOf } from '../support/service-host.ts';
import { tempDir } from '../support/test-scope.ts';

/**
 * Sync in the service host as the app runs it: rounds on job threads, the folder from the
 * preview's command line or from Electron's dialog (a message only the main process sends).
 */

type Next = { item: { card: { id: string }; stateVersion: string } | null };

describe('sync in the service host', () => {
  it('syncs through the folder it was started with, on a job thread, and another host reads it', async () => {
    const folder = tempDir('sync-folder');
    const first = await openHost(tempDir('host'), { syncFolder: folder, syncIntervalMs: null });
    const next = valueOf(await first.dispatch('review.next', undefined)) as Next;
    if (!next.item) throw new Error('nothing to study');
    valueOf(
      await first.dispatch('review.answer', {
        cardId: next.item.card.id,
        rating: 'good',
        durationMs: 1000,
        expectedVersion: next.item.stateVersion,
      }),
    );
    const sent = valueOf(await first.dispatch('sync.run', undefined)) as SyncStatus;
    expect(sent).toMatchObject({ folder, setBy: 'command-line', running: false, lastError: null });
    expect(sent.lastRun?.sent.events).toBe(1);

    const second = await openHost(tempDir('host'), { syncFolder: folder, syncIntervalMs: null });
    const received = valueOf(await second.dispatch('sync.run', undefined)) as SyncStatus;
    expect(received.lastRun?.received.events).toBe(1);
    const counts = valueOf(await second.dispatch('review.counts', undefined)) as {
      introducedToday: number;
    };
    expect(counts.introducedToday).toBe(1);
    expect(readdirSync(folder)).toHaveLength(2);

    // A reset erases this device's database only: the folder stays set, and the next round
    // brings back what the folder holds.
    valueOf(await second.dispatch('data.reset', { confirm: resetConfirmation }));
    const afterReset = valueOf(await second.dispatch('sync.status', undefined)) as SyncStatus;
    expect(afterReset).toMatchObject({ folder, lastRun: null });
    const back = valueOf(await second.dispatch('sync.run', undefined)) as SyncStatus;
    expect(back.lastRun?.received.events).toBe(1);
  });

  it('takes a folder only from the main process, checks it, and refuses one the renderer asks for', async () => {
    const host = await openHost();
    const status = valueOf(await host.dispatch('sync.status', undefined)) as SyncStatus;
    expect(status).toMatchObject({ folder: null, lastRun: null });
    expect(await host.dispatch('sync.run', undefined)).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    // Reaching the services, sync.chooseFolder has no dialog to show (Electron's main answers it).
    expect(await host.dispatch('sync.chooseFolder', undefined)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    const missing = path.join(tempDir('sync-folder'), 'gone');
    expect(await host.setSyncFolder(missing)).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('does not exist') as string },
    });
    const folder = tempDir('sync-folder');
    const chosen = valueOf(await host.setSyncFolder(folder)) as SyncStatus;
    expect(chosen.folder).toBe(folder);
    expect(chosen.lastRun?.problems).toEqual([]);
    expect(readdirSync(folder)).toHaveLength(1);
  });
});
