import { parseArgs } from 'node:util';
import { packStats } from '../shared/pack/stats.ts';
import { CliError, loadOnePack, runCli } from './lib/pack-cli.ts';

/** `npm run -s pack:stats [dir]`: counts over a pack (default: the bundled il32-gamma) as JSON. */
runCli(() => {
  const { positionals } = parseArgs({ allowPositionals: true, options: {}, strict: true });
  if (positionals.length > 1) throw new CliError('Usage: npm run -s pack:stats [pack folder]');
  const { pack } = loadOnePack(positionals[0]);
  console.log(JSON.stringify(packStats(pack), null, 2));
  return 0;
});
