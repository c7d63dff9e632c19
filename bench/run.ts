import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { measureBrowse } from './browse.ts';
import { measureBundle } from './bundle.ts';
import { measureColdStart } from './cold-start.ts';
import { machine, type Results } from './lib.ts';
import { measurePacks } from './packs.ts';
import { measureGeneration, measureLayout } from './engine.ts';
import { measureExports } from './exports.ts';
import { measureHostStalls } from './host-stall.ts';
import { measureImportStall } from './import-stall.ts';
import { measureOptimiser } from './optimiser.ts';
import { measureStorage } from './storage.ts';
import { measureSync } from './sync.ts';
import { measureSyncFloor } from './sync-floor.ts';
import { measureUiLatency } from './ui-latency.ts';
import { runCensus } from '../test/support/tmp-census.ts';

/**
 * `npm run bench`: every performance figure in one run, each a median of several runs, printed as a
 * table and written to bench/results.json. Targets live here, never in timed tests.
 * `npm run bench -- --only "import stall"` runs the suites whose names contain the text and
 * updates only their figures in bench/results.json.
 */
const suites: [string, () => Results | Promise<Results>][] = [
  ['bundle', () => measureBundle()],
  ['cold start', () => measureColdStart()],
  ['packs', () => measurePacks()],
  ['generation', () => measureGeneration()],
  ['layout', () => measureLayout()],
  ['storage', () => measureStorage()],
  ['import stall', () => measureImportStall()],
  ['restore and export stall', () => measureHostStalls()],
  ['ui latency', () => measureUiLatency()],
  ['exports', () => measureExports()],
  ['sync', () => measureSync()],
  ['sync floor', () => measureSyncFloor()],
  ['browse filter', () => measureBrowse()],
  ['optimiser', () => measureOptimiser()],
];

const { values } = parseArgs({ options: { only: { type: 'string' } }, strict: true });
const chosen = suites.filter(([name]) => values.only === undefined || name.includes(values.only));
if (chosen.length === 0) throw new Error(`No bench suite matches "${values.only ?? ''}".`);

// Each suite removes its temporary folders (the databases alone are ~480 MB); the census checks it.
const finishCensus = runCensus('Benchmark');
const results: Results = {};
try {
  for (const [name, run] of chosen) {
    process.stderr.write(`bench: ${name}…\n`);
    Object.assign(results, await run());
  }
} finally {
  finishCensus();
}

const rows = Object.entries(results).map(([metric, m]) => [
  metric,
  `${m.value} ${m.unit}`,
  m.target ?? '',
  m.pass === undefined ? '' : m.pass ? 'pass' : 'FAIL',
  m.note ?? '',
]);
const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length), 6));
const line = (r: string[]) => r.map((c, i) => (i < 4 ? c.padEnd(widths[i] ?? 0) : c)).join('  ');
console.log(`Machine: ${machine()}`);
console.log(line(['metric', 'value', 'target', 'result', 'note']));
for (const row of rows) console.log(line(row));

mkdirSync('bench', { recursive: true });
const resultsFile = 'bench/results.json';
const earlier =
  values.only !== undefined && existsSync(resultsFile)
    ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as { metrics: Results }).metrics
    : {};
writeFileSync(
  resultsFile,
  `${JSON.stringify({ machine: machine(), date: new Date().toISOString(), metrics: { ...earlier, ...results } }, null, 2)}\n`,
);
const failed = Object.entries(results).filter(([, m]) => m.pass === false);
console.log(
  failed.length === 0
    ? '\nAll targets met.'
    : `\n${failed.length} target(s) missed: ${failed.map(([k]) => k).join(', ')}`,
);
