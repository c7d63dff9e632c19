import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppServices } from '../../services/app-services.ts';
import { createHandlerRegistry } from '../../services/service-registry.ts';
import { allEventsByTime } from '../../services/storage/review-events.ts';
import type { PackFileTexts } from '../../shared/pack/validate.ts';
import { repoRoot } from '../support/packs.ts';
import { openTestServices, testClock } from '../support/test-services.ts';
import { tempDir } from '../support/test-scope.ts';

function packFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.json')) files[name] = readFileSync(path.join(dir, name), 'utf8');
  }
  return files;
}

function wntBoneFiles(): PackFileTexts {
  return packFiles(path.join(repoRoot, 'test', 'fixtures', 'packs', 'wnt-bone'));
}

/** The bundled pack under another id: every card id of it is also one of the bundled pack's. */
function bundledCopyFiles(): PackFileTexts {
  const files = packFiles(path.join(repoRoot, 'assets', 'packs', 'il32-gamma'));
  const manifest = files['manifest.json'] ?? '';
  files['manifest.json'] = manifest.replace('"id": "il32-gamma"', '"id": "il32-copy"');
  return files;
}

const wntCard = 'entity-definition:sclerostin';
const wntOtherCard = 'entity-definition:opg';

/** Rates the card `cardId` of the pack studied, from the queue's own view of it. */
function rate(services: AppServices, cardId: string, rating: 'good' | 'again' = 'good') {
  const queued = services.review.queuedCard(cardId);
  if (!queued) throw new Error(`${cardId} is not a card of ${services.study.packId}`);
  const expectedVersion = queued.stateVersion;
  return services.review.answer({ cardId, rating, durationMs: 4000, expectedVersion });
}

function stateOf(services: AppServices, cardId: string) {
  return services.review.allStates().get(cardId);
}

function seen(services: AppServices): number {
  return services.progress.summary().totals.seen;
}

describe('studying several packs', () => {
  it('keeps each pack’s schedule and progress apart, the same fact id included', () => {
    const services = openTestServices();
    services.packs.import(bundledCopyFiles());
    const card = 'fact-cloze:F028';
    expect(services.bank.cards.some((c) => c.id === card)).toBe(true);
    rate(services, card);
    const il32State = stateOf(services, card);
    const il32Counts = services.review.counts();
    expect(seen(services)).toBe(1);

    services.choosePack('il32-copy');
    expect(services.study.packId).toBe('il32-copy');
    expect(services.bank.cards.some((c) => c.id === card)).toBe(true);
    // Nothing of il32-gamma shows: not the card's state, not its review, not its day.
    expect(stateOf(services, card)).toBeUndefined();
    expect(seen(services)).toBe(0);
    expect(services.progress.summary().totals.reviews).toBe(0);
    expect(services.progress.charts().activity.every((day) => day.reviews === 0)).toBe(true);
    const other = services.bank.cards.find((c) => c.id.startsWith('fact-cloze:') && c.id !== card);
    if (!other) throw new Error('the copy has one fact card');
    rate(services, card, 'again');
    rate(services, other.id);
    expect(seen(services)).toBe(2);
    expect(stateOf(services, card)?.state.lapses).toBe(0);
    expect(stateOf(services, card)?.state.phase).toBe('learning');

    services.choosePack('il32-gamma');
    expect(stateOf(services, card)).toEqual(il32State);
    expect(services.review.counts()).toEqual(il32Counts);
    expect(seen(services)).toBe(1);
    const events = [...allEventsByTime(services.storage)];
    expect(events.map((event) => [event.packId, event.cardId, event.rating])).toEqual([
      ['il32-gamma', card, 'good'],
      ['il32-copy', card, 'again'],
      ['il32-copy', other.id, 'good'],
    ]);
  });

  it('answers a call after a switch with the new pack’s services', async () => {
    const services = openTestServices();
    const registry = createHandlerRegistry(services);
    services.packs.import(wntBoneFiles());
    // F028 has a fact card in the bundled pack; the second pack's F028 (another fact) has none.
    const before = await registry.dispatch('bank.cards', { factIds: ['F028'] });
    expect(before.ok && (before.value as { id: string }[]).map((card) => card.id)).toEqual([
      'fact-cloze:F028',
    ]);
    const chosen = await registry.dispatch('pack.choose', { id: 'wnt-bone' });
    expect(chosen).toMatchObject({ ok: true, value: { id: 'wnt-bone', active: true } });
    const pack = await registry.dispatch('pack.get', {});
    expect(pack.ok && (pack.value as { manifest: { id: string } }).manifest.id).toBe('wnt-bone');
    const cards = await registry.dispatch('bank.cards', { factIds: ['F028'] });
    expect(cards).toMatchObject({ ok: true, value: [] });
    const list = await registry.dispatch('pack.list', undefined);
    const active = list.ok ? (list.value as { id: string; active: boolean }[]) : [];
    expect(active.filter((pack) => pack.active).map((pack) => pack.id)).toEqual(['wnt-bone']);
    expect(await registry.dispatch('pack.choose', { id: 'no-such-pack' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(services.study.packId).toBe('wnt-bone');
  });

  it('keeps a quiz to its pack: another pack cannot answer into it', () => {
    const services = openTestServices();
    services.packs.import(wntBoneFiles());
    const { sessionId } = services.quizRecords.startQuizSession({ mode: 'practice', config: {} });
    services.choosePack('wnt-bone');
    expect(() =>
      services.quizRecords.recordQuizAnswer({
        sessionId,
        itemId: 'x',
        kind: 'true-false',
        factIds: ['F001'],
        topic: 't',
        correct: true,
        response: {},
        durationMs: 1000,
      }),
    ).toThrow(/taken in the pack "il32-gamma"/);
    expect(services.quizRecords.quizHistory()).toEqual([]);
  });

  it('remembers the pack chosen across a restart, and falls back with a notice when it is gone', () => {
    const dataDir = tempDir();
    const clock = testClock();
    const first = openTestServices({ dataDir, clock });
    first.packs.import(wntBoneFiles());
    first.choosePack('wnt-bone');
    rate(first, wntCard);
    first.close();

    const second = openTestServices({ dataDir, clock });
    expect(second.study.packId).toBe('wnt-bone');
    expect(seen(second)).toBe(1);
    // The learner's copy breaks (a hand edit): the app opens the default pack and says why.
    const manifest = path.join(dataDir, 'packs', 'wnt-bone', 'manifest.json');
    writeFileSync(manifest, '{ "id": ');
    second.close();

    const third = openTestServices({ dataDir, clock });
    expect(third.study.packId).toBe('il32-gamma');
    expect(third.notices.list().map((notice) => notice.title)).toContain(
      'The pack "wnt-bone" could not be opened',
    );
    expect(seen(third)).toBe(0);
    expect([...allEventsByTime(third.storage)].map((event) => event.packId)).toEqual(['wnt-bone']);
  });

  it('removes a learner pack but keeps its events, which come back with the pack', () => {
    const services = openTestServices();
    services.packs.import(wntBoneFiles());
    services.choosePack('wnt-bone');
    rate(services, wntOtherCard);
    expect(() => services.removePack('il32-gamma')).toThrow(/comes with the app/);

    expect(services.removePack('wnt-bone')).toBe('il32-gamma');
    expect(services.study.packId).toBe('il32-gamma');
    expect(services.packs.list().map((pack) => pack.id)).toEqual(['il32-gamma']);
    expect(readdirSync(path.join(services.options.dataDir, 'packs', '.removed'))).toHaveLength(1);
    expect([...allEventsByTime(services.storage)]).toHaveLength(1);

    services.packs.import(wntBoneFiles());
    services.choosePack('wnt-bone');
    expect(stateOf(services, wntOtherCard)?.state.reps).toBe(1);
    expect(seen(services)).toBe(1);
  });
});
