import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { useHome } from './features/home/store.ts';
import { useAppInfo } from './stores/app-info.ts';
import { useNotices } from './stores/notices.ts';
import { useSettings } from './stores/settings.ts';
import { applyAppearance, rememberedAppearance } from './styles/appearance.ts';
import './styles/global.css';
import './styles/components.css';

// Start the first requests now, before React renders the first screen, not after it: Home's
// figures first, then the settings. Notices and the version line follow once Home has its data,
// so they never hold it up (each extra request at start costs a connection).
const homeLoaded = useHome.getState().load();
void useSettings.getState().load();
void homeLoaded.finally(() => {
  void useNotices.getState().load();
  void useAppInfo.getState().load();
});

// The theme this browser last showed, applied before the first render; the stored settings
// confirm or correct it when they arrive (a few milliseconds). Not waiting for them keeps
// React's first render off the path to Home's data.
const remembered = rememberedAppearance();
if (remembered) applyAppearance(remembered);

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
