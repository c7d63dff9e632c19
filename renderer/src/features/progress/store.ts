import { create } from 'zustand';
import type { ProgressCharts, ProgressSummary } from '../../../../shared/contract/progress.ts';
import { api } from '../../api.ts';
import { onStudyPackChanged } from '../../stores/learner-data.ts';

export type ProgressData =
  | { readonly status: 'loading' }
  | {
      readonly status: 'ready';
      readonly charts: ProgressCharts;
      readonly summary: ProgressSummary;
      /** The learner's target recall, drawn on the retention chart. */
      readonly desiredRetention: number;
    }
  | { readonly status: 'error'; readonly message: string };

interface ProgressState {
  readonly data: ProgressData;
  /** Read on every visit: the figures change with each review. */
  readonly load: () => Promise<void>;
}

export const useProgressData = create<ProgressState>()((set) => ({
  data: { status: 'loading' },
  load: async () => {
    try {
      const [charts, summary, settings] = await Promise.all([
        api.progress.charts(),
        api.progress.summary(),
        api.settings.get(),
      ]);
      set({
        data: { status: 'ready', charts, summary, desiredRetention: settings.desiredRetention },
      });
    } catch (error) {
      set({
        data: { status: 'error', message: error instanceof Error ? error.message : String(error) },
      });
    }
  },
}));

// What this store holds is the pack studied: forgotten when another is chosen.
onStudyPackChanged(() => useProgressData.setState(useProgressData.getInitialState(), true));
