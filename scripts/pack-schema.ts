import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { jsonSchemaFileName, packJsonSchemaFiles } from '../shared/pack/json-schema.ts';
import { packFileNames } from '../shared/pack/schema.ts';
import { bundledPacksDir, CliError, packDirs, repoRoot, runCli, shown } from './lib/pack-cli.ts';

/**
 * `npm run pack:schema`: writes the JSON Schema of every pack file (generated from the zod
 * schemas) into `<pack>/schema/`, and maps pack files to them in .vscode/settings.json so
 * authors get completion and inline errors. Other settings in that file are kept.
 */
const settingsFile = path.join(repoRoot, '.vscode', 'settings.json');
/** Where pack files live, relative to the repository root, for the editor's file matching. */
const packGlobs = ['assets/packs/*', 'test/fixtures/packs/*'];

runCli(async () => {
  const { positionals } = parseArgs({ allowPositionals: true, options: {}, strict: true });
  if (positionals.length > 0) throw new CliError('Usage: npm run pack:schema');
  const dirs = packDirs(undefined);
  const schemaFiles = packJsonSchemaFiles();
  for (const dir of dirs) {
    for (const [file, text] of Object.entries(schemaFiles)) {
      const target = path.join(dir, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
    console.log(`✓ ${shown(path.join(dir, 'schema'))}: ${Object.keys(schemaFiles).length} schemas`);
  }
  const [first] = dirs;
  if (first) await writeEditorSettings(first);
  return 0;
});

async function writeEditorSettings(schemaPackDir: string): Promise<void> {
  const settings = readSettings();
  const ours = packFileNames.map((file) => ({
    fileMatch: packGlobs.map((glob) => `${glob}/${file}`),
    url: `./${path
      .relative(repoRoot, path.join(schemaPackDir, jsonSchemaFileName(file)))
      .split(path.sep)
      .join('/')}`,
  }));
  const existing: unknown = settings['json.schemas'];
  const others: unknown[] = Array.isArray(existing)
    ? (existing as unknown[]).filter((entry) => !isOurs(entry))
    : [];
  settings['json.schemas'] = [...others, ...ours];
  const options = (await prettier.resolveConfig(settingsFile)) ?? {};
  const text = await prettier.format(JSON.stringify(settings), { ...options, parser: 'json' });
  mkdirSync(path.dirname(settingsFile), { recursive: true });
  writeFileSync(settingsFile, text);
  console.log(`✓ ${shown(settingsFile)}: json.schemas maps ${ours.length} pack files`);
}

function readSettings(): Record<string, unknown> {
  if (!existsSync(settingsFile)) return {};
  try {
    const value: unknown = JSON.parse(readFileSync(settingsFile, 'utf8'));
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // fall through: a settings file we cannot read is not ours to rewrite
  }
  throw new CliError(
    `${shown(settingsFile)} is not a JSON object (comments are not supported); fix it and run again`,
  );
}

function isOurs(entry: unknown): boolean {
  if (entry === null || typeof entry !== 'object' || !('url' in entry)) return false;
  const url = String(entry.url);
  return url.includes(`/${path.basename(bundledPacksDir)}/`) && url.includes('/schema/');
}
