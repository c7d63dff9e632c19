import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allCardStates } from '../../services/storage/card-states.ts';
import { rebuildCardStates } from '../../services/storage/rebuild.ts';
import { cards, content, device, type Services } from '../support/progress-devices.ts';
import { openTestServices, testClock } from '../support/test-services.ts';

// Export and import of progress between devices: a round trip, idempotence, and merges in any
// order to the same result. Hostile files: data-import-hostile.test.ts.

function target(clockAt: number): Services {
  return openTestServices({ cards, clock: testClock(clockAt) });
}

describe('export and import', () => {
  it('round-trips every record into an empty database, with identical card states', () => {
    const a = device(1);
    const exported = a.data.exportDocument();
    expect(exported.fileName).toMatch(/^pathwise-progress-\d{4}-\d{2}-\d{2}\.json$/);
    expect(exported.counts.events).toBeGreaterThan(20);
    const b = target(a.clock.ms());
    const result = b.data.importDocument(exported.content);
    expect(result.added).toEqual(exported.counts);
    expect(result.backup.reason).toBe('before-import');
    expect(content(b)).toEqual(content(a));
    a.close();
    b.close();
  });

  it('accepts a file saved with a leading byte-order mark, as Windows editors save UTF-8', () => {
    const a = device(9, 40);
    const exported = a.data.exportDocument();
    const b = target(a.clock.ms());
    expect(b.data.importDocument(`\uFEFF${exported.content}`).added).toEqual(exported.counts);
    expect(content(b)).toEqual(content(a));
    a.close();
    b.close();
  });

  it('is idempotent: a second import adds nothing', () => {
    const a = device(2);
    const document = a.data.exportDocument().content;
    const b = target(a.clock.ms());
    b.data.importDocument(document);
    const once = content(b);
    const again = b.data.importDocument(document);
    expect(again.added).toEqual({
      events: 0,
      quizSessions: 0,
      quizAnswers: 0,
      studySessions: 0,
      settings: 0,
      reports: 0,
    });
    expect(again.alreadyPresent.events).toBe(once.events.length);
    expect(content(b)).toEqual(once);
    a.close();
    b.close();
  });

  it('merges two devices both ways to the same progress, and the cache still equals a rebuild', () => {
    const a = device(3);
    const b = device(4);
    const docA = a.data.exportDocument().content;
    const docB = b.data.exportDocument().content;
    const later = Math.max(a.clock.ms(), b.clock.ms());
    a.clock.set(later);
    b.clock.set(later);
    a.data.importDocument(docB);
    b.data.importDocument(docA);
    expect(content(a)).toEqual(content(b));
    const cache = allCardStates(a.storage);
    rebuildCardStates(a.storage);
    expect(allCardStates(a.storage)).toEqual(cache);
    // Local events are never dropped: each device still has all of its own.
    const own = (JSON.parse(docA) as { events: { id: string }[] }).events.map((e) => e.id);
    const merged = new Set((content(a).events as { id: string }[]).map((e) => e.id));
    for (const id of own) expect(merged.has(id)).toBe(true);
    a.close();
    b.close();
  });

  it('merges any set of documents in any order, any number of times, to the same result', () => {
    const documents = [5, 6, 7].map((seed) => {
      const services = device(seed, 60);
      const document = services.data.exportDocument().content;
      const at = services.clock.ms();
      services.close();
      return { document, at };
    });
    const clockAt = Math.max(...documents.map((d) => d.at));
    let reference: ReturnType<typeof content> | undefined;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: documents.length - 1 }), {
          minLength: documents.length,
          maxLength: 6,
        }),
        (order) => {
          // Every document at least once, in the generated order, with repeats.
          const sequence = [
            ...order,
            ...documents.map((_, i) => i).filter((i) => !order.includes(i)),
          ];
          const merged = target(clockAt);
          for (const index of sequence)
            merged.data.importDocument(documents[index]?.document ?? '');
          const result = content(merged);
          merged.close();
          reference ??= result;
          expect(result).toEqual(reference);
        },
      ),
      { numRuns: 15 },
    );
  });
});
