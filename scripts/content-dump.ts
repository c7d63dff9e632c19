import { parseArgs } from 'node:util';
import { generateBank } from '../shared/engine/bank.ts';
import { toDump } from '../shared/engine/dump.ts';
import { contentDump } from '../shared/pack/dump.ts';
import { CliError, loadOnePack, runCli } from './lib/pack-cli.ts';

/**
 * `npm run -s content:dump [dir]`: everything a learner could be shown, as ONE JSON document on
 * stdout, byte-identical across runs (for review and diffing): the pack plus the cards and quiz
 * items generated from it with a fixed seed.
 */
const dumpSeed = 1;

runCli(() => {
  const { positionals } = parseArgs({ allowPositionals: true, options: {}, strict: true });
  if (positionals.length > 1) throw new CliError('Usage: npm run -s content:dump [pack folder]');
  const { pack } = loadOnePack(positionals[0]);
  const bank = toDump(generateBank(pack, { seed: dumpSeed }));
  process.stdout.write(`${JSON.stringify(contentDump(pack, bank), null, 2)}\n`);
  return 0;
});
