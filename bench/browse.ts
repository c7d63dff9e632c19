import { BrowseService } from '../services/browse/browse-service.ts';
import type { BrowseFilters } from '../shared/engine/browse.ts';
import type { StudyCard } from '../shared/engine/types.ts';
import { makeTempDir, removeTempDir } from '../test/support/temp-dir.ts';
import { atMost, median, report, type Results } from './lib.ts';
import { buildDatabase, services } from './storage.ts';

const cardCount = 10_000;

const everything: BrowseFilters = {
  text: '',
  topic: null,
  pathway: null,
  kind: null,
  state: null,
  flag: null,
  due: 'any',
  difficulty: 'any',
  sort: 'text',
  descending: false,
};

/** What a learner does in Browse: open it, search a name and a short acronym, filter and sort. */
const queries: readonly (readonly [string, Partial<BrowseFilters>])[] = [
  ['everything, by text', {}],
  ['search "RANKL"', { text: 'RANKL' }],
  ['search "AS" (whole words)', { text: 'AS' }],
  [
    'review cards due this week, by difficulty',
    { state: 'review', due: 'week', sort: 'difficulty' },
  ],
  ['flagged red, by due date, descending', { flag: 'red', sort: 'due', descending: true }],
];

/**
 * 10,000 cards with the bundled pack's sentences, topics and entities (the same fact many times
 * over, as a pack a hundred times the size would give), 50,000 review events and a card state for
 * each card; 500 of them flagged, 200 suspended.
 */
function benchCards(pack: ReturnType<ReturnType<typeof services>['packs']['get']>): StudyCard[] {
  return Array.from({ length: cardCount }, (_, i): StudyCard => {
    const fact = pack.facts[i % pack.facts.length];
    if (!fact) throw new Error('The bundled pack has no facts.');
    return {
      id: `bench:${String(i).padStart(6, '0')}`,
      kind: i % 7 === 0 ? 'entity-definition' : 'fact-cloze',
      front: `${fact.text} (${i})`,
      back: fact.object,
      factIds: [fact.id],
      entityIds: [fact.subject, fact.object],
      topic: fact.topic,
      pathwayIds: [],
      citations: [],
      highYield: false,
      teachingRank: i,
    };
  });
}

export function measureBrowse(): Results {
  const dir = makeTempDir('bench-browse');
  try {
    buildDatabase(dir, 50_000, cardCount);
    const opened = services(dir, cardCount);
    try {
      const pack = opened.packs.get();
      const cards = benchCards(pack);
      opened.review.setCatalog(cards);
      opened.review.act(
        cards.filter((_, i) => i % 20 === 0).map((card) => card.id),
        { kind: 'flag', flag: 'red' },
      );
      opened.review.act(
        cards.filter((_, i) => i % 50 === 1).map((card) => card.id),
        { kind: 'suspend' },
      );
      const browse = new BrowseService({
        storage: opened.storage,
        pack,
        bank: { cards, quiz: opened.bank.quiz },
        review: opened.review,
        hidden: () => opened.reports.hidden(),
        now: opened.now,
      });
      const indexStart = performance.now();
      const first = browse.list(everything);
      const firstMs = performance.now() - indexStart;
      if (first.rows.length !== cardCount + opened.bank.quiz.length) {
        throw new Error(`Browse listed ${first.rows.length} rows.`);
      }
      const medians = queries.map(([name, change]) => {
        const filters = { ...everything, ...change };
        const samples = Array.from({ length: 9 }, () => {
          const start = performance.now();
          browse.list(filters);
          return performance.now() - start;
        });
        return { name, ms: median(samples), rows: browse.list(filters).rows.length };
      });
      const worst = medians.reduce((a, b) => (b.ms > a.ms ? b : a));
      const detail = medians.map((m) => `${m.name} ${m.ms.toFixed(1)} ms (${m.rows} rows)`);
      return {
        'browse.filter10kCards': atMost(
          Math.round(worst.ms * 10) / 10,
          50,
          'ms',
          `slowest of five queries, median of 9 each: ${detail.join('; ')}`,
        ),
        'browse.firstList10kCards': report(
          Math.round(firstMs),
          'ms',
          'the first query, which builds the index of the pack',
        ),
      };
    } finally {
      opened.close();
    }
  } finally {
    removeTempDir(dir);
  }
}
