import { create } from 'zustand';
import type { OptimiserStatus } from '../../../../shared/contract/optimiser.ts';
import { api } from '../../api.ts';
import { messageOf } from './operation.ts';

/** How often the panel asks how a run is going: its process answers progress, not the screen. */
const pollMs = 400;

interface OptimiserState {
  readonly status: OptimiserStatus | undefined;
  /** Why the last call failed (the services could not be reached, a run went stale). */
  readonly error: string | undefined;
  readonly busy: boolean;
  readonly load: () => Promise<void>;
  readonly optimise: () => Promise<void>;
  readonly apply: (runId: string) => Promise<void>;
  readonly undo: () => Promise<void>;
}

export const useOptimiser = create<OptimiserState>()((set, get) => {
  const call = async (request: () => Promise<OptimiserStatus>): Promise<void> => {
    set({ busy: true });
    try {
      set({ status: await request(), error: undefined });
    } catch (error) {
      set({ error: messageOf(error) });
    } finally {
      set({ busy: false });
    }
    if (get().status?.run.state === 'running') follow();
  };
  let following = false;
  // While a run goes on, its status is fetched again and again until it ends.
  const follow = (): void => {
    if (following) return;
    following = true;
    const tick = async (): Promise<void> => {
      try {
        set({ status: await api.optimiser.status(), error: undefined });
      } catch (error) {
        set({ error: messageOf(error) });
      }
      if (get().status?.run.state === 'running') setTimeout(() => void tick(), pollMs);
      else following = false;
    };
    setTimeout(() => void tick(), pollMs);
  };
  return {
    status: undefined,
    error: undefined,
    busy: false,
    load: () => call(() => api.optimiser.status()),
    optimise: () => call(() => api.optimiser.start()),
    apply: (runId) => call(() => api.optimiser.apply({ runId })),
    undo: () => call(() => api.optimiser.undo()),
  };
});
