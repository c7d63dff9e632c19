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
  const child = spawn(
    process.execPath,
    [path.resolve('out/preview/preview.js'), '--data-dir', dataDir, ...extraArgs],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
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
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
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
