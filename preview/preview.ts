import { mkdtempSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openPreview } from './open-preview.ts';

/**
 * `npm run preview -- [--port N] [--data-dir DIR] [--sync-folder DIR] [--renderer-dir DIR]`: serves the built renderer
 * (out/renderer, or another build given by --renderer-dir) on 127.0.0.1 and answers the contract
 * over HTTP through the same handlers and services as Electron, run on a worker thread. Refuses to start on a data folder
 * another Pathwise holds.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'sync-folder': { type: 'string' },
      'renderer-dir': { type: 'string' },
    },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be an integer from 0 to 65535, not "${values.port ?? ''}".`);
  }

  const root = findRepoRoot();
  const rendererDir = values['renderer-dir']
    ? path.resolve(values['renderer-dir'])
    : path.join(root, 'out', 'renderer');
  readFileSync(path.join(rendererDir, 'index.html')); // fail early, with a clear message, before a build

  const dataDir = values['data-dir']
    ? path.resolve(values['data-dir'])
    : mkdtempSync(path.join(tmpdir(), 'pathwise-preview-'));
  mkdirSync(dataDir, { recursive: true });
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    version: string;
  };

  const preview = await openPreview({
    rendererDir,
    port,
    services: {
      dataDir,
      dataDirKind: values['data-dir'] ? 'preview-custom' : 'preview-temporary',
      transport: 'http',
      bundledPacksDir: path.join(root, 'assets', 'packs'),
      appVersion: version,
      ...(values['sync-folder'] === undefined
        ? {}
        : { syncFolder: path.resolve(values['sync-folder']) }),
    },
  });
  // The services' thread ended on its own (a crash): nothing can be answered any more.
  preview.host.onCrash((detail) => {
    console.error(`The services stopped unexpectedly (${detail}); the preview stops too.`);
    process.exit(1);
  });

  console.log(`Preview: http://127.0.0.1:${preview.port}/#token=${preview.token}`);
  console.log(`Data directory: ${dataDir}`);

  const stop = () => {
    void preview.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function findRepoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      readFileSync(path.join(dir, 'package.json'));
      return dir;
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir) throw new Error('Cannot find the project folder (package.json).');
      dir = parent;
    }
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes('index.html')) {
    console.error('The renderer is not built yet: run `npm run build` first.');
  } else {
    console.error(`Preview failed to start: ${message}`);
  }
  process.exit(1);
});
