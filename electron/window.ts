import { BrowserWindow, screen } from 'electron';
import path from 'node:path';
import { defaultWindowSize, loadWindowState, saveWindowState } from '../services/window-state.ts';
import { appEntryUrl } from './protocol.ts';

/** The app's one window, with the full Electron security checklist in its webPreferences. */
export function createMainWindow(preloadPath: string, userDataDir: string): BrowserWindow {
  const stateFile = path.join(userDataDir, 'window-state.json');
  const saved = loadWindowState(
    stateFile,
    screen.getAllDisplays().map((d) => d.workArea),
  );

  const window = new BrowserWindow({
    ...(saved
      ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height }
      : defaultWindowSize),
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Pathwise',
    backgroundColor: '#101418',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  });

  if (saved?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  const remember = () => {
    if (window.isDestroyed() || window.isMinimized()) return;
    const bounds = window.getNormalBounds();
    saveWindowState(stateFile, { ...bounds, maximized: window.isMaximized() });
  };
  window.on('close', remember);

  void window.loadURL(appEntryUrl);
  return window;
}
