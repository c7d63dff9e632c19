// Must stay the first import: it starts the first requests before React DOM is evaluated.
import { homeLoaded, settingsLoaded } from './boot.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { useAppInfo } from './stores/app-info.ts';
import { useNotices } from './stores/notices.ts';
import { applyAppearance, rememberedAppearance } from './styles/appearance.ts';
import './styles/global.css';
import './styles/components.css';

/** The longest the first render waits for Home's data and the settings. */
const firstRenderWaitMs = 200;

// Notices and the version line follow once Home has its data, so they never hold it up (each
// extra request at start costs a connection).
void homeLoaded.finally(() => {
  void useNotices.getState().load();
  void useAppInfo.getState().load();
});

// The theme this browser last showed, so the empty window is already the right colour; the
// stored settings confirm or correct it.
const remembered = rememberedAppearance();
if (remembered) applyAppearance(remembered);

/**
 * One first render, with Home's data and the theme already known, instead of a "Loading" render
 * followed by a second one: React's first render is the largest task at start, and a response
 * arriving during it waits for it to finish. Not a top-level await, which would make the bundler
 * split every module shared with a lazy screen out of the entry chunk.
 */
async function start(): Promise<void> {
  await Promise.race([
    Promise.allSettled([homeLoaded, settingsLoaded]),
    new Promise((resolve) => setTimeout(resolve, firstRenderWaitMs)),
  ]);
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html lacks #root');
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
