import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadPackFolder } from '../../services/packs/pack-folder.ts';
import { maxJsonValues } from '../../shared/pack/json-source.ts';
import { miniPackDir } from '../support/packs.ts';
import { startSourcePreview, type RunningPreview } from '../support/preview-process.ts';
import { onCleanup, tempDir } from '../support/test-scope.ts';

/**
 * Learner packs made to hang or exhaust start-up: each must end as a notice naming what was
 * skipped and why, in a real preview process that starts and answers. Before, a FIFO blocked start
 * forever, a link to /dev/zero grew the process by ~95 MB/s, a link to a private file was read and
 * echoed, a linked folder vanished silently, and 900k tiny objects took 100 s and 4.3 GB.
 */

const secret = 'PRIVATE-LINE-THAT-MUST-NOT-BE-ECHOED';

interface Notice {
  readonly title: string;
  readonly message: string;
  readonly details: readonly string[];
}

/** `<data>/packs/mini/` holding the mini pack; `hostile` then replaces part of it. */
function dataDirWith(hostile: (packsDir: string, packDir: string) => void): string {
  const dataDir = tempDir('hostile-pack');
  const packsDir = path.join(dataDir, 'packs');
  const packDir = path.join(packsDir, 'mini');
  mkdirSync(packsDir);
  cpSync(miniPackDir, packDir, { recursive: true });
  hostile(packsDir, packDir);
  return dataDir;
}

function replaceFacts(packDir: string, make: (file: string) => void): void {
  const file = path.join(packDir, 'facts.json');
  rmSync(file);
  make(file);
}

function rendererDir(): string {
  const dir = tempDir('renderer');
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Pathwise</title>');
  return dir;
}

async function call(running: RunningPreview, channel: string): Promise<unknown> {
  const response = await fetch(`${running.origin}/ipc/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${running.token}` },
  });
  return response.json();
}

/** Starts a preview on `dataDir`; returns its notices and the time from spawn to having them. */
async function startAndReadNotices(dataDir: string): Promise<{ notices: Notice[]; ms: number }> {
  const started = performance.now();
  const running = await startSourcePreview(dataDir, rendererDir());
  onCleanup(() => running.stop());
  // Packs are read before the preview listens: its notices are complete once it answers.
  const answer = (await call(running, 'app.notices')) as { ok: boolean; value: Notice[] };
  const ms = performance.now() - started;
  expect(answer.ok).toBe(true);
  // The app still works on its bundled pack.
  expect(await call(running, 'pack.get')).toMatchObject({
    ok: true,
    value: { manifest: { id: 'il32-gamma' } },
  });
  return { notices: answer.value, ms };
}

function packNotice(notices: readonly Notice[], folder: string): string {
  const notice = notices.find((n) => n.title === `Your pack "${folder}" was not loaded`);
  expect(notice, JSON.stringify(notices)).toBeDefined();
  return [notice?.message ?? '', ...(notice?.details ?? [])].join('\n');
}

/**
 * What reading the hostile folder itself costs, in this process: the part of start-up it adds.
 * Milliseconds where it used to hang; 5 s leaves room for a machine many times slower.
 */
function expectQuickRefusal(name: string, packDir: string): void {
  const started = performance.now();
  const result = loadPackFolder(packDir);
  const ms = performance.now() - started;
  readingMs[name] = Math.round(ms);
  expect(result.ok).toBe(false);
  expect(ms).toBeLessThan(5_000);
}

/** Spawn of a preview to its notices, whole start-up included (Node, bundled pack, bank). */
const startMs: Record<string, number> = {};
const readingMs: Record<string, number> = {};
const posix = process.platform !== 'win32';

describe('hostile learner packs end as notices, and the app starts', () => {
  it.runIf(posix)('a FIFO named facts.json', async () => {
    const dataDir = dataDirWith((_, pack) =>
      replaceFacts(pack, (file) => execFileSync('mkfifo', [file])),
    );
    expectQuickRefusal('fifo', path.join(dataDir, 'packs', 'mini'));
    const { notices, ms } = await startAndReadNotices(dataDir);
    startMs.fifo = ms;
    expect(packNotice(notices, 'mini')).toMatch(/facts\.json.*named pipe \(FIFO\).*not read/);
  });

  it.runIf(posix)('facts.json linked to /dev/zero', async () => {
    const dataDir = dataDirWith((_, pack) =>
      replaceFacts(pack, (file) => symlinkSync('/dev/zero', file)),
    );
    expectQuickRefusal('devZero', path.join(dataDir, 'packs', 'mini'));
    const { notices, ms } = await startAndReadNotices(dataDir);
    startMs.devZero = ms;
    expect(packNotice(notices, 'mini')).toMatch(/facts\.json.*symbolic link.*never follows/);
  });

  it('facts.json linked to a readable file outside the pack: never read, nothing echoed', async () => {
    const outside = path.join(tempDir('outside'), 'private.json');
    writeFileSync(outside, `[{"id": "${secret}"}]\n`);
    const dataDir = dataDirWith((_, pack) =>
      replaceFacts(pack, (file) => symlinkSync(outside, file)),
    );
    expectQuickRefusal('linkOutside', path.join(dataDir, 'packs', 'mini'));
    const { notices, ms } = await startAndReadNotices(dataDir);
    startMs.linkOutside = ms;
    const text = packNotice(notices, 'mini');
    expect(text).toMatch(/facts\.json.*symbolic link/);
    expect(JSON.stringify(notices)).not.toContain(secret);
  });

  it('a pack folder that is a link to a folder elsewhere', async () => {
    const elsewhere = path.join(tempDir('elsewhere'), 'linked');
    cpSync(miniPackDir, elsewhere, { recursive: true });
    const dataDir = dataDirWith((packs) => symlinkSync(elsewhere, path.join(packs, 'linked')));
    const { notices, ms } = await startAndReadNotices(dataDir);
    startMs.linkedFolder = ms;
    expect(packNotice(notices, 'linked')).toMatch(/linked was skipped: .*symbolic link/);
  });

  it('a facts.json of 900,000 tiny objects is refused in one scan', async () => {
    const objects = 900_000;
    const dataDir = dataDirWith((_, pack) =>
      replaceFacts(pack, (file) =>
        writeFileSync(file, `[${Array.from({ length: objects }, () => '{"id":"F1"}').join(',')}]`),
      ),
    );
    expectQuickRefusal('tinyObjects', path.join(dataDir, 'packs', 'mini'));
    const { notices, ms } = await startAndReadNotices(dataDir);
    startMs.tinyObjects = ms;
    expect(packNotice(notices, 'mini')).toContain(`more than ${maxJsonValues} values`);
  });

  it('for comparison: a clean data folder, and what each took', async () => {
    const { notices, ms } = await startAndReadNotices(tempDir('clean-data'));
    startMs.clean = ms;
    expect(notices).toEqual([]);
    const rounded = Object.fromEntries(
      Object.entries(startMs).map(([name, value]) => [name, Math.round(value)]),
    );
    console.log(
      `hostile packs: reading the folder, ms ${JSON.stringify(readingMs)}; ` +
        `preview spawn to notices, ms ${JSON.stringify(rounded)}`,
    );
  });
});
