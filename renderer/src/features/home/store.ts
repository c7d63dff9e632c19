import { create } from 'zustand';
import type { ProgressSummary } from '../../../../shared/contract/progress.ts';
import { api } from '../../api.ts';
import { onLearnerDataReplaced } from '../../stores/learner-data.ts';

interface HomeState {
  readonly summary: ProgressSummary | undefined;
  readonly error: string | undefined;
  readonly loading: boolean;
  /** Fetches the summary; a call while one is in flight joins it. */
  readonly load: () => Promise<void>;
}

let inFlight: Promise<void> | undefined;

/** Home's figures (progress.summary). Kept while a refresh runs, so Home never blanks. */
export const useHome = create<HomeState>()((set) => ({
  summary: undefined,
  error: undefined,
  loading: false,
  load: () => {
    inFlight ??= (async () => {
      set({ loading: true });
      try {
        set({ summary: await api.progress.summary(), error: undefined, loading: false });
      } catch (error) {
        set({ error: error instanceof Error ? error.message : String(error), loading: false });
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  },
}));

onLearnerDataReplaced(() => useHome.getState().load());
