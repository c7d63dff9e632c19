import path from 'node:path';
import { openAppServices } from '../services/app-services.ts';
import { exportSourceFor, fileExporter } from '../services/service-registry.ts';
import { inlineExporter } from '../services/export/handlers.ts';
import { ratings } from '../shared/engine/scheduler.ts';
import { makeTempDir, removeTempDir } from '../test/support/temp-dir.ts';
import { atMost, median, report, timeRuns, type Results } from './lib.ts';

const bundledPacksDir = path.join(import.meta.dirname, '..', 'assets', 'packs');
const day = 86_400_000;
/** The job thread's bundle, as the app starts it (`npm run bench` builds it first). */
const builtJobWorker = new URL('../out/preview/job-worker.js', import.meta.url);

/**
 * The bundled pack exported to Anki with progress, as Settings asks for it: on a job thread (its
 * start, the card states read through its own connection, the collection written with node:sqlite
 * and zipped), after every card of the pack was studied over six weeks, so every card carries a
 * schedule and a memory state.
 */
export async function measureExports(): Promise<Results> {
  const dir = makeTempDir('bench-export');
  let at = Date.parse('2025-06-01T09:00:00.000Z');
  const services = openAppServices({
    dataDir: dir,
    dataDirKind: 'test',
    transport: 'http',
    bundledPacksDir,
    appVersion: '0.0.0-bench',
    now: () => new Date(at),
    fuzz: false,
    dailyBackupDelayMs: null,
    jobs: builtJobWorker,
  });
  try {
    services.settings.update({ newCardsPerDay: 9999 });
    for (let step = 0; step < 4000; step++) {
      const next = services.review.next();
      if (!next.item) {
        at += day;
        if (at > Date.parse('2025-07-15T09:00:00.000Z')) break;
        continue;
      }
      services.review.answer({
        cardId: next.item.card.id,
        rating: ratings[step % 4] ?? 'good',
        durationMs: 4000,
        expectedVersion: next.item.stateVersion,
      });
      at += 30_000;
    }
    const exporter = fileExporter(services);
    const request = { format: 'apkg', includeProgress: true } as const;
    let made = await exporter.exportFile(request);
    const onJob = await timeRuns(5, async () => {
      made = await exporter.exportFile(request);
    });
    const source = () => exportSourceFor(services);
    const here = inlineExporter({ storage: services.storage, source, now: services.now });
    const inline = await timeRuns(5, () => here.exportFile(request));
    const sourceOnHost = await timeRuns(5, source);
    const quiz = await timeRuns(5, () =>
      exporter.exportFile({ format: 'quiz-csv', includeProgress: false }),
    );
    const cards = `${made.counts.cards} cards, ${made.counts.scheduled} with a schedule`;
    return {
      'Anki export with progress, bundled pack (job thread)': atMost(
        median(onJob),
        1000,
        'ms',
        cards,
      ),
      'Anki export with progress, on the calling thread': report(median(inline), 'ms'),
      '… of which taking its source on the answering thread': report(median(sourceOnHost), 'ms'),
      'Anki package size': report(Math.round((made.base64.length * 3) / 4 / 1024), 'KB'),
      'Quiz CSV export (job thread)': report(median(quiz), 'ms'),
    };
  } finally {
    services.close();
    await services.running.settled();
    removeTempDir(dir);
  }
}
