import type { BrowserWindow } from 'electron';
import { app, dialog } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createHandlerRegistry,
  openAppServices,
  type AppServices,
} from '../services/app-services.ts';
import { registerIpc } from './ipc.main.ts';
import { installAppMenu } from './menu.ts';
import { registerAppSchemePrivileges, serveRenderer } from './protocol.ts';
import { hardenSession, hardenWebContents } from './security.ts';
import { createMainWindow } from './window.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const appRoot = app.getAppPath();
let services: AppServices | undefined;
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
  app.on('will-quit', () => services?.close());
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

function start(): void {
  hardenSession();
  serveRenderer(path.join(here, '..', 'renderer'));
  const userData = app.getPath('userData');
  services = openAppServices({
    dataDir: userData,
    dataDirKind: dataDirOverride ? 'test' : 'user-data',
    transport: 'electron',
    bundledPacksDir: path.join(appRoot, 'assets', 'packs'),
    appVersion: app.getVersion(),
  });
  registerIpc(createHandlerRegistry(services));
  installAppMenu(app.isPackaged);
  mainWindow = createMainWindow(path.join(here, '..', 'preload', 'preload.cjs'), userData);
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
}
