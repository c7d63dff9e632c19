import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { AppServices, fileExporter as FileExporterOf } from '../services/app-services.ts';
import { databaseFileName } from '../services/storage/storage.ts';
import type { ExportFormat } from '../shared/contract/export.ts';
import { bundledPacksDir, CliError, repoRoot, runCli, shown } from './lib/pack-cli.ts';

/**
 * `npm run -s export -- --data-dir DIR --format apkg|csv|json --out FILE [--what cards|quiz]
 * [--with-progress] [--force]`: one export of the learner data in DIR, made by the same code as
 * Settings' buttons, without Electron or a browser. Prints what it wrote as JSON.
 */

const usage = [
  'Usage: npm run -s export -- --data-dir DIR --format apkg|csv|json --out FILE',
  '         [--what cards|quiz]   (csv: which to export; default cards)',
  '         [--with-progress]     (apkg: each card keeps its schedule; reported cards suspended)',
  '         [--force]             (replace FILE if it exists)',
].join('\n');

const formats = ['apkg', 'csv', 'json'] as const;
type CliFormat = (typeof formats)[number];

/** A wrong or missing argument: printed with the usage, exit code 2. */
class UsageError extends CliError {}

function fail(message: string): never {
  throw new UsageError(`${message}\n${usage}`);
}

function formatOf(value: string | undefined): CliFormat {
  if (value === undefined) fail('--format is required.');
  if (value === 'sbgn') {
    fail(
      `--format sbgn is not available here (pathway export is separate work). Formats available: ${formats.join(', ')}.`,
    );
  }
  if (!(formats as readonly string[]).includes(value)) {
    fail(`Unknown format "${value}". Formats available: ${formats.join(', ')}.`);
  }
  return value as CliFormat;
}

function dataDirOf(value: string | undefined): string {
  if (value === undefined) fail('--data-dir is required.');
  const dir = path.resolve(value);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) fail(`No such folder: ${shown(dir)}`);
  if (!existsSync(path.join(dir, databaseFileName))) {
    fail(`${shown(dir)} holds no Pathwise progress (no ${databaseFileName}).`);
  }
  return dir;
}

function outOf(value: string | undefined, force: boolean): string {
  if (value === undefined) fail('--out is required.');
  const out = path.resolve(value);
  const dir = path.dirname(out);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    fail(`No such folder for --out: ${shown(dir)}`);
  if (existsSync(out) && !force) fail(`${shown(out)} exists: choose another name, or add --force.`);
  return out;
}

runCli(() =>
  main().catch((error: unknown) => {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }),
);

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      strict: true,
      options: {
        'data-dir': { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        what: { type: 'string' },
        'with-progress': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  const format = formatOf(values.format);
  const what = values.what ?? 'cards';
  if (values.what !== undefined && format !== 'csv') fail('--what applies to --format csv only.');
  if (what !== 'cards' && what !== 'quiz') fail(`--what must be cards or quiz, not "${what}".`);
  if (values['with-progress'] && format !== 'apkg')
    fail('--with-progress applies to --format apkg only.');
  const dataDir = dataDirOf(values['data-dir']);
  const out = outOf(values.out, values.force);

  const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  // Loaded once the arguments are known to be good: a usage error answers at once.
  const { fileExporter, openAppServices } = await import('../services/app-services.ts');
  // Opened as the preview opens a folder the learner named: the same lock, packs and checks.
  const services = openAppServices({
    dataDir,
    dataDirKind: 'preview-custom',
    transport: 'http',
    bundledPacksDir,
    appVersion: version,
    dailyBackupDelayMs: null,
  });
  try {
    const { bytes, counts } = await exportBytes(
      services,
      fileExporter,
      format,
      what,
      values['with-progress'],
    );
    // Written beside the target, then renamed: a failure never leaves half a file at --out.
    const partial = `${out}.partial-${process.pid}`;
    try {
      writeFileSync(partial, bytes);
      renameSync(partial, out);
    } finally {
      rmSync(partial, { force: true });
    }
    process.stdout.write(
      `${JSON.stringify({ format, ...(format === 'csv' ? { what } : {}), out, bytes: bytes.length, counts })}\n`,
    );
    return 0;
  } finally {
    services.close();
  }
}

async function exportBytes(
  services: AppServices,
  fileExporter: typeof FileExporterOf,
  format: CliFormat,
  what: 'cards' | 'quiz',
  withProgress: boolean,
): Promise<{ bytes: Uint8Array; counts: Record<string, number> }> {
  if (format === 'json') {
    const { content, counts } = services.data.exportDocument();
    return { bytes: new TextEncoder().encode(content), counts: { ...counts } };
  }
  const request: ExportFormat =
    format === 'apkg' ? 'apkg' : what === 'quiz' ? 'quiz-csv' : 'cards-csv';
  const file = await fileExporter(services).exportFile({
    format: request,
    includeProgress: withProgress,
  });
  return { bytes: Buffer.from(file.base64, 'base64'), counts: file.counts };
}
