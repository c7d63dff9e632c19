import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadPackFolder } from '../services/packs/pack-folder.ts';
import { CliError, freshLayout, packDirs, problemLine, runCli, shown } from './lib/pack-cli.ts';

/**
 * `npm run pack:layout [dir]`: computes the ELK layout of every pathway (and of each context
 * whose nodes differ) and writes layout.json into the pack folder (default: every bundled pack).
 * The old layout.json is ignored while validating, so a stale or broken one never blocks this.
 */
runCli(async () => {
  const { positionals } = parseArgs({ allowPositionals: true, options: {}, strict: true });
  if (positionals.length > 1) throw new CliError('Usage: npm run pack:layout [pack folder]');
  let failed = 0;
  for (const dir of packDirs(positionals[0])) {
    const result = loadPackFolder(dir, { ignoreLayout: true });
    if (!result.ok) {
      failed++;
      for (const problem of result.problems) console.error(problemLine(dir, problem));
      console.error(`✗ ${shown(dir)}: not laid out; fix the problems above first`);
      continue;
    }
    const file = path.join(dir, 'layout.json');
    writeFileSync(file, await freshLayout(result.pack));
    console.log(`✓ ${shown(file)}: ${result.pack.pathways.length} pathways laid out`);
  }
  return failed === 0 ? 0 : 1;
});
