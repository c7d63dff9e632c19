import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { AppServices } from '../services/app-services.ts';
import type { fileExporter as FileExporterOf } from '../services/service-registry.ts';
import { databaseFileName } from '../services/storage/storage.ts';
import type { ExportFormat } from '../shared/contract/export.ts';
import { bundledPacksDir, CliError, repoRoot, runCli, shown } from './lib/pack-cli.ts';

/**
 * `npm run -s export -- --data-dir DIR --format apkg|csv|json --out FILE [--what cards|quiz]
 * [--with-progress] [--force]`: one export of the learner data in DIR, made by the same code as
 * Settings' buttons, without Electron or a browser; `--format sbgn|svg --out FOLDER` writes each
 * pathway of the active pack as the Pathways screen exports it. Prints what it wrote as JSON.
 */

const usage = [
  'Usage: npm run -s export -- --data-dir DIR --format apkg|csv|json --out FILE',
  '       npm run -s export -- --data-dir DIR --format sbgn|svg --out FOLDER',
  '         [--what cards|quiz]   (csv: which to export; default cards)',
  '         [--with-progress]     (apkg: each card keeps its schedule; reported cards suspended)',
  '         [--scheme light|dark] (svg: colours and background; default light)',
  '         [--force]             (replace FILE, or the pathway files in FOLDER, if they exist)',
].join('\n');

const formats = ['apkg', 'csv', 'json', 'sbgn', 'svg'] as const;
type CliFormat = (typeof formats)[number];

/** A wrong or missing argument: printed with the usage, exit code 2. */
class UsageError extends CliError {}

function fail(message: string): never {
  throw new UsageError(`${message}\n${usage}`);
}

function formatOf(value: string | undefined): CliFormat {
  if (value === undefined) fail('--format is required.');
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

function folderOf(value: string | undefined): string {
  if (value === undefined) fail('--out is required (a folder for sbgn and svg).');
  const out = path.resolve(value);
  if (existsSync(out) && !statSync(out).isDirectory())
    fail(`${shown(out)} is a file: sbgn and svg write one file per pathway into a folder.`);
  const parent = path.dirname(out);
  if (!existsSync(parent) || !statSync(parent).isDirectory())
    fail(`No such folder for --out: ${shown(parent)}`);
  return out;
}

/** Written beside the target, then renamed: a failure never leaves half a file at --out. */
function writeAtomically(file: string, bytes: Uint8Array | string): void {
  const partial = `${file}.partial-${process.pid}`;
  try {
    writeFileSync(partial, bytes);
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
}

/** One file per pathway; none is written when any would replace a file without --force. */
function writeAll(
  folder: string,
  files: readonly { pathwayId: string; fileName: string; content: string }[],
  force: boolean,
): { pathway: string; file: string; bytes: number }[] {
  const taken = files.filter((file) => existsSync(path.join(folder, file.fileName)));
  if (taken.length > 0 && !force) {
    fail(
      `${shown(path.join(folder, taken[0]?.fileName ?? ''))} exists (and ${taken.length - 1} more): choose another folder, or add --force.`,
    );
  }
  mkdirSync(folder, { recursive: true });
  return files.map((file) => {
    const target = path.join(folder, file.fileName);
    writeAtomically(target, file.content);
    return { pathway: file.pathwayId, file: target, bytes: Buffer.byteLength(file.content) };
  });
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
        scheme: { type: 'string' },
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
  if (values.scheme !== undefined && format !== 'svg')
    fail('--scheme applies to --format svg only.');
  if (values.scheme !== undefined && values.scheme !== 'light' && values.scheme !== 'dark')
    fail(`--scheme must be light or dark, not "${values.scheme}".`);
  const scheme = values.scheme === 'dark' ? 'dark' : 'light';
  const dataDir = dataDirOf(values['data-dir']);
  const out =
    format === 'sbgn' || format === 'svg' ? folderOf(values.out) : outOf(values.out, values.force);

  const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  // Loaded once the arguments are known to be good: a usage error answers at once.
  const { openAppServices } = await import('../services/app-services.ts');
  const { fileExporter } = await import('../services/service-registry.ts');
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
    if (format === 'sbgn' || format === 'svg') {
      const { pathwayFiles } = await import('../services/export/pathway-files.ts');
      const files = await pathwayFiles(services.packs.get(), format, scheme);
      const written = writeAll(out, files, values.force);
      process.stdout.write(
        `${JSON.stringify({ format, ...(format === 'svg' ? { scheme } : {}), out, files: written })}\n`,
      );
      return 0;
    }
    const { bytes, counts } = await exportBytes(
      services,
      fileExporter,
      format,
      what,
      values['with-progress'],
    );
    writeAtomically(out, bytes);
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
  format: 'apkg' | 'csv' | 'json',
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
