import { create } from 'zustand';
import type { Notice } from '../../../shared/contract/app.ts';
import { api } from '../api.ts';

interface NoticesState {
  readonly notices: readonly Notice[];
  readonly loadError: string | undefined;
  readonly load: () => Promise<void>;
  readonly dismiss: (id: string) => Promise<void>;
}

/** What main needs to tell the learner (skipped packs, a database moved aside…). */
export const useNotices = create<NoticesState>()((set) => ({
  notices: [],
  loadError: undefined,
  load: async () => {
    try {
      set({ notices: await api.app.notices(), loadError: undefined });
    } catch (error) {
      set({ loadError: error instanceof Error ? error.message : String(error) });
    }
  },
  dismiss: async (id) => {
    set({ notices: await api.app.dismissNotice({ id }) });
  },
}));
