import './settings.css';
import { useCallback } from 'react';
import type { SettingsUpdate } from '../../../../shared/contract/settings.ts';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { useSettings } from '../../stores/settings.ts';
import { AppearanceSettings } from './AppearanceSettings.tsx';
import { BackupsPanel } from './BackupsPanel.tsx';
import { OptimiserPanel } from './OptimiserPanel.tsx';
import { OtherAppsExport } from './OtherAppsExport.tsx';
import { PacksPanel } from './PacksPanel.tsx';
import { ProgressData } from './ProgressData.tsx';
import { StudySettings } from './StudySettings.tsx';
import { SyncPanel } from './SyncPanel.tsx';

/** Settings (`#/settings`): study targets, appearance, progress files, backups, packs. */
export default function SettingsScreen() {
  const settings = useSettings((s) => s.settings);
  const loadError = useSettings((s) => s.loadError);
  const save = useSettings((s) => s.save);
  const load = useSettings((s) => s.load);
  const update = useSettings((s) => s.update);

  const saveSetting = useCallback(
    async (change: SettingsUpdate, what: string) => {
      const saved = await update(change, what);
      if (saved) return undefined;
      const state = useSettings.getState().save;
      return state.status === 'failed' ? state.message : 'The setting was not saved.';
    },
    [update],
  );

  return (
    <section
      aria-labelledby="settings-title"
      className="settings"
      data-screen-ready={settings ? 'settings' : undefined}
    >
      <header className="screen-header">
        <h1 id="settings-title">Settings</h1>
        <p className="muted settings-saved" role="status">
          {save.status === 'saved' ? `${save.what}: saved.` : ''}
        </p>
      </header>
      {loadError && <ErrorMessage error={loadError} onRetry={() => void load()} />}
      {!settings && !loadError && <Loading label="Loading your settings…" />}
      {settings && (
        <div className="settings-grid">
          <StudySettings settings={settings} save={saveSetting} />
          <OptimiserPanel />
          <AppearanceSettings settings={settings} save={saveSetting} />
          <ProgressData />
          <OtherAppsExport />
          <BackupsPanel />
          <SyncPanel />
          <PacksPanel />
        </div>
      )}
    </section>
  );
}
