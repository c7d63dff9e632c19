import { create } from 'zustand';
import type { SyncStatus } from '../../../../shared/contract/sync.ts';
import { api } from '../../api.ts';
import { learnerDataReplaced } from '../../stores/learner-data.ts';
import { totalRecords } from './describe.ts';
import { messageOf } from './operation.ts';

interface SyncState {
  readonly status: SyncStatus | undefined;
  readonly error: string | undefined;
  readonly syncing: boolean;
  readonly load: () => Promise<void>;
  /** Runs a round now; when it brought records in, every store reloads. */
  readonly syncNow: () => Promise<SyncStatus>;
  /** Electron: the folder dialog; a folder picked is synced through at once. */
  readonly chooseFolder: () => Promise<SyncStatus>;
}

/** Sync through a folder: its status, and "Sync now". */
export const useSync = create<SyncState>()((set) => ({
  status: undefined,
  error: undefined,
  syncing: false,
  load: async () => {
    try {
      set({ status: await api.sync.status(), error: undefined });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
  syncNow: () => syncing(set, () => api.sync.run()),
  chooseFolder: () => syncing(set, () => api.sync.chooseFolder()),
}));

async function syncing(
  set: (state: Partial<SyncState>) => void,
  round: () => Promise<SyncStatus>,
): Promise<SyncStatus> {
  set({ syncing: true });
  try {
    const status = await round();
    set({ status, error: undefined });
    if (status.lastRun && totalRecords(status.lastRun.received) > 0) await learnerDataReplaced();
    return status;
  } finally {
    set({ syncing: false });
  }
}
