import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportSourceFor, fileExporter } from '../../services/service-registry.ts';
import { ankiSchedule } from '../../services/export/anki-notes.ts';
import { jobExporter } from '../../services/export/handlers.ts';
import { jobWorkerEntry } from '../../services/host/entries.ts';
import { allCardStates } from '../../services/storage/card-states.ts';
import type { ExportedFile } from '../../shared/contract/export.ts';
import { ratings, type MemoryState } from '../../shared/engine/scheduler.ts';
import { noPythonReason, python, readApkg, type ApkgContents } from '../support/python-readers.ts';
import { tempDir } from '../support/test-scope.ts';
import { openTestServices } from '../support/test-services.ts';

type Services = ReturnType<typeof openTestServices>;
const dayMs = 86_400_000;

/** A learner who studied over two weeks with every rating, undid twice and reported one card. */
function studied(): { services: Services; reported: string } {
  const services = openTestServices();
  for (let step = 0; step < 120; step++) {
    const next = services.review.next();
    if (!next.item) {
      services.clock.advance(dayMs);
      continue;
    }
    services.review.answer({
      cardId: next.item.card.id,
      rating: ratings[(step * 7) % 4] ?? 'good',
      durationMs: 4000,
      expectedVersion: next.item.stateVersion,
    });
    // Two answers taken back: they must not reach Anki's review log.
    if (step === 50 || step === 80) services.review.undo();
    services.clock.advance(step % 10 === 9 ? dayMs : 60_000);
  }
  const reported = allCardStates(services.storage)[0]?.cardId ?? '';
  services.reports.create({ target: 'card', id: reported, reason: 'wrong-key' });
  return { services, reported };
}

function read(file: ExportedFile): ApkgContents {
  const where = path.join(tempDir('apkg'), file.fileName);
  writeFileSync(where, Buffer.from(file.base64, 'base64'));
  return readApkg(where);
}

describe.skipIf(!python)(`Anki package (${python ? 'read by Python' : noPythonReason})`, () => {
  it('holds every card once, with its fields, deck, tags and no learner data', async () => {
    const services = openTestServices();
    const file = await fileExporter(services).exportFile({
      format: 'apkg',
      includeProgress: false,
    });
    const apkg = read(file);
    const { cards } = services.bank;
    const pack = services.packs.get();

    expect(apkg.names).toEqual(['collection.anki21', 'media']);
    expect(apkg.media).toBe('{}');
    expect(apkg.integrity).toBe('ok');
    expect(apkg.col.ver).toBe(11);
    expect(apkg.col.conf.schedVer).toBe(2);
    expect(apkg.notes).toHaveLength(cards.length);
    expect(apkg.cards).toHaveLength(cards.length);
    expect(file.counts).toMatchObject({
      cards: cards.length,
      scheduled: 0,
      suspended: 0,
      reviews: 0,
    });
    expect(apkg.revlog).toEqual([]);

    const [model, ...otherModels] = Object.values(apkg.col.models);
    expect(otherModels).toEqual([]);
    expect(model?.flds.map((field) => field.name)).toEqual([
      'Front',
      'Back',
      'Source',
      'Pathwise id',
    ]);

    const deckNames = Object.values(apkg.col.decks).map((deck) => deck.name);
    const packDeck = `Pathwise::${pack.manifest.title}`;
    expect(deckNames).toContain('Pathwise');
    expect(deckNames).toContain(packDeck);
    const deckOf = new Map(Object.values(apkg.col.decks).map((deck) => [deck.id, deck.name]));

    const byId = new Map(cards.map((card) => [card.id, card]));
    const noteById = new Map(apkg.notes.map((note) => [note.id, note]));
    for (const row of apkg.cards) {
      const note = noteById.get(row.nid);
      const card = byId.get(note?.fields[3] ?? '');
      expect(card, `note ${row.nid}`).toBeDefined();
      if (!card || !note) continue;
      const topic = pack.manifest.topics.find((entry) => entry.id === card.topic);
      expect(deckOf.get(row.did)).toBe(`${packDeck}::${topic?.title}`);
      const unescaped = note.fields[0]
        ?.replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&amp;', '&');
      expect(unescaped).toBe(card.front.replaceAll('\n', '<br>'));
      expect(note.sfld).toBe(card.front);
      for (const factId of card.factIds) {
        const fact = pack.facts.find((entry) => entry.id === factId);
        if (fact)
          expect(note.fields[2]).toContain(
            fact.text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;'),
          );
      }
      for (const citation of card.citations)
        expect(note.fields[2]).toContain(citation.label.replaceAll('&', '&amp;'));
      expect(note.tagList).toContain(`Pathwise::topic::${card.topic}`);
      expect(note.tagList).toContain(`Pathwise::kind::${card.kind}`);
      for (const citation of card.citations)
        expect(note.tagList).toContain(`Pathwise::tier::${citation.tier}`);
      expect(note.tagList.includes('Pathwise::high-yield')).toBe(card.highYield);
      expect({
        type: row.type,
        queue: row.queue,
        ivl: row.ivl,
        reps: row.reps,
        data: row.dataJson,
      }).toEqual({
        type: 0,
        queue: 0,
        ivl: 0,
        reps: 0,
        data: {},
      });
    }
    expect(new Set(apkg.notes.map((note) => note.guid)).size).toBe(cards.length);
    expect(new Set(apkg.cards.map((card) => card.due)).size).toBe(cards.length);
  });

  it('with progress, carries each schedule and FSRS memory state and suspends reported cards', async () => {
    const { services, reported } = studied();
    const nowMs = services.clock.ms();
    const file = await fileExporter(services).exportFile({ format: 'apkg', includeProgress: true });
    const apkg = read(file);
    const states = new Map(
      allCardStates(services.storage).map((record) => [record.cardId, record.state]),
    );
    const crtMs = apkg.col.crt * 1000;
    expect(crtMs).toBeLessThanOrEqual(nowMs);
    expect(nowMs - crtMs).toBeLessThan(dayMs);

    const idOfNote = new Map(apkg.notes.map((note) => [note.id, note.fields[3] ?? '']));
    const phasesSeen = new Set<string>();
    for (const row of apkg.cards) {
      const cardId = idOfNote.get(row.nid) ?? '';
      const state = states.get(cardId);
      if (cardId === reported) expect(row.queue).toBe(-1);
      if (!state || state.phase === 'new') {
        expect(row.type).toBe(0);
        continue;
      }
      phasesSeen.add(state.phase);
      expect(row.type).toBe({ learning: 1, review: 2, relearning: 3 }[state.phase]);
      expect(row.reps).toBe(state.reps);
      expect(row.lapses).toBe(state.lapses);
      expect(row.dataJson.s).toBeCloseTo(state.stability, 3);
      expect(row.dataJson.d).toBeCloseTo(state.difficulty, 3);
      expect(row.dataJson.dr).toBe(services.settings.get().desiredRetention);
      if (state.phase === 'review') {
        expect(row.ivl).toBe(Math.max(1, state.scheduledDays));
        // A card overdue since before the collection's first day is due on that day.
        expect(row.due).toBe(Math.max(0, Math.floor((state.due - crtMs) / dayMs)));
      } else if (row.queue === 1) {
        expect(row.due).toBe(Math.floor(state.due / 1000));
      }
    }
    expect(phasesSeen).toContain('review');
    expect(phasesSeen.has('learning') || phasesSeen.has('relearning')).toBe(true);
    expect(file.counts.suspended).toBe(1);

    // The review log: each rating that counts (undone ones do not), oldest first, per card.
    const cardOfRow = new Map(apkg.cards.map((row) => [row.id, idOfNote.get(row.nid) ?? '']));
    expect(apkg.revlog).toHaveLength(file.counts.reviews);
    for (const [cardId, state] of states) {
      const log = apkg.revlog.filter((entry) => cardOfRow.get(entry.cid) === cardId);
      expect(log, cardId).toHaveLength(state.reps);
      expect(log.map((entry) => entry.lastIvl)).toEqual([0, ...log.slice(0, -1).map((e) => e.ivl)]);
      if (state.phase === 'review') expect(log.at(-1)?.ivl).toBeGreaterThanOrEqual(1);
    }
    expect(new Set(apkg.revlog.map((entry) => entry.ease))).toEqual(new Set([1, 2, 3, 4]));
    expect(apkg.revlog.every((entry) => entry.time === 4000)).toBe(true);
    expect(file.counts.scheduled).toBe(
      [...states.values()].filter((state) => state.phase !== 'new').length,
    );
  });

  it('is made the same on a job thread, whose temporary files are gone afterwards', async () => {
    const { services } = studied();
    const source = () => exportSourceFor(services);
    const exporter = jobExporter({
      entry: jobWorkerEntry,
      storage: services.storage,
      source,
      context: services.jobContext,
      running: services.running,
    });
    const onThread = await exporter.exportFile({ format: 'apkg', includeProgress: true });
    const here = await fileExporter(services).exportFile({ format: 'apkg', includeProgress: true });
    const [a, b] = [read(onThread), read(here)];
    expect(a.cards.map(({ id: _id, nid: _nid, ...rest }) => rest)).toEqual(
      b.cards.map(({ id: _id, nid: _nid, ...rest }) => rest),
    );
    expect(onThread.counts).toEqual(here.counts);
  });
});

describe("a memory state in Anki's terms", () => {
  const crtMs = Date.parse('2025-03-03T00:00:00.000Z');
  const nowMs = crtMs + 9 * 3_600_000;
  const at = { nowMs, crtMs, desiredRetention: 0.9 };
  const state = (phase: MemoryState['phase'], dueMs: number): MemoryState => ({
    phase,
    due: dueMs,
    stability: 3.14159,
    difficulty: 6.54321,
    elapsedDays: 0,
    scheduledDays: 4,
    learningSteps: 0,
    reps: 5,
    lapses: 1,
    lastReview: nowMs - 3_600_000,
  });

  it('puts a new card at its place, and a review card on its day since the collection began', () => {
    expect(ankiSchedule(state('new', nowMs), 7, at)).toMatchObject({ type: 0, queue: 0, due: 7 });
    expect(ankiSchedule(state('review', crtMs + 4.5 * dayMs), 7, at)).toEqual({
      type: 2,
      queue: 2,
      due: 4,
      ivl: 4,
      factor: 2500,
      reps: 5,
      lapses: 1,
      left: 0,
      data: '{"s":3.142,"d":6.543,"dr":0.9}',
    });
  });

  it('keeps a learning step due today at its second, and one due later on its day', () => {
    const soon = nowMs + 10 * 60_000;
    expect(ankiSchedule(state('learning', soon), 1, at)).toMatchObject({
      type: 1,
      queue: 1,
      due: Math.floor(soon / 1000),
      ivl: 0,
    });
    expect(ankiSchedule(state('relearning', crtMs + 2.2 * dayMs), 1, at)).toMatchObject({
      type: 3,
      queue: 3,
      due: 2,
      ivl: 4,
    });
  });
});
