import { parseArgs } from 'node:util';
import { loadPackFolder } from '../services/packs/pack-folder.ts';
import { generateBank } from '../shared/engine/bank.ts';
import { checkBank, coverageGaps } from '../shared/engine/check.ts';
import { keyCheckOf } from '../shared/engine/kinds/index.ts';
import { cueLines, disagreementLines, verifyBank } from '../shared/verify/index.ts';
import { CliError, packDirs, problemLine, runCli, shown } from './lib/pack-cli.ts';

/**
 * `npm run bank:check [dir]`: generates the study bank of each pack (default: every bundled pack),
 * runs checkBank over every item and prints each violation as `item-id  rule  message`, then the
 * coverage gaps (facts without a card or a quiz item, pathway edges no item exercises), then the
 * second opinion of shared/verify: every key re-derived from the raw facts without the
 * generators' rules (`item-id  rule  reason`) and the test-wise cues (`✗ cue wins …`).
 * Exit 0 when clean, 1 otherwise (and when a pack is invalid or there are no packs).
 */
const seed = 1;

runCli(() => {
  const { positionals } = parseArgs({ allowPositionals: true, options: {}, strict: true });
  if (positionals.length > 1) throw new CliError('Usage: npm run bank:check [pack folder]');
  let failures = 0;
  for (const dir of packDirs(positionals[0])) {
    const loaded = loadPackFolder(dir);
    if (!loaded.ok) {
      for (const problem of loaded.problems) console.log(problemLine(dir, problem));
      console.log(`✗ ${shown(dir)}: not a valid pack (run npm run pack:check)`);
      failures++;
      continue;
    }
    const pack = loaded.pack;
    const bank = generateBank(pack, { seed });
    const violations = checkBank(pack, bank);
    for (const v of violations) console.log(`${v.itemId}  ${v.rule}  ${v.message}`);
    const gaps = coverageGaps(pack, bank);
    const gapLines = [
      ...gaps.factsUntaught.map((id) => `${id}  neither a flashcard nor a quiz item`),
      ...gaps.factsWithoutQuizItem.map((id) => `${id}  no quiz item`),
      ...gaps.edgesWithoutItem.map((id) => `${id}  no quiz item exercises this edge`),
    ];
    for (const line of gapLines) console.log(line);
    if (gaps.minorFactsLeftOut.length > 0) {
      console.log(
        `  note: ${gaps.minorFactsLeftOut.length} minor facts have no card or no quiz item, because no item on them could be proven fair: ${gaps.minorFactsLeftOut.join(', ')}`,
      );
    }
    const kinds = new Map<string, number>();
    for (const item of bank.quiz) kinds.set(item.kind, (kinds.get(item.kind) ?? 0) + 1);
    const summary = [...kinds].map(([kind, n]) => `${kind} ${n}`).join(', ');
    const verification = verifyBank(pack, bank.quiz, keyCheckOf);
    for (const line of disagreementLines(verification)) console.log(line);
    for (const line of cueLines(verification)) console.log(line);
    const disagreements = verification.disagreements.length;
    const cueWins = verification.cues.filter((c) => c.wins).length;
    const bad = violations.length + gapLines.length + disagreements + cueWins;
    if (bad > 0) failures++;
    console.log(
      `${bad === 0 ? '✓' : '✗'} ${shown(dir)}: ${bank.cards.length} cards, ${bank.quiz.length} quiz items (${summary}); ${violations.length} violations, ${gapLines.length} coverage gaps, ${disagreements} disagreements with the independent check, ${cueWins} winning cues`,
    );
  }
  return failures === 0 ? 0 : 1;
});
