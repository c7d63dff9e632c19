import { Menu, shell, type MenuItemConstructorOptions } from 'electron';
import { isAllowedExternalUrl } from '../shared/security/csp.ts';

const reviewDoiUrl = 'https://doi.org/10.4078/jrd.2017.24.1.14';

/** The standard application menu; dev tools only in unpackaged builds. */
export function installAppMenu(isPackaged: boolean): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(isPackaged
          ? []
          : [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        {
          label: 'Open the Review (doi.org)',
          click: () => {
            if (isAllowedExternalUrl(reviewDoiUrl)) void shell.openExternal(reviewDoiUrl);
          },
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
