import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastDocumentEvent } from '../../services/data/event-fast-check.ts';
import { findBadText } from '../../services/data/parse-document.ts';
import {
  documentEventSchema,
  eventFromDocument,
  eventToDocument,
} from '../../services/data/progress-document.ts';
import type { ReviewEvent } from '../../services/storage/review-events.ts';
import { parseSyncRecord } from '../../services/sync/sync-records.ts';
import { validEvent } from '../support/event-arbitrary.ts';

// The hand-written event check must never take what the zod schema refuses, and must read what it
// takes exactly as the schema does; and it must take the events the app writes, or it is no fast
// path at all.

/** Values a field should never hold, and near misses of the ones it should. */
const oddValue = fc.oneof(
  fc.jsonValue(),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom(
    undefined,
    '',
    '2023-01-02T08:00:00Z',
    '2023-01-02T08:00:00.000+00:00',
    '2023-02-29T08:00:00.000Z',
    '2023-01-02T24:00:00.000Z',
    '2023-01-02 08:00:00.000Z',
    '+012023-01-02T08:00:00.000Z',
    '2023-13-02',
    '2023-1-2',
    -0,
    0.4999,
    0.9991,
    86_400_001,
    1.5,
    -1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '0190a4c0-0000-7000-8000-00000000000G',
    '0190a4c0-0000-4000-8000-000000000000',
    'x'.repeat(65),
    'x'.repeat(201),
    '\u0000',
    'card\u0000',
    '\uD800',
    'card:\uDC00x',
    '\uD83D\uDE00',
    'review',
    'rating',
    'good',
    'red',
    true,
    [],
    {},
  ),
  fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 19 }),
      fc.integer({ min: 0, max: 39 }),
      fc.integer({ min: 0, max: 29 }),
      fc.integer({ min: 0, max: 69 }),
      fc.integer({ min: 0, max: 69 }),
    )
    .map(([y, mo, d, h, mi, s]) => {
      const two = (n: number) => String(n).padStart(2, '0');
      return `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}.000Z`;
    }),
);

const documentKeys = Object.keys(
  eventToDocument(fc.sample(validEvent, { numRuns: 1, seed: 1 })[0] as ReviewEvent),
).concat('flag', 'extra', '__proto__');

/** A written event with one to three fields replaced, removed or added. */
const damagedDocument = fc
  .tuple(
    validEvent.map(eventToDocument),
    fc.array(fc.tuple(fc.constantFrom(...documentKeys), oddValue, fc.boolean()), {
      minLength: 1,
      maxLength: 3,
    }),
  )
  .map(([document, changes]) => {
    const damaged: Record<string, unknown> = { ...document };
    for (const [key, value, remove] of changes) {
      if (remove) Reflect.deleteProperty(damaged, key);
      else
        Object.defineProperty(damaged, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
    return damaged;
  });

/** The fast path may pass a record to zod, but what it takes zod takes, as the same event. */
function expectAgreement(value: unknown): void {
  const fast = fastDocumentEvent(value);
  if (fast === undefined) return;
  expect(findBadText(value)).toBeUndefined();
  const parsed = documentEventSchema.safeParse(value);
  expect(parsed.success).toBe(true);
  if (parsed.success) expect(fast).toStrictEqual(eventFromDocument(parsed.data));
}

describe('the fast event check', () => {
  it('takes every event the app writes, and reads it as the schema does', () => {
    fc.assert(
      fc.property(validEvent, (event) => {
        const document = eventToDocument(event);
        expect(fastDocumentEvent(document)).toStrictEqual(event);
        const read: unknown = JSON.parse(JSON.stringify(document));
        expect(fastDocumentEvent(read)).toBeDefined();
        expectAgreement(read);
        expectAgreement(document);
      }),
      { numRuns: 2000 },
    );
  });

  it('takes nothing the schema refuses: damaged events', () => {
    fc.assert(fc.property(damagedDocument, expectAgreement), { numRuns: 5000 });
  });

  it('takes nothing the schema refuses: damaged events as they come out of JSON', () => {
    fc.assert(
      fc.property(damagedDocument, (document) => {
        expectAgreement(JSON.parse(JSON.stringify(document)));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes nothing the schema refuses: anything at all', () => {
    fc.assert(fc.property(fc.anything(), expectAgreement), { numRuns: 2000 });
  });

  it('refuses each field just past its bounds, as the schema does', () => {
    const edges: [string, unknown][] = [
      ['durationMs', 86_400_001],
      ['durationMs', -1],
      ['durationMs', 0.5],
      ['desiredRetention', 0.4999],
      ['desiredRetention', 0.9991],
      ['stabilityAfter', -1e-9],
      ['difficultyAfter', '5'],
      ['deviceId', ''],
      ['deviceId', 'd'.repeat(65)],
      ['cardId', ''],
      ['cardId', 'c'.repeat(201)],
      ['studyDay', '2023-02-29'],
      ['studyDay', '2023-1-02'],
      ['occurredAt', '2023-02-29T08:00:00.000Z'],
      ['occurredAt', '1900-02-29T08:00:00.000Z'],
      ['occurredAt', '2023-04-31T08:00:00.000Z'],
      ['dueAfter', '2023-01-02T08:00:60.000Z'],
      ['recordedAt', '2023-01-02T08:00:00.000+01:00'],
      ['id', '0190a4c0-0000-4000-8000-000000000000'],
      ['fuzz', 0],
      ['kind', 'review'],
      ['source', 'sync'],
      ['phaseBefore', 'done'],
      ['flag', 'black'],
      ['extra', 1],
    ];
    for (const event of fc.sample(validEvent, { numRuns: 40, seed: 11 })) {
      for (const [key, value] of edges) {
        const document = { ...eventToDocument(event), [key]: value };
        expect(documentEventSchema.safeParse(document).success, key).toBe(false);
        expect(fastDocumentEvent(document), key).toBeUndefined();
      }
    }
  });

  it('takes every leap day, on the calendar the schema keeps', () => {
    const event = fc.sample(validEvent, { numRuns: 1, seed: 5 })[0] as ReviewEvent;
    for (const leapDay of ['2000-02-29', '2024-02-29', '0000-02-29', '1600-02-29']) {
      const document = { ...eventToDocument(event), dueAfter: `${leapDay}T23:59:59.999Z` };
      expect(fastDocumentEvent(document)?.dueAfter, leapDay).toBe(Date.parse(document.dueAfter));
      expectAgreement(document);
    }
  });

  it('leaves the message of a refused record to the schema', () => {
    const event = fc.sample(validEvent, { numRuns: 1, seed: 7 })[0] as ReviewEvent;
    const document = { ...eventToDocument(event), durationMs: -5 };
    const parsed = parseSyncRecord({ t: 'event', r: document }, event.deviceId);
    expect(parsed).toStrictEqual({
      ok: false,
      reason: expect.stringMatching(/^it has invalid fields: .*durationMs/) as unknown,
    });
  });

  it('leaves the message of text SQLite would not store to the text check', () => {
    const event = fc.sample(validEvent, { numRuns: 1, seed: 9 })[0] as ReviewEvent;
    const document = { ...eventToDocument(event), cardId: 'card\u0000' };
    expect(parseSyncRecord({ t: 'event', r: document }, event.deviceId)).toStrictEqual({
      ok: false,
      reason: 'it has invalid text: cardId contains a NUL character (U+0000)',
    });
  });

  it('takes a time only in the form the app writes, and leaves the others to the schema', () => {
    const event = fc.sample(validEvent, { numRuns: 1, seed: 3 })[0] as ReviewEvent;
    const document = { ...eventToDocument(event), occurredAt: '2023-01-02T08:00:00Z' };
    expect(fastDocumentEvent(document)).toBeUndefined();
    expect(documentEventSchema.safeParse(document).success).toBe(true);
  });
});
