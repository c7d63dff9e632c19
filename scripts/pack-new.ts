import path from 'node:path';
import { parseArgs } from 'node:util';
import { bundledPacksDir, CliError, runCli, shown } from './lib/pack-cli.ts';
import { placeholder, writePackScaffold } from './lib/pack-scaffold.ts';

/**
 * `npm run pack:new -- <id> [--dir DIR] [--title "…"]`: scaffolds a valid, empty pack in DIR
 * (default assets/packs/<id>), refusing a folder that exists or an invalid id, and prints what
 * to do next. The guide is docs/packs.md.
 */
const usage = 'Usage: npm run pack:new -- <id> [--dir DIR] [--title "Pack title"]';

runCli(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { dir: { type: 'string' }, title: { type: 'string' } },
    strict: true,
  });
  const [id, ...extra] = positionals;
  if (id === undefined || extra.length > 0) throw new CliError(usage);
  const dir = path.resolve(values.dir ?? path.join(bundledPacksDir, id));
  const title = values.title?.trim() || undefined;
  const written = await writePackScaffold(dir, id, title);
  const where = shown(dir);
  const fileList = written.filter((file) => !file.startsWith('schema/')).join(', ');
  console.log(
    [
      `✓ ${where}: new pack "${id}" (${fileList}, and schema/ with a JSON Schema per file)`,
      '',
      'Next steps (the guide is docs/packs.md):',
      `  1. Replace every "${placeholder}" (pack:check lists them) and the citation's year in manifest.json.`,
      '  2. Add entities, facts, references, pathways and teaching points, in that order.',
      `  3. npm run pack:check -- ${where}            after each change: every problem with its line`,
      `  4. npm run pack:layout -- ${where}           after changing pathways.json`,
      `  5. npm run bank:check -- ${where}            the cards and quiz items the pack makes, checked`,
      `  6. npm run -s bank:sample -- --seed 1 ${where} > sample.md   a sample to audit by eye`,
    ].join('\n'),
  );
  return 0;
});
