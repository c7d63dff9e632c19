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

// Start the first requests now, before React loads the first screen, not after it renders.
const settingsLoaded = useSettings.getState().load();
void useHome.getState().load();
void useNotices.getState().load();
void useAppInfo.getState().load();

/** Renders once the theme is known. Not a top-level await: that would make the bundler split
 * every module shared with a lazy screen out of the entry chunk (more requests at start). */
async function start(): Promise<void> {
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
}

void start();
