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
  syncNow: async () => {
    set({ syncing: true });
    try {
      const status = await api.sync.run();
      set({ status, error: undefined });
      if (status.lastRun && totalRecords(status.lastRun.received) > 0) await learnerDataReplaced();
      return status;
    } finally {
      set({ syncing: false });
    }
  },
}));
