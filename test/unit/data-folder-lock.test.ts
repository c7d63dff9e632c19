import { describe, expect, it } from 'vitest';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  DataFolderInUseError,
  DataFolderLock,
  lockFileName,
} from '../../services/storage/data-folder-lock.ts';
import { eventSql } from '../../services/storage/review-events.ts';
import { ContractError } from '../../shared/contract/errors.ts';
import { syntheticCards } from '../support/synthetic-cards.ts';
import { openTestServices } from '../support/test-services.ts';
import { onCleanup, tempDir } from '../support/test-scope.ts';

/**
 * The data folder's lock inside one process; single-instance.test.ts covers separate processes
 * (previews, the Electron path, a SIGKILLed holder).
 */

type Services = ReturnType<typeof openTestServices>;
const cards = syntheticCards(10);

function answerOne(services: Services): void {
  const next = services.review.next();
  if (!next.item) throw new Error('nothing to answer');
  services.review.answer({
    cardId: next.item.card.id,
    rating: 'good',
    durationMs: 1,
    expectedVersion: next.item.stateVersion,
  });
  services.clock.advance(1000);
}

function events(services: Services): number {
  return Number(services.storage.statement(eventSql.count).get()?.n);
}

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('the data folder lock', () => {
  it('is held until released, and refuses a second holder meanwhile', () => {
    const dir = tempDir();
    const first = DataFolderLock.acquire(dir);
    onCleanup(() => first.release());
    expect(first.exclusive).toBe(true);
    const refused = errorOf(() => DataFolderLock.acquire(dir));
    expect(refused).toBeInstanceOf(DataFolderInUseError);
    expect((refused as Error).message).toContain(dir);
    first.release();
    const second = DataFolderLock.acquire(dir);
    expect(second.exclusive).toBe(true);
    second.release();
  });

  it('a second set of services on an open folder is refused before it reads anything', () => {
    const services = openTestServices({ cards });
    const dir = services.options.dataDir;
    expect(errorOf(() => openTestServices({ dataDir: dir, cards }))).toBeInstanceOf(
      DataFolderInUseError,
    );
    // The first is untouched, and the folder opens again once it is closed.
    answerOne(services);
    services.close();
    const again = openTestServices({ dataDir: dir, cards });
    expect(events(again)).toBe(1);
  });

  it('gives each folder, so each running instance, a device id of its own, kept across restarts', () => {
    const a = openTestServices({ cards });
    const b = openTestServices({ cards });
    expect(a.storage.deviceId).not.toBe(b.storage.deviceId);
    const dir = a.options.dataDir;
    const id = a.storage.deviceId;
    a.close();
    expect(openTestServices({ dataDir: dir, cards }).storage.deviceId).toBe(id);
  });

  it.each([
    ['removed', (file: string) => rmSync(file)],
    [
      'replaced',
      (file: string) => {
        renameSync(file, `${file}.old`);
        writeFileSync(file, '');
      },
    ],
  ])(
    'reset and restore re-check the lock: a lock file %s refuses them and changes nothing',
    (_, tamper) => {
      const services = openTestServices({ cards });
      answerOne(services);
      const backup = services.backups.create('manual');
      answerOne(services);
      tamper(path.join(services.options.dataDir, lockFileName));

      for (const act of [() => services.data.reset(), () => services.backups.restore(backup.id)]) {
        const error = errorOf(act);
        expect(error).toBeInstanceOf(ContractError);
        expect(error).toMatchObject({ code: 'storage-unavailable' });
        expect((error as Error).message).toMatch(/another Pathwise may be using/);
      }
      expect(events(services)).toBe(2);
      expect(services.backups.list()).toHaveLength(1);
    },
  );
});
