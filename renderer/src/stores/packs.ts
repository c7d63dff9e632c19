import { create } from 'zustand';
import type { PackSummary } from '../../../shared/contract/pack.ts';
import { api } from '../api.ts';
import { studyPackChanged } from './learner-data.ts';

interface PacksState {
  readonly packs: readonly PackSummary[] | undefined;
  readonly error: string | undefined;
  readonly load: () => Promise<void>;
  /** Studies another pack: every store of the previous pack's content or progress reloads. */
  readonly choose: (id: string) => Promise<PackSummary>;
  /** Removes a learner pack (its progress is kept); the default pack is studied if it was this. */
  readonly remove: (id: string) => Promise<void>;
}

/** The installed knowledge packs (`pack.list`), the one being studied marked `active`. */
export const usePacks = create<PacksState>()((set, get) => ({
  packs: undefined,
  error: undefined,
  load: async () => {
    try {
      set({ packs: await api.pack.list(), error: undefined });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
  choose: async (id) => {
    const chosen = await api.pack.choose({ id });
    await get().load();
    await studyPackChanged();
    return chosen;
  },
  remove: async (id) => {
    const before = get().packs?.find((pack) => pack.active)?.id;
    const { active } = await api.pack.remove({ id });
    await get().load();
    if (active !== before) await studyPackChanged();
  },
}));

/** The pack being studied, once the list is loaded. */
export function useStudiedPack(): PackSummary | undefined {
  return usePacks((s) => s.packs?.find((pack) => pack.active));
}
