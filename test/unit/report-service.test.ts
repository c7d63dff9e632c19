import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../shared/contract/errors.ts';
import { publicItemId } from '../../services/quiz/public-id.ts';
import { openAppServices } from '../../services/app-services.ts';
import { bundledPacksDir, openTestServices, testClock } from '../support/test-services.ts';
import { tempDir } from '../support/test-scope.ts';

type Services = ReturnType<typeof openTestServices>;

const opened: { close(): void }[] = [];

afterEach(() => {
  for (const services of opened.splice(0)) services.close();
});

// Services close here, before test-scope removes the test's folders (its hook runs last).
const folder = (): string => tempDir('report');

function open(dataDir = folder(), at = Date.parse('2025-03-03T09:00:00.000Z')): Services {
  const services = openTestServices({ dataDir, clock: testClock(at) });
  opened.push(services);
  return services;
}

function rowCount(services: Services): number {
  const row = services.storage.db().prepare('SELECT COUNT(*) AS n FROM report_event').get();
  return Number(row?.n);
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ContractError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('reports of faulty items and cards', () => {
  it('stores a report with the pack version, lists it, and withdraws it with a new event', () => {
    const services = open();
    const card = services.bank.cards[0];
    if (!card) throw new Error('the bundled bank has no cards');
    const report = services.reports.create({
      target: 'card',
      id: card.id,
      reason: 'ambiguous',
      note: '  Two answers fit.  ',
    });
    expect(report).toMatchObject({
      target: 'card',
      text: card.front,
      reason: 'ambiguous',
      note: 'Two answers fit.',
      packVersion: services.packs.get().manifest.version,
      withdrawnAt: null,
      hidden: true,
    });
    expect(services.reports.list().reports).toEqual([report]);
    expect(
      codeOf(() => services.reports.create({ target: 'card', id: card.id, reason: 'other' })),
    ).toBe('conflict');

    services.clock.advance(60_000);
    const withdrawn = services.reports.withdraw({ reportId: report.reportId });
    expect(withdrawn.hidden).toBe(false);
    expect(withdrawn.withdrawnAt).toBe(services.clock.now().toISOString());
    // Withdrawing again changes nothing; the report itself is still in the log.
    expect(services.reports.withdraw({ reportId: report.reportId })).toEqual(withdrawn);
    expect(rowCount(services)).toBe(2);
    expect(services.reports.list().reports).toEqual([withdrawn]);
    expect(() => services.storage.db().exec('DELETE FROM report_event')).toThrow(/append-only/);
    expect(() => services.storage.db().exec(`UPDATE report_event SET note = 'changed'`)).toThrow(
      /append-only/,
    );
  });

  it('refuses an item or card the pack does not have, and a report id that does not exist', () => {
    const services = open();
    expect(
      codeOf(() =>
        services.reports.create({ target: 'quiz-item', id: 'q-nothing', reason: 'unclear' }),
      ),
    ).toBe('not-found');
    expect(
      codeOf(() =>
        services.reports.create({ target: 'card', id: 'no-such-card', reason: 'unclear' }),
      ),
    ).toBe('not-found');
    expect(codeOf(() => services.reports.withdraw({ reportId: 'nope' }))).toBe('not-found');
  });

  it('leaves a reported quiz item out of every quiz, and brings it back once withdrawn', () => {
    const services = open();
    const item = services.bank.quiz[0];
    if (!item) throw new Error('the bundled bank has no quiz items');
    const filter = { kinds: [item.kind], topics: [item.topic] };
    const before = services.quiz.count(filter).available;
    const report = services.reports.create({
      target: 'quiz-item',
      id: publicItemId(item.id),
      reason: 'wrong-key',
    });
    expect(report.text).toBe(item.prompt);
    expect(services.quiz.count(filter).available).toBe(before - 1);
    const quiz = services.quiz.start({ mode: 'practice', count: 100, ...filter });
    expect(quiz.items.map((shown) => shown.id)).not.toContain(publicItemId(item.id));

    services.reports.withdraw({ reportId: report.reportId });
    expect(services.quiz.count(filter).available).toBe(before);
  });

  it('leaves a reported card out of the flashcard queue', () => {
    const services = open();
    const first = services.review.next();
    if (!first.item) throw new Error('a fresh learner has new cards');
    const cardId = first.item.card.id;
    services.reports.create({ target: 'card', id: cardId, reason: 'unclear' });
    expect(services.review.catalog.has(cardId)).toBe(false);
    const next = services.review.next();
    expect(next.item?.card.id).toBeDefined();
    expect(next.item?.card.id).not.toBe(cardId);
    expect(next.upNext?.card.id).not.toBe(cardId);
  });

  it('shows the item again once the pack version changes, and keeps the report listed', () => {
    const packs = folder();
    cpSync(bundledPacksDir, packs, { recursive: true });
    const manifestFile = path.join(packs, 'il32-gamma', 'manifest.json');
    const dataDir = folder();
    const first = open(dataDir);
    const card = first.bank.cards[0];
    if (!card) throw new Error('the bundled bank has no cards');
    first.reports.create({ target: 'card', id: card.id, reason: 'other' });
    expect(first.reports.hidden().cards.has(card.id)).toBe(true);
    first.close();

    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { version: string };
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, version: '1.0.1' }));
    const updated = openAppServices({
      dataDir,
      dataDirKind: 'test',
      transport: 'http',
      bundledPacksDir: packs,
      appVersion: '0.0.0-test',
      now: () => new Date(Date.parse('2025-03-04T09:00:00.000Z')),
      dailyBackupDelayMs: null,
    });
    opened.push(updated);
    expect(updated.packs.get().manifest.version).toBe('1.0.1');
    expect(updated.reports.hidden().cards.has(card.id)).toBe(false);
    expect(updated.review.catalog.has(card.id)).toBe(true);
    expect(updated.reports.list().reports).toMatchObject([
      { packVersion: manifest.version, hidden: false, withdrawnAt: null },
    ]);
  });

  it('exports reports and withdrawals, and imports them by id, idempotently', () => {
    const a = open();
    const [card, other] = a.bank.cards;
    const item = a.bank.quiz[0];
    if (!card || !other || !item) throw new Error('the bundled bank is too small');
    const kept = a.reports.create({
      target: 'quiz-item',
      id: publicItemId(item.id),
      reason: 'ambiguous',
      note: 'B and C both fit.',
    });
    a.clock.advance(1000);
    const dropped = a.reports.create({ target: 'card', id: card.id, reason: 'unclear' });
    a.clock.advance(1000);
    a.reports.withdraw({ reportId: dropped.reportId });
    const exported = a.data.exportDocument();
    expect(exported.counts.reports).toBe(3);

    const b = open(undefined, a.clock.ms());
    const result = b.data.importDocument(exported.content);
    expect(result.added.reports).toBe(3);
    expect(b.reports.list()).toEqual(a.reports.list());
    expect(b.reports.hidden().quizItems.has(item.id)).toBe(true);
    expect(b.reports.hidden().cards.has(card.id)).toBe(false);
    expect(b.review.catalog.has(card.id)).toBe(true);

    const again = b.data.importDocument(exported.content);
    expect(again.added.reports).toBe(0);
    expect(again.alreadyPresent.reports).toBe(3);
    expect(rowCount(b)).toBe(3);

    // A new report on B after the import sorts after the imported ones.
    b.clock.advance(1000);
    const fresh = b.reports.create({ target: 'card', id: other.id, reason: 'other' });
    expect(b.reports.list().reports[0]?.reportId).toBe(fresh.reportId);
    expect(kept.reportId < fresh.reportId).toBe(true);
  });

  it('rejects a document whose withdrawal names a missing report, writing nothing', () => {
    const a = open();
    const card = a.bank.cards[0];
    if (!card) throw new Error('the bundled bank has no cards');
    const report = a.reports.create({ target: 'card', id: card.id, reason: 'unclear' });
    a.reports.withdraw({ reportId: report.reportId });
    const document = JSON.parse(a.data.exportDocument().content) as {
      reports: { kind: string }[];
    };
    document.reports = document.reports.filter((event) => event.kind === 'withdraw');
    const b = open(undefined, a.clock.ms());
    expect(codeOf(() => b.data.importDocument(JSON.stringify(document)))).toBe('import-rejected');
    expect(rowCount(b)).toBe(0);
  });

  it('imports a progress file made before reports existed', () => {
    const a = open();
    const document = JSON.parse(a.data.exportDocument().content) as Record<string, unknown>;
    delete document.reports;
    const b = open(undefined, a.clock.ms());
    expect(b.data.importDocument(JSON.stringify(document)).added.reports).toBe(0);
  });
});
