import { create } from 'zustand';
import type { PackSummary } from '../../../../shared/contract/pack.ts';
import { api } from '../../api.ts';

interface PacksState {
  readonly packs: readonly PackSummary[] | undefined;
  readonly error: string | undefined;
  readonly load: () => Promise<void>;
}

/** The installed knowledge packs (`pack.list`). */
export const usePacks = create<PacksState>()((set) => ({
  packs: undefined,
  error: undefined,
  load: async () => {
    try {
      set({ packs: await api.pack.list(), error: undefined });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
}));
