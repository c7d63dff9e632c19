import { app, BrowserWindow, dialog, ipcMain, type WebContents } from 'electron';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Envelope } from '../shared/contract/errors.ts';
import { windowChannels, type SavePdfResult } from '../shared/contract/window.ts';
import { isTrustedEvent } from './ipc.main.ts';

const { request: savePdfRequest } = windowChannels['window.savePdf'];

/**
 * `window.savePdf`: prints the calling window with its print stylesheet (the page sizes its
 * `@page` rules ask for) to a PDF, saved where the learner picks in the system's save dialog.
 * The renderer names no path: only a file name stem, checked here.
 */
export function registerPdfIpc(): void {
  ipcMain.handle('window.savePdf', async (event, payload: unknown) => {
    if (!isTrustedEvent(event)) {
      return { ok: false, error: { code: 'forbidden', message: 'IPC from an untrusted frame.' } };
    }
    const parsed = savePdfRequest.safeParse(payload);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'invalid-request', message: 'A PDF needs a plain file name.' },
      };
    }
    return savePdf(event.sender, parsed.data.fileStem);
  });
}

async function savePdf(contents: WebContents, fileStem: string): Promise<Envelope<SavePdfResult>> {
  const window = BrowserWindow.fromWebContents(contents);
  const options = {
    title: 'Save as PDF',
    defaultPath: path.join(app.getPath('documents'), `${fileStem}.pdf`),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  };
  const choice = await (window
    ? dialog.showSaveDialog(window, options)
    : dialog.showSaveDialog(options));
  if (choice.canceled || !choice.filePath) {
    return { ok: true, value: { saved: false, fileName: null } };
  }
  try {
    const pdf = await contents.printToPDF({ printBackground: true, preferCSSPageSize: true });
    await writeFile(choice.filePath, pdf);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: { code: 'storage-unavailable', message: `The PDF could not be saved: ${reason}` },
    };
  }
  return { ok: true, value: { saved: true, fileName: path.basename(choice.filePath) } };
}
