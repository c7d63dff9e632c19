import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateBank } from '../../shared/engine/bank.ts';
import { titleGiveaways } from '../../shared/engine/giveaways.ts';
import { formatJsonPath, parseJsonSource } from '../../shared/pack/json-source.ts';
import type { Pack } from '../../shared/pack/schema.ts';
import { shown } from './pack-cli.ts';

/** The seed bank:check uses, so the warnings speak of the items it checks. */
const seed = 1;

/**
 * `pack:check`'s warnings on learner-facing names that give an item's answer away, each at its
 * place: `manifest.json:70:16  $.sections[2].title: the figure title … says "drives", …`.
 */
export function giveawayLines(dir: string, pack: Pack): string[] {
  const giveaways = titleGiveaways(pack, generateBank(pack, { seed }));
  const sources = new Map<string, ReturnType<typeof parseJsonSource>>();
  return giveaways.map((giveaway) => {
    const file = path.join(dir, giveaway.file);
    let parsed = sources.get(file);
    if (parsed === undefined) {
      parsed = parseJsonSource(giveaway.file, readFileSync(file, 'utf8'));
      sources.set(file, parsed);
    }
    const at = parsed.ok ? parsed.source.locate(giveaway.path) : { line: 1, column: 1 };
    return `${shown(file)}:${at.line}:${at.column}  ${formatJsonPath(giveaway.path)}: ${giveaway.message}`;
  });
}
