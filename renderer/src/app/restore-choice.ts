import type { BackupInfo } from '../../../shared/contract/backup.ts';

/**
 * The newest backup made before the notice was raised: anything newer is a backup of the fresh,
 * empty database that replaced the damaged one, which would restore nothing.
 */
export function backupBefore(
  backups: readonly BackupInfo[],
  raisedAt: string,
): BackupInfo | undefined {
  const limit = Date.parse(raisedAt);
  return backups
    .filter((backup) => Date.parse(backup.createdAt) < limit)
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
}
