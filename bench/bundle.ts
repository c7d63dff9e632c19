import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { atMost, report, type Results } from './lib.ts';

/** Initial JS (what index.html loads, with its static imports) vs the lazily loaded chunks. */
export function measureBundle(rendererDir = 'out/renderer'): Results {
  const html = readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map(
    (m) => m[1] ?? '',
  );
  const initial = new Set(
    [...entries, ...preloads].map((src) => path.normalize(path.join(rendererDir, src))),
  );

  const assetsDir = path.join(rendererDir, 'assets');
  const jsFiles = readdirSync(assetsDir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => path.join(assetsDir, f));
  const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

  const initialKb = [...initial].reduce((sum, file) => sum + gz(file), 0);
  const lazy = jsFiles.filter((f) => !initial.has(path.normalize(f)));
  const lazySizes = lazy
    .map((file) => ({ file: path.basename(file), kb: gz(file) }))
    .sort((a, b) => b.kb - a.kb);
  const largest = lazySizes[0];
  const workerDir = path.join(rendererDir, 'assets');
  const totalKb = readdirSync(workerDir)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + statSync(path.join(workerDir, f)).size / 1024, 0);

  return {
    'bundle.initialJsGzip': atMost(
      initialKb,
      250,
      'KB',
      `${initial.size} file(s) loaded by index.html`,
    ),
    'bundle.largestLazyChunkGzip': report(
      largest?.kb ?? 0,
      'KB',
      largest ? largest.file : 'no lazy chunks',
    ),
    'bundle.lazyChunks': report(lazy.length, 'files'),
    'bundle.totalJsRaw': report(totalKb, 'KB'),
  };
}
