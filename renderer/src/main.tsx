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

// The theme this browser last showed, at once; the stored settings confirm or correct it below.
const remembered = rememberedAppearance();
if (remembered) applyAppearance(remembered);

// Start the first requests now, in parallel with React's first render, not after it.
const settingsLoaded = useSettings.getState().load();
void useHome.getState().load();
void useNotices.getState().load();
void useAppInfo.getState().load();

// With no remembered theme, wait briefly for the settings so a dark theme never flashes light.
if (!remembered) {
  await Promise.race([settingsLoaded, new Promise((resolve) => setTimeout(resolve, 300))]);
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
