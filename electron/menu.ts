import { Menu, shell, type MenuItemConstructorOptions } from 'electron';
import { isAllowedExternalUrl } from '../shared/security/csp.ts';

/** The review the pack being studied teaches, as its manifest cites it. */
export interface StudiedReview {
  readonly title: string;
  /** The bare DOI, e.g. "10.4078/jrd.2017.24.1.14". */
  readonly doi: string;
}

/**
 * The standard application menu; dev tools only in unpackaged builds. Help opens the review of
 * the pack being studied (installed again whenever another pack is chosen); none until it is known.
 */
export function installAppMenu(isPackaged: boolean, review: StudiedReview | undefined): void {
  const reviewUrl = review && `https://doi.org/${review.doi}`;
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
      submenu: reviewUrl
        ? [
            {
              label: `About the review: ${shortTitle(review.title)} (doi.org)`,
              click: () => {
                if (isAllowedExternalUrl(reviewUrl)) void shell.openExternal(reviewUrl);
              },
            },
          ]
        : [{ label: 'No review is open', enabled: false }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** A menu item stays one line: a long title is cut at a word. */
function shortTitle(title: string): string {
  if (title.length <= 60) return title;
  const cut = title.slice(0, 60);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40))}…`;
}
