// TEST-ONLY child for the crash test: answers `count` cards through the real services in the
// data directory argv[2], printing each event id once its answer has returned (i.e. committed).
// The parent kills it with SIGKILL at a random moment.
import { openAppServices } from '../../services/app-services.ts';
import { syntheticCards } from './synthetic-cards.ts';
import { bundledPacksDir } from './test-services.ts';

const [dataDir, countText = '2000', startText = '1741000000000'] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: crash-writer.ts <data-dir> [count] [start-ms]');
let at = Number(startText);
const services = openAppServices({
  dataDir,
  dataDirKind: 'test',
  transport: 'http',
  bundledPacksDir,
  appVersion: 'crash-test',
  now: () => new Date(at),
  fuzz: false,
  dailyBackupDelayMs: null,
});
services.review.setCatalog(syntheticCards(400));
services.settings.update({ newCardsPerDay: 400, reviewsPerDay: 99_999 });
const ratings = ['again', 'hard', 'good', 'easy'] as const;
for (let i = 0; i < Number(countText); i++) {
  const next = services.review.next();
  if (!next.item) {
    at += 3_600_000;
    i -= 1;
    continue;
  }
  const answer = services.review.answer({
    cardId: next.item.card.id,
    rating: ratings[i % 4] ?? 'good',
    durationMs: 1000,
    expectedVersion: next.item.stateVersion,
  });
  process.stdout.write(`${answer.eventId}\n`);
  at += 20 * 60_000;
}
services.close();
process.stdout.write('done\n');
