import { create } from 'zustand';
import { pathwayLabel } from '../../../shared/pack/views.ts';
import { api } from '../api.ts';
import { onStudyPackChanged } from './learner-data.ts';

interface PathwayNamesState {
  /** Pathway id → "Figure 1 · IL-32γ in both bone formation …", for the pack being studied. */
  readonly names: ReadonlyMap<string, string>;
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  readonly load: () => Promise<void>;
}

/**
 * Names for links into the Pathways screen. Loaded once from `pack.list` (small), so a screen that
 * only links to a pathway does not fetch the whole pack; until then, or if that fails, links fall
 * back to the pathway's id.
 */
export const usePathwayNames = create<PathwayNamesState>()((set, get) => ({
  names: new Map(),
  status: 'idle',
  load: async () => {
    if (get().status === 'loading' || get().status === 'ready') return;
    set({ status: 'loading' });
    try {
      const active = (await api.pack.list()).find((pack) => pack.active);
      const names = new Map((active?.pathways ?? []).map((p) => [p.id, pathwayLabel(p)]));
      set({ names, status: 'ready' });
    } catch {
      set({ status: 'failed' });
    }
  },
}));

export function pathwayName(names: ReadonlyMap<string, string>, id: string): string {
  return names.get(id) ?? id;
}

// What this store holds is the pack studied: forgotten when another is chosen.
onStudyPackChanged(() => usePathwayNames.setState(usePathwayNames.getInitialState(), true));
