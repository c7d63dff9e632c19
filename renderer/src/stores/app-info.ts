import { create } from 'zustand';
import type { AppInfo } from '../../../shared/contract/app.ts';
import { api } from '../api.ts';

interface AppInfoState {
  readonly info: AppInfo | undefined;
  readonly error: string | undefined;
  readonly load: () => Promise<void>;
}

export const useAppInfo = create<AppInfoState>()((set) => ({
  info: undefined,
  error: undefined,
  load: async () => {
    try {
      set({ info: await api.app.info(), error: undefined });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
}));
