import { parseArgs } from 'node:util';
import { loadPackFolder } from '../services/packs/pack-folder.ts';
import {
  CliError,
  isBundled,
  packDirs,
  problemLine,
  runCli,
  shown,
  staleBuildOutputs,
} from './lib/pack-cli.ts';
import { giveawayLines } from './lib/pack-giveaways.ts';
import { placeholderLines } from './lib/pack-scaffold.ts';

/**
 * `npm run pack:check [dir]`: validates packs (default: every bundled pack) and prints each
 * problem as `path/to/file.json:line:col  message`. For bundled packs it also checks that
 * layout.json and schema/ are up to date. Placeholders pack:new left ("TODO: …") and names that give
 * an item's answer away (a title naming a link's direction) are warnings.
 * Exit 0 when clean, 1 otherwise.
 */
runCli(async () => {
  const { positionals } = parseArgs({ allowPositionals: true, options: {}, strict: true });
  if (positionals.length > 1) throw new CliError('Usage: npm run pack:check [pack folder]');

  let problemCount = 0;
  let brokenPacks = 0;
  const dirs = packDirs(positionals[0]);
  for (const dir of dirs) {
    const result = loadPackFolder(dir);
    const problems = result.ok ? [] : [...result.problems];
    if (result.ok && isBundled(dir)) problems.push(...(await staleBuildOutputs(dir)));
    for (const problem of problems) console.log(problemLine(dir, problem));
    if (problems.length > 0) {
      brokenPacks++;
      problemCount += problems.length;
      console.log(`✗ ${shown(dir)}: ${plural(problems.length, 'problem')}`);
    } else if (result.ok) {
      for (const line of placeholderLines(dir)) console.log(`⚠ ${line}`);
      for (const line of giveawayLines(dir, result.pack)) console.log(`⚠ ${line}`);
      const { manifest, facts, background, entities, pathways } = result.pack;
      console.log(
        `✓ ${shown(dir)}: ${manifest.id} ${manifest.version}, ${plural(facts.length, 'fact')}, ${plural(background.length, 'background fact')}, ${plural(entities.length, 'entity', 'entities')}, ${plural(pathways.length, 'pathway')}`,
      );
    }
  }
  console.log(
    problemCount === 0
      ? `pack:check: ${plural(dirs.length, 'pack')} checked, no problems`
      : `pack:check: ${plural(problemCount, 'problem')} in ${plural(brokenPacks, 'pack')} of ${dirs.length}`,
  );
  return problemCount === 0 ? 0 : 1;
});

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
