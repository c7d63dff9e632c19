import { create } from 'zustand';
import type { Pack, PackLayout } from '../../../../shared/pack/schema.ts';
import { api } from '../../api.ts';
import { onStudyPackChanged } from '../../stores/learner-data.ts';

/** One pack's pathways, as the screen needs them: the pack and a layout (shipped or computed). */
export type PackPathways =
  | { readonly status: 'loading' }
  | { readonly status: 'laying-out'; readonly pack: Pack }
  | {
      readonly status: 'ready';
      readonly pack: Pack;
      readonly layout: PackLayout;
      /** True when the layout was computed here because the pack has no layout.json. */
      readonly computed: boolean;
    }
  | { readonly status: 'error'; readonly message: string };

interface PathwaysDataState {
  /** Keyed by pack id; '' is the active pack. */
  readonly packs: Readonly<Record<string, PackPathways>>;
  readonly load: (packId?: string) => Promise<void>;
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

export const usePathwaysData = create<PathwaysDataState>()((set, get) => {
  const put = (key: string, entry: PackPathways) =>
    set((state) => ({ packs: { ...state.packs, [key]: entry } }));
  return {
    packs: {},
    load: async (packId) => {
      const key = packId ?? '';
      const current = get().packs[key];
      if (current && current.status !== 'error') return;
      put(key, { status: 'loading' });
      let pack: Pack;
      try {
        pack = await api.pack.get(packId === undefined ? undefined : { id: packId });
      } catch (error) {
        put(key, { status: 'error', message: messageOf(error) });
        return;
      }
      if (pack.layout) {
        put(key, { status: 'ready', pack, layout: pack.layout, computed: false });
        return;
      }
      put(key, { status: 'laying-out', pack });
      try {
        const { computeLayout } = await import('./compute-layout.ts');
        put(key, { status: 'ready', pack, layout: await computeLayout(pack), computed: true });
      } catch (error) {
        put(key, {
          status: 'error',
          message: `This pack has no layout.json and laying it out failed: ${messageOf(error)}`,
        });
      }
    },
  };
});

export type PathwaysMode = 'explore' | 'step' | 'perturb' | 'quiz' | 'mastery';

interface PathwaysUiState {
  readonly mode: PathwaysMode;
  readonly showTextAlternative: boolean;
  readonly setMode: (mode: PathwaysMode) => void;
  readonly toggleTextAlternative: () => void;
}

/** What the learner chose on the screen; the pathway, context and selection live in the URL. */
export const usePathwaysUi = create<PathwaysUiState>()((set) => ({
  mode: 'explore',
  showTextAlternative: false,
  setMode: (mode) => set({ mode }),
  toggleTextAlternative: () =>
    set((state) => ({ showTextAlternative: !state.showTextAlternative })),
}));

// What this store holds is the pack studied: forgotten when another is chosen.
onStudyPackChanged(() => usePathwaysData.setState(usePathwaysData.getInitialState(), true));
onStudyPackChanged(() => usePathwaysUi.setState(usePathwaysUi.getInitialState(), true));
