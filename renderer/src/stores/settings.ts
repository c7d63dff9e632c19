import { create } from 'zustand';
import type { Settings, SettingsUpdate } from '../../../shared/contract/settings.ts';
import { api } from '../api.ts';
import { applyAppearance, rememberAppearance } from '../styles/appearance.ts';
import { onLearnerDataReplaced } from './learner-data.ts';

export type SaveState =
  | { readonly status: 'idle' }
  | { readonly status: 'saving' }
  | { readonly status: 'saved'; readonly what: string }
  | { readonly status: 'failed'; readonly message: string };

interface SettingsState {
  readonly settings: Settings | undefined;
  readonly loadError: string | undefined;
  readonly save: SaveState;
  readonly load: () => Promise<void>;
  /** Saves a change; `what` names it for the confirmation ("Theme saved"). */
  readonly update: (update: SettingsUpdate, what: string) => Promise<boolean>;
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

function adopt(settings: Settings): void {
  applyAppearance(settings);
  rememberAppearance({ theme: settings.theme, reducedMotion: settings.reducedMotion });
}

/** The learner's settings as main stores them; theme and motion are applied as soon as known. */
export const useSettings = create<SettingsState>()((set, get) => ({
  settings: undefined,
  loadError: undefined,
  save: { status: 'idle' },
  load: async () => {
    try {
      const settings = await api.settings.get();
      adopt(settings);
      set({ settings, loadError: undefined });
    } catch (error) {
      set({ loadError: messageOf(error) });
    }
  },
  update: async (update, what) => {
    // Shown and applied at once (a theme must not wait for a round trip); undone if refused.
    const before = get().settings;
    if (before) {
      const optimistic = { ...before, ...update };
      applyAppearance(optimistic);
      set({ settings: optimistic, save: { status: 'saving' } });
    } else {
      set({ save: { status: 'saving' } });
    }
    try {
      const settings = await api.settings.update(update);
      adopt(settings);
      set({ settings, save: { status: 'saved', what } });
      return true;
    } catch (error) {
      if (before) applyAppearance(before);
      set({
        ...(before ? { settings: before } : {}),
        save: { status: 'failed', message: messageOf(error) },
      });
      return false;
    }
  },
}));

onLearnerDataReplaced(() => useSettings.getState().load());
