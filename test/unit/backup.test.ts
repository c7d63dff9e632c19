import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { openAppServices } from '../../services/app-services.ts';
import { BackupService } from '../../services/backup/backup-service.ts';
import { ContractError } from '../../shared/contract/errors.ts';
import { dayMs } from '../../shared/engine/scheduler.ts';
import { eventSql } from '../../services/storage/review-events.ts';
import { syntheticCards } from '../support/synthetic-cards.ts';
import { bundledPacksDir, openTestServices, testClock } from '../support/test-services.ts';
import { tempDir } from '../support/test-scope.ts';

type Services = ReturnType<typeof openTestServices>;
const cards = syntheticCards(10);

function study(services: Services, answers: number): void {
  for (let i = 0; i < answers; i++) {
    const next = services.review.next();
    if (!next.item) return;
    services.review.answer({
      cardId: next.item.card.id,
      rating: 'easy',
      durationMs: 1,
      expectedVersion: next.item.stateVersion,
    });
    services.clock.advance(1000);
  }
}

function events(services: Services): number {
  return Number(services.storage.statement(eventSql.count).get()?.n);
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ContractError) return error.code;
    throw error;
  }
  return 'ok';
}

describe('backups', () => {
  it('creates a consistent copy that opens on its own', () => {
    const services = openTestServices({ cards });
    study(services, 3);
    const backup = services.backups.create('manual');
    expect(backup).toMatchObject({
      reason: 'manual',
      createdAt: services.clock.now().toISOString(),
    });
    expect(backup.sizeBytes).toBeGreaterThan(0);
    expect(services.backups.list()).toEqual([backup]);
    const copy = new DatabaseSync(path.join(services.backups.dir, `${backup.id}.sqlite`), {
      readOnly: true,
    });
    expect(copy.prepare('SELECT COUNT(*) AS n FROM review_event').get()?.n).toBe(3);
    expect(copy.prepare('PRAGMA integrity_check').get()?.integrity_check).toBe('ok');
    copy.close();
    services.close();
  });

  it('keeps the newest N of each reason', () => {
    const services = openTestServices({ cards });
    const backups = new BackupService({
      storage: services.storage,
      now: services.clock.now,
      keepPerReason: 3,
    });
    const made = Array.from({ length: 5 }, () => {
      services.clock.advance(1000);
      return backups.create('manual').id;
    });
    services.clock.advance(1000);
    const daily = backups.create('daily').id;
    expect(backups.list().map((b) => b.id)).toEqual([daily, ...made.slice(2).reverse()]);
    services.close();
  });

  it('takes the automatic backup once per study day', () => {
    const services = openTestServices({ cards });
    expect(services.backups.ensureDaily()?.reason).toBe('daily');
    services.clock.advance(3_600_000);
    expect(services.backups.ensureDaily()).toBeUndefined();
    services.clock.advance(dayMs);
    expect(services.backups.ensureDaily()?.reason).toBe('daily');
    expect(services.backups.list().filter((b) => b.reason === 'daily')).toHaveLength(2);
    services.close();
  });

  it('takes the daily backup at start when asked to', () => {
    const dir = tempDir();
    const services = openAppServices({
      dataDir: dir,
      dataDirKind: 'test',
      transport: 'http',
      bundledPacksDir,
      appVersion: 'test',
      now: testClock().now,
      dailyBackupDelayMs: 0,
    });
    expect(services.backups.list().map((b) => b.reason)).toEqual(['daily']);
    services.close();
  });

  it('restores a backup after backing up the current database', () => {
    const services = openTestServices({ cards });
    study(services, 2);
    const early = services.backups.create('manual');
    services.clock.advance(60_000);
    study(services, 4);
    expect(events(services)).toBe(6);
    services.clock.advance(60_000);
    const { restored, safetyBackup } = services.backups.restore(early.id);
    expect(restored).toEqual(early);
    expect(safetyBackup.reason).toBe('before-restore');
    expect(events(services)).toBe(2);
    expect(services.review.counts().introducedToday).toBe(2);
    // Studying goes on after a restore, and the restore itself can be undone.
    study(services, 1);
    expect(events(services)).toBe(3);
    services.backups.restore(safetyBackup.id);
    expect(events(services)).toBe(6);
    services.close();
  });

  it('refuses an unknown id or a damaged backup, changing nothing', () => {
    const services = openTestServices({ cards });
    study(services, 2);
    expect(codeOf(() => services.backups.restore('2025-01-01T00-00-00-000Z-manual'))).toBe(
      'not-found',
    );
    const backup = services.backups.create('manual');
    writeFileSync(path.join(services.backups.dir, `${backup.id}.sqlite`), randomBytes(8192));
    const before = services.backups.list();
    expect(codeOf(() => services.backups.restore(backup.id))).toBe('conflict');
    expect(services.backups.list()).toEqual(before);
    expect(events(services)).toBe(2);
    services.close();
  });

  it('recovers from a damaged database by restoring the newest backup the notice points to', () => {
    const dir = tempDir();
    const clock = testClock();
    const first = openTestServices({ dataDir: dir, cards, clock });
    study(first, 3);
    first.backups.create('daily');
    first.close();
    writeFileSync(path.join(dir, 'pathwise.sqlite'), randomBytes(20_000));
    const second = openTestServices({ dataDir: dir, cards, clock });
    expect(second.notices.list()[0]?.action).toBe('restore-latest-backup');
    expect(events(second)).toBe(0);
    const latest = second.backups.latest();
    if (!latest) throw new Error('no backup');
    second.backups.restore(latest.id);
    expect(events(second)).toBe(3);
    expect(readdirSync(dir).some((name) => name.includes('.corrupt-'))).toBe(true);
    second.close();
  });
});

describe('reset', () => {
  it('backs up, erases progress, keeps settings', () => {
    const services = openTestServices({ cards });
    services.settings.update({ newCardsPerDay: 7, theme: 'dark' });
    study(services, 3);
    const oldDevice = services.storage.deviceId;
    const { backup } = services.data.reset();
    expect(backup.reason).toBe('before-reset');
    expect(events(services)).toBe(0);
    expect(services.review.counts()).toMatchObject({ introducedToday: 0, unseen: cards.length });
    expect(services.settings.get()).toMatchObject({ newCardsPerDay: 7, theme: 'dark' });
    expect(services.storage.deviceId).not.toBe(oldDevice);
    services.backups.restore(backup.id);
    expect(events(services)).toBe(3);
    services.close();
  });
});
