import path from 'node:path';
import { parseArgs } from 'node:util';
import { syncDataFolder } from '../services/sync/headless.ts';
import { CliError, runCli } from './lib/pack-cli.ts';

/**
 * `npm run -s sync -- --data-dir DIR --folder DIR`: one sync round on a data folder, headless.
 * Prints the round as JSON (records sent and received by kind, files and lines read, problems);
 * exit 0 when the round found no problem, 1 otherwise.
 */
runCli(() => {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, folder: { type: 'string' } },
    strict: true,
  });
  const dataDir = values['data-dir'];
  const folder = values.folder;
  if (dataDir === undefined || folder === undefined) {
    throw new CliError('Usage: npm run -s sync -- --data-dir <data folder> --folder <sync folder>');
  }
  const result = syncDataFolder({ dataDir: path.resolve(dataDir), folder: path.resolve(folder) });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return result.problems.length === 0 ? 0 : 1;
});
