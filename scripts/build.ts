import { build as esbuild, type BuildOptions } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';

/** Builds everything Electron and the preview need into out/: renderer, main, preload, preview. */
const nodeTarget = 'node24';
const esmRequireBanner = {
  js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
};

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: nodeTarget,
  sourcemap: false,
  logLevel: 'warning',
  legalComments: 'none',
  // jsonc-parser's default entry is a UMD wrapper whose inner requires esbuild cannot follow;
  // its ESM build bundles cleanly.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

rmSync('out', { recursive: true, force: true });

await Promise.all([
  viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' }),
  esbuild({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: 'out/main/main.js',
    format: 'esm',
    external: ['electron'],
    banner: esmRequireBanner,
  }),
  // A sandboxed preload must be CommonJS.
  esbuild({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: 'out/preload/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
  esbuild({
    ...common,
    entryPoints: ['preview/preview.ts'],
    outfile: 'out/preview/preview.js',
    format: 'esm',
    banner: esmRequireBanner,
  }),
  // The services run apart from the thread that answers the renderer (services/host/entries.ts
  // finds these beside the bundle that starts them): the host in Electron's utility process or
  // the preview's worker thread, and each heavy job (an import, an export, a pack's validation) on a worker thread of its own.
  esbuild({
    ...common,
    entryPoints: {
      'main/job-worker': 'services/jobs/job-worker.ts',
      'preview/service-host': 'services/host/host-worker.ts',
      'preview/job-worker': 'services/jobs/job-worker.ts',
      'preview/optimiser-child': 'services/optimiser/optimiser-child.ts',
    },
    // The FSRS optimiser is native code (a .node file per platform): loaded from node_modules.
    external: ['@open-spaced-repetition/binding-linux-x64-gnu'],
    outdir: 'out',
    format: 'esm',
    banner: esmRequireBanner,
  }),
  // Electron documents ES modules for its main process and renderers only: its utility processes
  // get CommonJS, the services' with import.meta.url (which finds the job threads' bundle beside
  // it) defined. The optimiser's is started by main (electron/optimiser-relay.main.ts) and loads
  // the native binding from node_modules (unpacked from the asar, electron-builder.yml).
  esbuild({
    ...common,
    entryPoints: ['services/optimiser/optimiser-child.ts'],
    outfile: 'out/main/optimiser-child.cjs',
    format: 'cjs',
    external: ['electron', '@open-spaced-repetition/binding-linux-x64-gnu'],
  }),
  esbuild({
    ...common,
    entryPoints: ['electron/service-host.utility.ts'],
    outfile: 'out/main/service-host.cjs',
    format: 'cjs',
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  }),
]);
console.log('Built renderer, main, preload and preview into out/.');
