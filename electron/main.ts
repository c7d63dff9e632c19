import type { BrowserWindow } from 'electron';
import { app, dialog } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServiceHostClient } from '../services/host/host-client.ts';
import { registerIpc } from './ipc.main.ts';
import { registerPdfIpc } from './pdf.main.ts';
import { installAppMenu, type StudiedReview } from './menu.ts';
import { z } from 'zod';
import { registerAppSchemePrivileges, serveRenderer } from './protocol.ts';
import { hardenSession, hardenWebContents } from './security.ts';
import { startServiceProcess } from './service-host.main.ts';
import { createMainWindow } from './window.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const appRoot = app.getAppPath();
let services: ServiceHostClient | undefined;
let mainWindow: BrowserWindow | undefined;

// Tests point the app at a fresh data directory; everyone else gets the OS default.
const dataDirOverride = process.env.PATHWISE_DATA_DIR;
if (dataDirOverride) app.setPath('userData', path.resolve(dataDirOverride));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppSchemePrivileges();
  hardenWebContents();
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // Quit only once the services have flushed, closed SQLite and released the folder's lock.
  app.on('will-quit', (event) => {
    const running = services;
    if (!running) return;
    services = undefined;
    event.preventDefault();
    void running.close().finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox(
        'Pathwise could not start',
        error instanceof Error ? error.message : String(error),
      );
      app.exit(1);
    });
}

async function start(): Promise<void> {
  hardenSession();
  serveRenderer(path.join(here, '..', 'renderer'));
  const userData = app.getPath('userData');
  services = await startServiceProcess(here, {
    dataDir: userData,
    dataDirKind: dataDirOverride ? 'test' : 'user-data',
    transport: 'electron',
    bundledPacksDir: path.join(appRoot, 'assets', 'packs'),
    appVersion: app.getVersion(),
  });
  services.onCrash((detail) => {
    dialog.showErrorBox(
      'Pathwise has to close',
      `Its services stopped unexpectedly (${detail}). Everything saved before is kept.`,
    );
    app.exit(1);
  });
  const host = services;
  const refreshMenu = () =>
    void studiedReview(host).then((review) => {
      installAppMenu(app.isPackaged, review);
    });
  registerIpc(services, refreshMenu);
  registerPdfIpc();
  installAppMenu(app.isPackaged, undefined);
  refreshMenu();
  mainWindow = createMainWindow(path.join(here, '..', 'preload', 'preload.cjs'), userData);
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
}

/** The review of the pack being studied, from its manifest; undefined if the services cannot say. */
async function studiedReview(host: ServiceHostClient): Promise<StudiedReview | undefined> {
  const answer = await host.dispatch('pack.get', undefined);
  if (!answer.ok) return undefined;
  const parsed = citationOfPack.safeParse(answer.value);
  return parsed.success ? parsed.data.manifest.citation : undefined;
}

const citationOfPack = z.object({
  manifest: z.object({ citation: z.object({ title: z.string(), doi: z.string() }) }),
});
