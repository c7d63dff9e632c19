import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  playwrightReportFile,
  playwrightTimings,
  vitestTimingsFile,
  type PlaywrightReport,
  type TestTiming,
  type TimingFile,
} from './lib/test-timings.ts';

/**
 * `npm run test:headroom [-- --top N] [-- --strict]`: how close each test of the last runs came to
 * its timeout, closest first, from the reports that `npm test` writes to test-results/. A test
 * above a third of its limit is flagged: on a machine twice as slow and loaded, it could fail.
 */
const flagShare = 1 / 3;

/** Bad arguments or unreadable reports: printed, exit 1. */
class HeadroomError extends Error {}

const sources = [
  { label: 'unit', file: vitestTimingsFile('unit'), run: 'npm run test:unit' },
  { label: 'faults', file: vitestTimingsFile('faults'), run: 'npm run test:faults' },
  { label: 'e2e', file: playwrightReportFile, run: 'npm run test:e2e' },
] as const;

function readTimings(source: (typeof sources)[number]): TestTiming[] | undefined {
  if (!existsSync(source.file)) {
    console.log(`No ${source.label} timings (${source.file}): run \`${source.run}\` first.`);
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(source.file, 'utf8'));
  } catch (error) {
    throw new HeadroomError(`${source.file} is not JSON: ${(error as Error).message}`);
  }
  const tests: unknown =
    source.label === 'e2e'
      ? playwrightTimings(parsed as PlaywrightReport)
      : (parsed as TimingFile).tests;
  if (!Array.isArray(tests)) throw new HeadroomError(`${source.file} lists no tests.`);
  return tests as TestTiming[];
}

const share = (t: TestTiming) => (t.timeoutMs > 0 ? t.durationMs / t.timeoutMs : 0);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const counted = (t: TestTiming) => t.state !== 'skipped';

function row(t: TestTiming): string {
  const flag = share(t) > flagShare ? '!' : ' ';
  const percent = `${(share(t) * 100).toFixed(0)} %`.padStart(5);
  const times = `${seconds(t.durationMs).padStart(8)} / ${seconds(t.timeoutMs).padStart(7)}`;
  return `${flag} ${percent}  ${times}  ${t.suite.padEnd(16)} ${t.file} › ${t.name}`;
}

function main(): number {
  const { values } = parseArgs({
    options: { top: { type: 'string' }, strict: { type: 'boolean', default: false } },
    strict: true,
  });
  const top = values.top === undefined ? Infinity : Number(values.top);
  if (!Number.isInteger(top) && top !== Infinity)
    throw new HeadroomError(`--top wants a whole number, not “${values.top ?? ''}”.`);

  const all = sources.flatMap((source) => readTimings(source) ?? []);
  if (all.length === 0) throw new HeadroomError('No test timings found in test-results/.');
  const ran = all.filter(counted).sort((a, b) => share(b) - share(a));
  const flagged = ran.filter((t) => share(t) > flagShare);

  console.log(`\nHeadroom: each test's duration against its timeout, closest to its limit first`);
  console.log(`(! = above a third of its timeout)\n`);
  console.log(`  share  duration / timeout  suite            test`);
  for (const t of ran.slice(0, Math.max(top, flagged.length))) console.log(row(t));
  if (ran.length > top) console.log(`  … ${ran.length - top} more (all: npm run test:headroom)`);

  console.log('\nSlowest ten:');
  const slowest = [...ran].sort((a, b) => b.durationMs - a.durationMs).slice(0, 10);
  for (const t of slowest) console.log(row(t));

  const failed = all.filter((t) => t.state === 'failed').length;
  const skipped = all.length - ran.length;
  console.log(
    `\n${flagged.length} of ${ran.length} tests above a third of their timeout; the longest used ` +
      `${((ran[0] ? share(ran[0]) : 0) * 100).toFixed(0)} %.`,
  );
  console.log(`tests: ${ran.length - failed} passed, ${failed} failed, ${skipped} skipped`);
  return values.strict && flagged.length > 0 ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (error) {
  if (!(error instanceof HeadroomError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
