import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openAppServices } from '../../services/app-services.ts';
import { DataFolderInUseError, lockFileName } from '../../services/storage/data-folder-lock.ts';
import {
  refusedSourcePreview,
  startSourcePreview,
  type RunningPreview,
} from '../support/preview-process.ts';
import { bundledPacksDir } from '../support/test-services.ts';
import { onCleanup, tempDir } from '../support/test-scope.ts';

/**
 * One Pathwise per data folder, across real processes: two previews, a preview and the services
 * Electron opens (the same `openAppServices`, run here in plain Node), and a holder killed with
 * SIGKILL, whose lock the OS must drop.
 */

function rendererDir(): string {
  const dir = path.join(tempDir('renderer'), 'renderer');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Pathwise</title>');
  return dir;
}

async function preview(dataDir: string, renderer: string): Promise<RunningPreview> {
  const running = await startSourcePreview(dataDir, renderer);
  onCleanup(() => running.stop());
  return running;
}

async function appInfo(running: RunningPreview): Promise<unknown> {
  const response = await fetch(`${running.origin}/ipc/app.info`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${running.token}` },
  });
  return response.json();
}

/** What the services Electron's main process opens do on `dataDir`. */
function openLikeElectron(dataDir: string) {
  return openAppServices({
    dataDir,
    dataDirKind: 'user-data',
    transport: 'electron',
    bundledPacksDir,
    appVersion: '0.0.0-test',
    dailyBackupDelayMs: null,
  });
}

describe('one Pathwise per data folder', () => {
  it('refuses a second preview on the same folder, naming it, while the first keeps working', async () => {
    const dataDir = tempDir('shared-data');
    const renderer = rendererDir();
    const first = await preview(dataDir, renderer);

    const second = await refusedSourcePreview(dataDir, renderer);
    expect(second.code).toBe(1);
    expect(second.output).toContain(`The data folder ${dataDir} is already in use`);
    expect(second.output).not.toContain('Preview: http');

    expect(await appInfo(first)).toMatchObject({ ok: true, value: { transport: 'http' } });

    // Once the first has stopped, the folder is free again.
    await first.stop();
    const third = await preview(dataDir, renderer);
    expect(await appInfo(third)).toMatchObject({ ok: true });
  });

  it('a lock left by a holder killed with SIGKILL does not block the next start', async () => {
    const dataDir = tempDir('killed-holder');
    const renderer = rendererDir();
    const first = await preview(dataDir, renderer);
    const exited = new Promise((resolve) => first.process.once('exit', resolve));
    first.process.kill('SIGKILL');
    await exited;
    // The file stays behind; only the OS lock on it went with the process.
    expect(existsSync(path.join(dataDir, lockFileName))).toBe(true);

    const next = await preview(dataDir, renderer);
    expect(await appInfo(next)).toMatchObject({ ok: true });
  });

  it('the Electron path (openAppServices) and a preview exclude each other', async () => {
    const dataDir = tempDir('electron-and-preview');
    const renderer = rendererDir();

    // Electron first: a preview on its folder is refused.
    const electron = openLikeElectron(dataDir);
    const refused = await refusedSourcePreview(dataDir, renderer);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`The data folder ${dataDir} is already in use`);
    electron.close();

    // A preview first: the Electron path throws before opening anything.
    await preview(dataDir, renderer);
    let error: unknown;
    try {
      openLikeElectron(dataDir).close();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DataFolderInUseError);
    expect((error as Error).message).toContain(dataDir);
  });
});
