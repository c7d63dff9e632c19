import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface RunningPreview {
  /** The URL the preview printed, with the token in its hash. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the built preview (`out/preview/preview.js`) on a free port over the given data directory. */
export function startPreview(
  dataDir: string,
  extraArgs: readonly string[] = [],
): Promise<RunningPreview> {
  return waitForUrl(spawnPreview(path.resolve('out/preview/preview.js'), dataDir, extraArgs));
}

/**
 * Starts the preview from its source (`preview/preview.ts`, Node 24 strips the types) serving
 * `rendererDir`, so a test needs no build; the same start-up code as the built one.
 */
export function startSourcePreview(dataDir: string, rendererDir: string): Promise<RunningPreview> {
  return waitForUrl(spawnSourcePreview(dataDir, rendererDir));
}

/** Runs the source preview expecting it to refuse to start: its exit code and its output. */
export function refusedSourcePreview(
  dataDir: string,
  rendererDir: string,
): Promise<{ code: number | null; output: string }> {
  const child = spawnSourcePreview(dataDir, rendererDir);
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    // Started after all: stop it, so the test fails on its output instead of waiting forever.
    if (output.includes('Preview: http')) child.kill('SIGKILL');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return new Promise((resolve) => {
    child.once('close', (code) => resolve({ code, output }));
  });
}

/** Node 24 from the install, as for every npm script (vitest may run on another Node). */
const node24 = path.resolve('node_modules/.bin/node');

function spawnSourcePreview(dataDir: string, rendererDir: string): ChildProcess {
  return spawnPreview(
    path.resolve('preview/preview.ts'),
    dataDir,
    ['--renderer-dir', rendererDir],
    node24,
  );
}

function spawnPreview(
  entry: string,
  dataDir: string,
  extraArgs: readonly string[],
  node = process.execPath,
): ChildProcess {
  return spawn(node, [entry, '--data-dir', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function waitForUrl(child: ChildProcess): Promise<RunningPreview> {
  const { stdout, stderr } = child;
  if (!stdout || !stderr) throw new Error('The preview must be spawned with piped output.');
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The preview did not print its URL within 60 s. Output:\n${output}`));
    }, 60_000); // a loaded machine can take this long to start Node and open SQLite
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Preview: (http:\/\/127\.0\.0\.1:\d+)\/#token=([\w-]+)/.exec(output);
      if (!match?.[1] || !match[2]) return;
      clearTimeout(timer);
      const origin = match[1];
      const token = match[2];
      resolve({
        url: `${origin}/#token=${token}`,
        origin,
        token,
        process: child,
        stop: () => stopChild(child),
      });
    };
    stdout.on('data', onData);
    stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new Error(
          `The preview exited with code ${String(code)} before printing its URL:\n${output}`,
        ),
      );
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  });
}
