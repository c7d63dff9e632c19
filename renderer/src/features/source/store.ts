import { create } from 'zustand';
import type { FactCoverage, ProgressMastery } from '../../../../shared/contract/progress.ts';
import type { Pack } from '../../../../shared/pack/schema.ts';
import { api } from '../../api.ts';
import { noFilters, type FactFilters } from './model/search.ts';
import { onStudyPackChanged } from '../../stores/learner-data.ts';

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

type Loadable<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'error'; readonly message: string };

interface SourceDataState {
  /** The active pack: read once, it does not change while the app runs. */
  readonly pack: Loadable<Pack>;
  /** Mastery and coverage: read on every visit, since the learner may have studied meanwhile. */
  readonly progress: Loadable<{
    readonly mastery: ProgressMastery;
    readonly coverage: readonly FactCoverage[];
  }>;
  readonly loadPack: () => Promise<void>;
  readonly loadProgress: () => Promise<void>;
}

export const useSourceData = create<SourceDataState>()((set, get) => ({
  pack: { status: 'loading' },
  progress: { status: 'loading' },
  loadPack: async () => {
    if (get().pack.status === 'ready') return;
    set({ pack: { status: 'loading' } });
    try {
      set({ pack: { status: 'ready', value: await api.pack.get() } });
    } catch (error) {
      set({ pack: { status: 'error', message: messageOf(error) } });
    }
  },
  loadProgress: async () => {
    try {
      const [mastery, coverage] = await Promise.all([
        api.progress.mastery(),
        api.progress.coverage(),
      ]);
      set({ progress: { status: 'ready', value: { mastery, coverage: coverage.facts } } });
    } catch (error) {
      set({ progress: { status: 'error', message: messageOf(error) } });
    }
  },
}));

interface SourceFiltersState {
  readonly query: string;
  readonly filters: FactFilters;
  readonly setQuery: (query: string) => void;
  readonly setFilters: (change: Partial<FactFilters>) => void;
  readonly clear: () => void;
}

/** The search and filters, kept while the learner visits another screen and comes back. */
export const useSourceFilters = create<SourceFiltersState>()((set) => ({
  query: '',
  filters: noFilters,
  setQuery: (query) => set({ query }),
  setFilters: (change) => set((state) => ({ filters: { ...state.filters, ...change } })),
  clear: () => set({ query: '', filters: noFilters }),
}));

// What this store holds is the pack studied: forgotten when another is chosen.
onStudyPackChanged(() => useSourceData.setState(useSourceData.getInitialState(), true));
onStudyPackChanged(() => useSourceFilters.setState(useSourceFilters.getInitialState(), true));
