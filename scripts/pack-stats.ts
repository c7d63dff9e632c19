import { parseArgs } from 'node:util';
import { packLayoutFigures } from '../shared/pack/layout-quality.ts';
import { packStats } from '../shared/pack/stats.ts';
import { CliError, loadOnePack, runCli } from './lib/pack-cli.ts';

/** `npm run -s pack:stats [dir]`: counts over a pack (default: the bundled il32-gamma) and its
 * layout figures, as JSON. */
runCli(() => {
  const { positionals } = parseArgs({ allowPositionals: true, options: {}, strict: true });
  if (positionals.length > 1) throw new CliError('Usage: npm run -s pack:stats [pack folder]');
  const { pack } = loadOnePack(positionals[0]);
  // Layout figures per pathway at a 1280×800 window (issue 11): crossings, shortest line before
  // an end marker, smallest label, loop gap, fan-outs drawn backwards, and what misses a target.
  console.log(
    JSON.stringify({ ...packStats(pack), layoutFigures: packLayoutFigures(pack) }, null, 2),
  );
  return 0;
});
