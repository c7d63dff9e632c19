import type { NoticeBoard } from '../notices.ts';
import type { Storage } from '../storage/storage.ts';
import type { BackupJobs } from './backup-jobs.ts';
import type { BackupService } from './backup-service.ts';

export interface DailyBackupOptions {
  readonly storage: Storage;
  readonly backups: BackupService;
  readonly notices: NoticeBoard;
  /**
   * Where there are job threads: the deferred integrity check (integrity-check.ts) and the backup
   * run there; without them, both run on this thread.
   */
  readonly jobs:
    | {
        readonly backups: BackupJobs;
        readonly checkIntegrity: () => Promise<'ok' | 'recovered' | 'skipped'>;
      }
    | undefined;
}

/**
 * Start-up maintenance, deferred so start stays fast: the integrity check a large database
 * skipped while opening, then the day's backup, unless the check moved a damaged file aside (a
 * backup of the fresh one would rotate good backups away) or could not run. Never throws: what
 * fails becomes a notice.
 */
export async function takeDailyBackup(options: DailyBackupOptions): Promise<void> {
  const { storage, backups, notices, jobs } = options;
  if (jobs) {
    try {
      if ((await jobs.checkIntegrity()) === 'recovered') return;
    } catch (error) {
      notices.add({
        source: 'storage',
        severity: 'warning',
        title: 'Your progress database could not be checked',
        message:
          `The check of ${storage.file} did not run: ${messageOf(error)}. Nothing was changed. ` +
          `The daily backup was left out, so an unchecked copy cannot replace a good backup; ` +
          `Pathwise checks again at its next start.`,
      });
      return;
    }
  }
  try {
    // Without job threads, dailyDue runs the deferred check itself.
    if (!backups.dailyDue()) return;
    if (jobs) await jobs.backups.run('daily');
    else backups.create('daily');
  } catch (error) {
    notices.add({
      source: 'backup',
      severity: 'warning',
      title: 'The daily backup failed',
      message: messageOf(error),
    });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
