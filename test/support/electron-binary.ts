import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const electronPackage = path.resolve('node_modules', 'electron');

/**
 * The Electron executable if one is on disk, else the reason there is none. Never `require('electron')`:
 * from Electron 45 that starts a download, which this machine and CI cannot do.
 */
export function findElectronBinary(): { path: string } | { missing: string } {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = path.join(electronPackage, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const candidate = override
    ? path.join(override, relative)
    : path.join(electronPackage, 'dist', relative);
  if (existsSync(candidate)) return { path: candidate };
  return {
    missing:
      `No Electron binary at ${candidate}. Electron 45 downloads it lazily on first use and this machine ` +
      'cannot reach its download host; the same tests run against the preview in Chromium instead. ' +
      'Set ELECTRON_OVERRIDE_DIST_PATH or run `npx install-electron` where downloads work.',
  };
}
