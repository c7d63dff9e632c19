import { existsSync } from 'node:fs';
import { findElectronBinary } from '../support/electron-binary.ts';
import { chromiumExecutable } from '../support/chromium.ts';
import { runCensus } from '../support/tmp-census.ts';

/** Checks the build and Chromium; the returned teardown fails the run if it left temporary folders. */
export default function globalSetup(): () => void {
  if (!existsSync('out/preview/preview.js') || !existsSync('out/renderer/index.html')) {
    throw new Error('The app is not built: run `npm run build` before the end-to-end tests.');
  }
  if (!existsSync(chromiumExecutable)) {
    throw new Error(
      `No Chromium at ${chromiumExecutable}: install it with \`apt-get install -y chromium\`.`,
    );
  }
  const electron = findElectronBinary();
  console.log(
    'missing' in electron
      ? `Electron tests will be skipped. ${electron.missing}`
      : `Electron tests use ${electron.path}.`,
  );
  return runCensus('End-to-end tests');
}
