import { create } from 'zustand';
import type { BackupInfo } from '../../../../shared/contract/backup.ts';
import { api } from '../../api.ts';
import { learnerDataReplaced, onLearnerDataReplaced } from '../../stores/learner-data.ts';

interface BackupsState {
  readonly backups: readonly BackupInfo[] | undefined;
  readonly error: string | undefined;
  readonly busy: boolean;
  readonly load: () => Promise<void>;
  readonly create: () => Promise<BackupInfo>;
  /** Restores a backup and reloads every store; resolves with main's answer. */
  readonly restore: (
    id: string,
  ) => Promise<{ restored: BackupInfo; safetyBackup: BackupInfo } | undefined>;
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** The backups list (newest first) and the actions on it. */
export const useBackups = create<BackupsState>()((set, get) => ({
  backups: undefined,
  error: undefined,
  busy: false,
  load: async () => {
    try {
      set({ backups: (await api.backup.list()).backups, error: undefined });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
  create: async () => {
    set({ busy: true });
    try {
      const backup = await api.backup.create();
      await get().load();
      return backup;
    } finally {
      set({ busy: false });
    }
  },
  restore: async (id) => {
    set({ busy: true });
    try {
      const result = await api.backup.restore({ id });
      await learnerDataReplaced();
      return result;
    } finally {
      set({ busy: false });
    }
  },
}));

// Imports, resets and restores each make a backup first: the list changes with them.
onLearnerDataReplaced(() => useBackups.getState().load());

export const backupReasonLabels: Record<BackupInfo['reason'], string> = {
  daily: 'Daily, automatic',
  manual: 'Made by you',
  'before-import': 'Before an import',
  'before-restore': 'Before a restore',
  'before-reset': 'Before a reset',
};
